/*
 * The registers saved on kernel entry, in the order the entry code pushes
 * them (the top of each task's kernel stack). Linux: arch/x86/include/asm/ptrace.h.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;	/* callee-saved */
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;	/* caller-saved */
	unsigned long orig_ax;	/* syscall number, or the error code of an exception */
	unsigned long ip, cs, flags, sp, ss;	/* pushed by the CPU */
};

#define user_mode(regs) (((regs)->cs & 3) == 3)

#endif
