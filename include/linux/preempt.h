/*
 * Preemption control. The kernel is preemptible: a timer interrupt may
 * switch tasks even in kernel code, unless this CPU's preempt_count is
 * non-zero. Spinlocks raise it, so a task is never switched out while it
 * holds one (another task on this CPU would spin on it forever).
 * Linux: include/linux/preempt.h (CONFIG_PREEMPT).
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <asm/percpu.h>

#define preempt_count() this_cpu_read(preempt_count)

/*
 * The count has two parts, as in Linux: the low bits count preempt_disable()
 * (spinlocks held), the HARDIRQ bits count interrupt handlers running
 * (irq_enter() adds HARDIRQ_OFFSET): code in a handler is atomic too, and
 * in_hardirq() tells lockdep that its locks are taken in interrupt context.
 */
#define HARDIRQ_OFFSET	(1 << 16)
#define HARDIRQ_MASK	(0xf << 16)
#define in_hardirq()	(preempt_count() & HARDIRQ_MASK)
#define preempt_disable()                    \
	do {                                 \
		this_cpu_add(preempt_count, 1); \
		barrier();                   \
	} while (0)
#define preempt_enable_no_resched()           \
	do {                                  \
		barrier();                    \
		this_cpu_add(preempt_count, -1); \
	} while (0)

/* Re-enable preemption, and switch now if a switch became due meanwhile. */
void preempt_enable(void);

#endif
