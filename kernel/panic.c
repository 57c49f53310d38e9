/*
 * panic: something the kernel cannot recover from. Print why, with a
 * backtrace, and end the run with the panic exit code.
 * Linux: kernel/panic.c panic().
 */
#include <linux/kernel.h>
#include <asm/irqflags.h>
#include <asm/power.h>
#include <asm/stacktrace.h>

void printk_bust_lock(void);

int oops_in_progress;

/*
 * Stop the machine with a message. Interrupts go off first, so nothing
 * else runs on this CPU. After an oops (oops_in_progress) the backtrace
 * has been printed already, from the faulting frame, which is the useful
 * one; panic's own would only show the oops code.
 */
void __noreturn panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list ap;

	local_irq_disable();
	if (in_panic)	/* a panic while panicking: just stop */
		machine_power_off(EXIT_CODE_PANIC);
	in_panic = true;
	printk_bust_lock();

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!oops_in_progress)
		dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_power_off(EXIT_CODE_PANIC);
}
