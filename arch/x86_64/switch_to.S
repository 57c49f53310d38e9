/*
 * The task switch itself, and where a new task first wakes up.
 * Linux: arch/x86/entry/entry_64.S __switch_to_asm and ret_from_fork_asm.
 */
#include <generated/asm-offsets.h>

	.text
/*
 * struct task_struct *__switch_to_asm(prev, next)   (RDI = prev, RSI = next)
 *
 * Save the callee-saved registers on prev's stack (the C calling convention
 * says the caller does not expect the others to survive a call), park prev's
 * stack pointer in prev->thread.sp, take next's, restore next's registers,
 * and finish in C. The `ret` at the end of __switch_to then returns to
 * wherever next was when it last switched out (or to ret_from_fork_asm).
 */
	.globl __switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15

	movq	%rsp, TASK_threadsp(%rdi)
	movq	TASK_threadsp(%rsi), %rsp

	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to		/* returns prev in RAX */

/*
 * A new task's first instructions. copy_thread() left RBX = the function to
 * run (0 for a forked user task) and R12 = its argument; RSP points at the
 * task's pt_regs. ret_from_fork() returns only to go to user mode, with
 * pt_regs holding the user registers (a forked child's copy of its
 * parent's, or the fresh ones kernel_execve() set up for pid 1).
 */
	.globl ret_from_fork_asm
ret_from_fork_asm:
	movq	%rax, %rdi		/* prev */
	movq	%rsp, %rsi		/* regs */
	movq	%rbx, %rdx		/* fn */
	movq	%r12, %rcx		/* fn_arg */
	xorl	%ebp, %ebp		/* the first frame: backtraces stop here */
	subq	$8, %rsp		/* 16-byte alignment for C */
	call	ret_from_fork
	addq	$8, %rsp
	jmp	return_from_interrupt
