/*
 * The idle task's loop: sleep the CPU until there is something to run.
 * Linux: kernel/sched/idle.c do_idle() and cpu_startup_entry().
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/irqflags.h>

/*
 * Halt until an interrupt makes work (a wake-up or a new task sets
 * need_resched, and a reschedule IPI wakes a halted CPU), then let the
 * scheduler run it. Before each halt, look for waiting tasks on busier
 * CPUs and pull one (sched_idle_balance()). need_resched is checked with
 * interrupts off: if it is still false, arch_cpu_idle() enables them and
 * halts in one step, so a wake-up cannot come between the check and the halt.
 */
static void do_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (READ_ONCE(current->need_resched) || sched_idle_balance()) {
			local_irq_enable();
			break;
		}
		arch_cpu_idle();
	}
	schedule();
}

void __noreturn cpu_startup_entry(void)
{
	pr_info("Idle: CPU%d in the idle loop, timer at %d Hz\n", smp_processor_id(), HZ);
	for (;;)
		do_idle();
}
