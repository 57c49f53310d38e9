/*
 * The scheduler's private data: one runqueue per CPU.
 * Linux: kernel/sched/sched.h struct rq (here a single round-robin class
 * instead of CFS/RT/deadline classes).
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>
#include <linux/spinlock.h>
#include <asm/smp.h>

#define SCHED_TIMESLICE 5	/* timer ticks a task runs before others get a turn */
#define SCHED_BALANCE_TICKS 4	/* a busy CPU looks for imbalance this often */

struct rq {
	spinlock_t lock;	/* protects everything below, and on_rq/cpu of its tasks */
	unsigned int nr_running;	/* runnable tasks here, including curr (not idle) */
	struct list_head queue;	/* runnable tasks waiting for the CPU, in order */
	struct task_struct *curr;	/* running now */
	struct task_struct *idle;	/* runs when nothing else can */
	struct mm_struct *prev_mm;	/* a borrowed mm to mmdrop() after the switch */
	struct task_struct *migrate;	/* prev, to queue on another CPU after the switch */
	struct task_struct *dead;	/* prev, dead: its last reference to drop after it */
	unsigned int nr_dead_puts;	/* dead tasks switched away from, not yet put */
	unsigned int balance_ticks;	/* ticks counted towards SCHED_BALANCE_TICKS */
	u64 nr_switches;
	int cpu;
};

extern struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu) (&runqueues[(cpu)])
#define this_rq() cpu_rq(smp_processor_id())
#define task_rq(p) cpu_rq((p)->cpu)

#endif
