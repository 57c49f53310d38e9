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

#endif
