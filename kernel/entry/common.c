/*
 * The last thing before any return to user mode, from a system call or an
 * interrupt: the moment the kernel may switch tasks or act on signals
 * without interrupting kernel work. Linux: kernel/entry/common.c.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/irqflags.h>
#include <asm/syscall.h>

/*
 * Called with interrupts off; returns with them off and nothing left to do.
 * Each step may make new work (a signal may arrive while we schedule), so
 * loop until a pass finds none. The signal step also runs for a system
 * call that asked to be restarted, and after sigsuspend, even if the signal
 * is gone by now (Linux: TIF_SIGPENDING stays set until this point).
 * Linux: exit_to_user_mode_loop().
 */
void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (current->need_resched) {
			local_irq_enable();
			schedule();
		} else if (signal_pending(current) || current->restore_sigmask ||
			   syscall_restart_pending(regs)) {
			local_irq_enable();
			arch_do_signal_or_restart(regs);
		} else {
			return;
		}
	}
}
