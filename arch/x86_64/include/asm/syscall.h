/* The system-call entry and exit. Linux: arch/x86/include/asm/syscall.h. */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <asm/ptrace.h>

void entry_SYSCALL_64(void);	/* where the SYSCALL instruction lands (entry_64.S) */
void syscall_init(void);	/* this CPU's SYSCALL MSRs (cpu_init()) */
void syscall_table_init(void);	/* once, at boot */
void do_syscall_64(struct pt_regs *regs);

/*
 * The work due before any return to user mode, with interrupts off on
 * entry and exit: reschedule if asked, act on pending signals.
 * Linux: kernel/entry/common.c exit_to_user_mode_prepare().
 */
void exit_to_user_mode_prepare(struct pt_regs *regs);

/* The system call this entry made, or -1: an interrupt, an exception, or
 * a sigreturn (the entry code stores -1 for those). Linux: syscall_get_nr(). */
static inline long syscall_get_nr(const struct pt_regs *regs)
{
	return (long)regs->orig_ax;
}

/* The system call's result if it is an error (-errno), else 0. */
static inline long syscall_get_error(const struct pt_regs *regs)
{
	long ax = (long)regs->ax;

	return ax < 0 && ax >= -4095 ? ax : 0;
}

/*
 * Did a system call end with -ERESTART*? That value must never reach user
 * space: the exit path restarts the call or turns it into EINTR, even when
 * the signal that caused it is gone by then (taken by another thread, or
 * made ignored). Linux keeps TIF_SIGPENDING set for the same effect.
 */
static inline bool syscall_restart_pending(const struct pt_regs *regs)
{
	long err = syscall_get_error(regs);

	return syscall_get_nr(regs) >= 0 && err <= -512 && err >= -516;	/* ERESTARTSYS..ERESTART_RESTARTBLOCK */
}

#endif
