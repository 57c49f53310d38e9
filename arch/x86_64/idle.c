/*
 * What an idle x86 CPU does: halt until the next interrupt (the timer's, at
 * the latest, HZ times a second), so an idle machine uses no CPU time, in
 * QEMU as on hardware. Linux: arch/x86/kernel/process.c arch_cpu_idle().
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <asm/irqflags.h>

/*
 * Halt until an interrupt. "sti; hlt" is one step: sti takes effect only
 * after the next instruction, so an interrupt cannot slip in between and
 * leave the CPU halted with its wake-up already handled. Called with
 * interrupts off; returns with them on, after the interrupt was handled.
 * Linux: arch_cpu_idle() -> default_idle().
 */
void arch_cpu_idle(void)
{
	safe_halt();
}
