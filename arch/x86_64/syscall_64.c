/*
 * System-call dispatch: from the number in RAX to the function that
 * SYSCALL_DEFINE() registered for it. Linux: arch/x86/entry/common.c
 * do_syscall_64() and arch/x86/entry/syscall_64.c sys_call_table.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/msr.h>
#include <asm/segment.h>
#include <asm/syscall.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

extern const struct syscall_desc __start_syscalls[], __stop_syscalls[];

static sys_call_ptr_t sys_call_table[NR_syscalls];

/* Every Linux system call's name by number, for the message below. */
static const char *const syscall_names[NR_syscalls] = {
#define __SYSCALL(nr, name) [nr] = #name,
#include <asm/syscall_64.tbl.h>
#undef __SYSCALL
};

static unsigned long ni_logged[NR_syscalls / 64];	/* said once already */

/*
 * A system call this kernel does not implement: -ENOSYS, as Linux gives for
 * an unknown number, and one line on the console the first time each is
 * asked for, so a student sees what a program needed.
 * Linux: kernel/sys_ni.c sys_ni_syscall().
 */
static long sys_ni_syscall(unsigned long nr)
{
	if (nr < NR_syscalls) {
		unsigned long bit = 1UL << (nr % 64);

		if (!(ni_logged[nr / 64] & bit)) {
			ni_logged[nr / 64] |= bit;
			pr_notice("%s[%d]: system call %lu (%s) is not implemented: -ENOSYS\n",
				  current->comm, current->pid, nr,
				  syscall_names[nr] ? syscall_names[nr] : "unassigned");
		}
	}
	return -ENOSYS;
}

/*
 * Called from entry_SYSCALL_64 with the user's registers saved in regs and
 * interrupts off. Runs the system call with interrupts on; its result goes
 * back to the user in RAX. Linux: do_syscall_64().
 */
void do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->ax = sys_call_table[nr](regs);
	else
		regs->ax = sys_ni_syscall(nr);
	/* A call a signal interrupted returned -ERESTART*: the way out
	 * (arch_do_signal_or_restart(), arch/x86_64/signal.c) restarts it or
	 * turns it into EINTR, as the signal's handler says. */
	local_irq_disable();	/* return_from_interrupt does the exit-to-user work */
}

/* Fill the table from the SYSCALL_DEFINE()s, once at boot. (Linux builds
 * sys_call_table at compile time.) */
void syscall_table_init(void)
{
	for (const struct syscall_desc *d = __start_syscalls; d < __stop_syscalls; d++) {
		BUG_ON(d->nr >= NR_syscalls || sys_call_table[d->nr]);
		sys_call_table[d->nr] = d->fn;
	}
}

/*
 * Point this CPU's SYSCALL instruction at entry_SYSCALL_64; runs on every
 * CPU (cpu_init()). Linux: arch/x86/kernel/cpu/common.c syscall_init().
 *
 * STAR holds the kernel's CS (SS is CS + 8) for SYSCALL, and the base from
 * which SYSRET derives the user's CS (+16) and SS (+8); FMASK lists the
 * RFLAGS bits SYSCALL clears: interrupts stay off until the kernel stack
 * is in place.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, (u64)__USER32_CS << 48 | (u64)__KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC |
					X86_EFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
