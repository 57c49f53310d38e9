/*
 * The CPU exceptions: one C handler per vector, called by the stubs in
 * entry_64.S with the interrupted registers.
 *
 * A fault in kernel mode is a kernel bug: it is reported as an oops
 * (dumpstack.c) and the kernel panics. A fault in user mode is the
 * program's: it gets a signal (the "user:" signal named at each handler,
 * sent by handle_user_fault()) and the kernel goes on.
 *
 * Linux: arch/x86/kernel/traps.c; the page fault is in fault.c, the NMI in
 * nmi.c.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/idtentry.h>
#include <asm/io.h>
#include <asm/kdebug.h>
#include <asm/smp.h>
#include <asm/traps.h>

/* The die notifier chain (asm/kdebug.h). Writers take the lock; readers,
 * which may be in an NMI, walk it without: a node is published only once
 * its next pointer is set. Linux: kernel/notifier.c (atomic chain). */
static struct notifier_block *die_chain;
static DEFINE_SPINLOCK(die_chain_lock);

/* Add nb at the head of the chain. Linux: kernel/notifier.c register_die_notifier(). */
void register_die_notifier(struct notifier_block *nb)
{
	unsigned long flags;

	spin_lock_irqsave(&die_chain_lock, flags);
	nb->next = die_chain;
	__atomic_store_n(&die_chain, nb, __ATOMIC_RELEASE);
	spin_unlock_irqrestore(&die_chain_lock, flags);
}

/* Remove nb; a walker already past it is unaffected.
 * Linux: kernel/notifier.c unregister_die_notifier(). */
void unregister_die_notifier(struct notifier_block *nb)
{
	unsigned long flags;

	spin_lock_irqsave(&die_chain_lock, flags);
	for (struct notifier_block **p = &die_chain; *p; p = &(*p)->next) {
		if (*p == nb) {
			__atomic_store_n(p, nb->next, __ATOMIC_RELEASE);
			break;
		}
	}
	spin_unlock_irqrestore(&die_chain_lock, flags);
}

/* Offer an event to each notifier until one stops it. Any context, even NMI.
 * Linux: kernel/notifier.c notify_die() -> notifier_call_chain(). */
int notify_die(enum die_val val, const char *str, struct pt_regs *regs, long err, int trap,
	       int sig)
{
	struct die_args args = { regs, str, err, trap, sig };
	int ret = NOTIFY_DONE;

	for (struct notifier_block *nb = __atomic_load_n(&die_chain, __ATOMIC_ACQUIRE); nb;
	     nb = nb->next) {
		ret = nb->notifier_call(nb, val, &args);
		if (ret & NOTIFY_STOP_MASK)
			break;
	}
	return ret;
}

/*
 * The user-mode half of every exception: send the signal to the current
 * task (the way back to user mode acts on it: a handler, or death), and if
 * nothing will handle it, report it in one line as Linux does. The fault
 * is remembered for the signal frame's sigcontext (trapno, err).
 * Linux: traps.c do_trap(): force_sig_fault() with a code and the address
 * for divide errors and invalid opcodes, plain force_sig() (SI_KERNEL)
 * for the rest.
 */
static void handle_user_fault(struct pt_regs *regs, const char *str, long error_code,
			      int trapnr, int signr)
{
	current->thread.trap_nr = trapnr;
	current->thread.error_code = error_code;
	/* Linux: show_signal() ("traps: NAME[PID] trap ... ip:... sp:..."). */
	if (unhandled_signal(current, signr))
		pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx\n", current->comm,
			current->pid, str, regs->ip, regs->sp, error_code);
	if (trapnr == X86_TRAP_DE)
		force_sig_fault(SIGFPE, FPE_INTDIV, (void __user *)regs->ip);
	else if (trapnr == X86_TRAP_UD)
		force_sig_fault(SIGILL, ILL_ILLOPN, (void __user *)regs->ip);
	else
		force_sig(signr);
}

/*
 * The common path of most exceptions: offer it to the die notifiers; a
 * user-mode fault becomes a signal; a kernel-mode one an oops.
 * Linux: traps.c do_error_trap() -> do_trap().
 */
static void do_error_trap(struct pt_regs *regs, long error_code, const char *str, int trapnr,
			  int signr)
{
	if (notify_die(DIE_TRAP, str, regs, error_code, trapnr, signr) == NOTIFY_STOP)
		return;
	if (user_mode(regs)) {
		handle_user_fault(regs, str, error_code, trapnr, signr);
		return;
	}
	die(str, regs, error_code);
}

/* Linux: traps.c DEFINE_IDTENTRY(exc_divide_error). user: SIGFPE */
void exc_divide_error(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "divide error", X86_TRAP_DE, SIGFPE);
}

/* Linux: traps.c exc_debug() (here without hardware breakpoints). user: SIGTRAP */
void exc_debug(struct pt_regs *regs, unsigned long error_code)
{
	if (notify_die(DIE_DEBUG, "debug", regs, 0, X86_TRAP_DB, SIGTRAP) == NOTIFY_STOP)
		return;
	do_error_trap(regs, 0, "debug", X86_TRAP_DB, SIGTRAP);
}

/* Linux: traps.c exc_int3() (without kprobes). user: SIGTRAP */
void exc_int3(struct pt_regs *regs, unsigned long error_code)
{
	if (notify_die(DIE_INT3, "int3", regs, 0, X86_TRAP_BP, SIGTRAP) == NOTIFY_STOP)
		return;
	do_error_trap(regs, 0, "int3", X86_TRAP_BP, SIGTRAP);
}

/* Linux: traps.c DEFINE_IDTENTRY(exc_overflow). user: SIGSEGV */
void exc_overflow(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "overflow", X86_TRAP_OF, SIGSEGV);
}

/* Linux: traps.c exc_bounds(). user: SIGSEGV */
void exc_bounds(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "bounds", X86_TRAP_BR, SIGSEGV);
}

/* Linux: traps.c exc_invalid_op() (BUG()/WARN() use ud2 there). user: SIGILL */
void exc_invalid_op(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "invalid opcode", X86_TRAP_UD, SIGILL);
}

/* The kernel never uses the FPU, and user FPU state arrives with user
 * space. Linux: traps.c exc_device_not_available(). user: SIGFPE */
void exc_device_not_available(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "device not available", X86_TRAP_NM, SIGFPE);
}

/*
 * A fault while the CPU was delivering another exception, typically a
 * kernel stack overflow (the page fault cannot push its frame). Runs on its
 * own IST stack, as the current stack may be unusable; always fatal.
 * Linux: traps.c exc_double_fault().
 */
void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	die("double fault", regs, error_code);
	panic("Machine halted.");
}

/* Linux: traps.c exc_coproc_segment_overrun(). user: SIGFPE */
void exc_coproc_segment_overrun(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "coprocessor segment overrun", X86_TRAP_OLD_MF, SIGFPE);
}

/* Linux: traps.c exc_invalid_tss(). user: SIGSEGV */
void exc_invalid_tss(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "invalid TSS", X86_TRAP_TS, SIGSEGV);
}

/* Linux: traps.c exc_segment_not_present(). user: SIGBUS */
void exc_segment_not_present(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "segment not present", X86_TRAP_NP, SIGBUS);
}

/* Linux: traps.c exc_stack_segment(). user: SIGBUS */
void exc_stack_segment(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "stack segment", X86_TRAP_SS, SIGBUS);
}

/*
 * A protection violation that is not a page fault: a non-canonical
 * address, a privileged instruction in user mode, a bad segment selector
 * (then the error code is that selector). Linux: traps.c
 * exc_general_protection(). user: SIGSEGV
 */
void exc_general_protection(struct pt_regs *regs, unsigned long error_code)
{
	const char *desc = "general protection fault";

	if (notify_die(DIE_GPF, desc, regs, error_code, X86_TRAP_GP, SIGSEGV) == NOTIFY_STOP)
		return;
	if (user_mode(regs)) {
		handle_user_fault(regs, desc, error_code, X86_TRAP_GP, SIGSEGV);
		return;
	}
	die(desc, regs, error_code);
}

/* Vector 15 is reserved; old CPUs could raise it by mistake.
 * Linux: traps.c exc_spurious_interrupt_bug(). */
void exc_spurious_interrupt_bug(struct pt_regs *regs, unsigned long error_code)
{
	pr_warn("Ignoring spurious interrupt on vector 15\n");
}

/* Linux: traps.c exc_coprocessor_error(). user: SIGFPE */
void exc_coprocessor_error(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "coprocessor error", X86_TRAP_MF, SIGFPE);
}

/* Linux: traps.c exc_alignment_check(). user: SIGBUS */
void exc_alignment_check(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "alignment check", X86_TRAP_AC, SIGBUS);
}

/* A hardware error. Linux decodes the machine-check banks
 * (arch/x86/kernel/cpu/mce/core.c); here it is simply fatal. */
void exc_machine_check(struct pt_regs *regs, unsigned long error_code)
{
	die("machine check", regs, 0);
}

/* Linux: traps.c exc_simd_coprocessor_error(). user: SIGFPE */
void exc_simd_coprocessor_error(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "SIMD coprocessor error", X86_TRAP_XF, SIGFPE);
}

/* Linux: traps.c exc_virtualization_exception() (TDX guests). */
void exc_virtualization_exception(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, 0, "virtualization exception", X86_TRAP_VE, SIGSEGV);
}

/* Linux: cet.c exc_control_protection() (shadow stacks, IBT; unused here). */
void exc_control_protection(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "control protection fault", X86_TRAP_CP, SIGSEGV);
}

/* Vectors 22-31: reserved by Intel; AMD uses 28-30 for virtualization. */
void exc_reserved(struct pt_regs *regs, unsigned long error_code, unsigned long vector)
{
	char str[32];

	snprintf(str, sizeof(str), "reserved exception %lu", vector);
	do_error_trap(regs, error_code == (unsigned long)-1 ? 0 : error_code, str, vector,
		      SIGSEGV);
}

/*
 * A non-maskable interrupt: a hardware error, a watchdog, or one sent on
 * purpose (the debugger, the NMI test). Nothing here claims NMIs yet,
 * so an unclaimed one is reported and ignored, as Linux does. The port
 * 0x61 reason bits name the two legacy sources.
 * Careful: an NMI can arrive while this CPU holds the printk lock; Linux
 * defers NMI printk for that reason. Linux: nmi.c exc_nmi() ->
 * unknown_nmi_error().
 */
void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	if (notify_die(DIE_NMI, "nmi", regs, 0, X86_TRAP_NMI, 0) == NOTIFY_STOP)
		return;
	u8 reason = inb(0x61);

	pr_emerg("Uhhuh. NMI received for unknown reason %02x on CPU %d.\n", reason,
		 raw_smp_processor_id());
	pr_emerg("Dazed and confused, but trying to continue\n");
}

/*
 * Set up exception handling on the boot CPU: fill the IDT's exception
 * gates, then load GDT, TSS and IDT. From here on a fault is reported
 * instead of resetting the machine (a triple fault).
 * Linux: traps.c trap_init().
 */
void trap_init(void)
{
	idt_setup_traps();
	cpu_init_exception_handling();
	cpu_init();
}
