/*
 * Asking other CPUs to do something (inter-processor interrupts, IPIs).
 * Linux: include/linux/smp.h, kernel/smp.c.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <asm/smp.h>

typedef void (*smp_call_func_t)(void *info);

/*
 * Run func(info) on every online CPU of mask except this one, from their
 * interrupt handler, and wait until all have run it. Preemption must be off
 * or the caller pinned to its CPU; interrupts may be on or off (a caller
 * waiting with them off still serves the requests aimed at it).
 * Linux: smp_call_function_many() with wait = true.
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info);

/* func(info) here and on every other online CPU. Linux: on_each_cpu(). */
void on_each_cpu(smp_call_func_t func, void *info);

/* Make cpu look at need_resched soon (it may be halted in its idle loop).
 * Linux: smp_send_reschedule(). */
void smp_send_reschedule(int cpu);

#endif
