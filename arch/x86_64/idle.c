/*
 * The idle loop: what a CPU does when there is nothing to run. It halts
 * until the next interrupt (the timer's, at the latest, HZ times a second),
 * so an idle machine uses no CPU time, in QEMU as on hardware.
 * Linux: kernel/sched/idle.c (do_idle) and arch/x86/kernel/process.c
 * (arch_cpu_idle); do_idle moves to kernel/sched/ with the scheduler.
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <asm/irqflags.h>

/*
 * Halt until an interrupt. "sti; hlt" is one step: sti takes effect only
 * after the next instruction, so an interrupt cannot slip in between and
 * leave the CPU halted with its wake-up already handled. Called with
 * interrupts off; returns with them on, after the interrupt was handled.
 * Linux: process.c arch_cpu_idle() -> default_idle().
 */
static void arch_cpu_idle(void)
{
	safe_halt();
}

/*
 * One round of idling. The scheduler issue adds the check that matters:
 * while (!need_resched()) arch_cpu_idle(); then schedule().
 * Linux: kernel/sched/idle.c do_idle().
 */
static void do_idle(void)
{
	local_irq_disable();
	arch_cpu_idle();
}

/* Linux: kernel/sched/idle.c cpu_startup_entry(). */
void __noreturn cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
