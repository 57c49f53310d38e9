/*
 * Entering and leaving an interrupt handler. Every handler of a hardware
 * interrupt (devices, the timer, IPIs) runs between irq_enter() and
 * irq_exit(), so in_hardirq() is true in it: lockdep then knows which
 * locks are taken in interrupt context (they must be taken with interrupts
 * off everywhere else), and nothing schedules from inside a handler.
 * Linux: include/linux/hardirq.h, kernel/softirq.c irq_enter()/irq_exit()
 * (which also run softirqs and account the time; there are none here).
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

static inline void irq_enter(void)
{
	this_cpu_add(preempt_count, HARDIRQ_OFFSET);
	barrier();
}

static inline void irq_exit(void)
{
	barrier();
	this_cpu_add(preempt_count, -HARDIRQ_OFFSET);
}

#endif
