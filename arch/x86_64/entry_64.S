/*
 * Interrupt and exception entry: from the CPU's interrupt frame to a C
 * handler and back.
 *
 * On an interrupt or exception through an IDT gate the CPU (Intel SDM
 * vol. 3, 6.14.2): switches stack if the gate names an IST stack or if it
 * comes from user mode (to TSS.sp0); aligns RSP down to 16 bytes; pushes
 * SS, RSP, RFLAGS, CS, RIP, and for some exceptions an error code; clears
 * RFLAGS.IF (all our gates are interrupt gates); and jumps to the stub.
 *
 * Each stub makes the frame the same shape: it pushes -1 where the CPU
 * pushed no error code, then PUSH_REGS saves every general register. The
 * result is a struct pt_regs (asm/ptrace.h, offsets in asm/ptrace-abi.h),
 * whose address is the C handler's first argument. The C handler may
 * change the registers in it (e.g. move regs->ip past a faulting
 * instruction); POP_REGS and iretq resume with whatever it holds.
 *
 * GS: in kernel mode the GS base points at this CPU's per-CPU data, in user
 * mode at the user's; swapgs exchanges the two. Entries from user mode
 * (CS & 3 != 0) swap on the way in and out. The IST exceptions (NMI, double
 * fault, machine check) can hit anywhere, even in the few instructions of
 * a system-call entry that run in kernel mode before its swapgs, so they
 * look at the GS base itself ("paranoid" entry).
 *
 * Linux: arch/x86/entry/entry_64.S (idtentry, paranoid_entry, error_entry)
 * and arch/x86/entry/calling.h (PUSH_REGS/POP_REGS). Unlike Linux there is
 * no separate IRQ stack, no page-table isolation and no NMI nesting guard:
 * a second NMI while the first is on its IST stack would overwrite it.
 */
#include <generated/asm-offsets.h>
#include <asm/ptrace-abi.h>
#include <asm/segment.h>
#include <asm/irq_vectors.h>
#include <asm/trapnr.h>

#define MSR_GS_BASE 0xc0000101

	.section .text, "ax"
	.code64

/* Save the registers below the interrupt frame and error code. */
.macro PUSH_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/*
 * Call cfunc(regs, error_code, vector) with pt_regs complete at RSP.
 * Afterwards orig_ax is -1, as Linux stores it: the signal code on the way
 * out must not take an error code or vector for a system-call number.
 *
 * RBP is set to the address of pt_regs plus 1, Linux's "encoded frame
 * pointer": a backtrace walking frame pointers out of the C handler finds
 * an odd RBP and knows that pt_regs is there, so it can go on with the
 * interrupted code's RIP and RBP (arch/x86_64/stacktrace.c).
 *
 * The CPU aligned RSP to 16 before its 6-word frame (with error code);
 * 15 registers later RSP is 8 off, so 8 more bytes give the C code the
 * 16-byte alignment the ABI promises it.
 */
.macro CALL_HANDLER cfunc vector
	cld
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	movl	$\vector, %edx
	leaq	1(%rsp), %rbp
	subq	$8, %rsp
	call	\cfunc
	addq	$8, %rsp
	movq	$-1, ORIG_RAX(%rsp)	/* not a system call: nothing to restart */
.endm

/*
 * idtentry: the stub for one vector, calling one C function.
 * has_error_code: whether the CPU pushes an error code for this vector.
 */
.macro idtentry vector asmsym cfunc has_error_code
	.globl	\asmsym
	.type	\asmsym, @function
	.balign	16
\asmsym:
	.if \has_error_code == 0
	pushq	$-1			/* pt_regs->orig_ax: no error code */
	.endif
	PUSH_REGS
	testb	$3, CS(%rsp)		/* from user mode? */
	jz	1f
	swapgs
1:	CALL_HANDLER \cfunc, \vector
	jmp	return_from_interrupt
	.size	\asmsym, . - \asmsym
.endm

/*
 * idtentry_ist: for the exceptions on IST stacks. Decide about swapgs by
 * the GS base: a kernel address (negative) means the kernel's is loaded.
 * RBX remembers the decision across the C call (it is callee-saved):
 * 0 = swap back on exit, 1 = leave GS alone.
 */
.macro idtentry_ist vector asmsym cfunc has_error_code
	.globl	\asmsym
	.type	\asmsym, @function
	.balign	16
\asmsym:
	.if \has_error_code == 0
	pushq	$-1
	.endif
	PUSH_REGS
	movl	$1, %ebx
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f
	swapgs
	xorl	%ebx, %ebx
1:	CALL_HANDLER \cfunc, \vector
	testl	%ebx, %ebx
	jnz	2f
	swapgs
2:	POP_REGS
	addq	$8, %rsp		/* orig_ax */
	iretq
	.size	\asmsym, . - \asmsym
.endm

/*
 * The common way back, for interrupts, exceptions and system calls. Every
 * return to user mode passes here, so this is where the work due before it
 * is done: rescheduling and acting on signals (exit_to_user_mode_prepare,
 * kernel/entry/common.c), with interrupts off. A fault in user mode thus
 * becomes its signal before the faulting instruction can run again.
 * (Linux makes the same call from each entry's C code.)
 */
	.globl	return_from_interrupt
	.type	return_from_interrupt, @function
return_from_interrupt:
	testb	$3, CS(%rsp)
	jz	1f
	cli
	movq	%rsp, %rdi
	subq	$8, %rsp		/* 16-byte alignment for C */
	call	exit_to_user_mode_prepare
	addq	$8, %rsp
	swapgs
1:	POP_REGS
	addq	$8, %rsp		/* orig_ax */
	iretq
	.size	return_from_interrupt, . - return_from_interrupt

/* The 32 exceptions. */
idtentry	X86_TRAP_DE	asm_exc_divide_error		exc_divide_error		0
idtentry	X86_TRAP_DB	asm_exc_debug			exc_debug			0
idtentry_ist	X86_TRAP_NMI	asm_exc_nmi			exc_nmi				0
idtentry	X86_TRAP_BP	asm_exc_int3			exc_int3			0
idtentry	X86_TRAP_OF	asm_exc_overflow		exc_overflow			0
idtentry	X86_TRAP_BR	asm_exc_bounds			exc_bounds			0
idtentry	X86_TRAP_UD	asm_exc_invalid_op		exc_invalid_op			0
idtentry	X86_TRAP_NM	asm_exc_device_not_available	exc_device_not_available	0
idtentry_ist	X86_TRAP_DF	asm_exc_double_fault		exc_double_fault		1
idtentry	X86_TRAP_OLD_MF	asm_exc_coproc_segment_overrun	exc_coproc_segment_overrun	0
idtentry	X86_TRAP_TS	asm_exc_invalid_tss		exc_invalid_tss			1
idtentry	X86_TRAP_NP	asm_exc_segment_not_present	exc_segment_not_present		1
idtentry	X86_TRAP_SS	asm_exc_stack_segment		exc_stack_segment		1
idtentry	X86_TRAP_GP	asm_exc_general_protection	exc_general_protection		1
idtentry	X86_TRAP_PF	asm_exc_page_fault		exc_page_fault			1
idtentry	X86_TRAP_SPURIOUS asm_exc_spurious_interrupt_bug exc_spurious_interrupt_bug	0
idtentry	X86_TRAP_MF	asm_exc_coprocessor_error	exc_coprocessor_error		0
idtentry	X86_TRAP_AC	asm_exc_alignment_check		exc_alignment_check		1
idtentry_ist	X86_TRAP_MC	asm_exc_machine_check		exc_machine_check		0
idtentry	X86_TRAP_XF	asm_exc_simd_coprocessor_error	exc_simd_coprocessor_error	0
idtentry	X86_TRAP_VE	asm_exc_virtualization_exception exc_virtualization_exception	0
idtentry	X86_TRAP_CP	asm_exc_control_protection	exc_control_protection		1
idtentry	22		asm_exc_reserved_22		exc_reserved			0
idtentry	23		asm_exc_reserved_23		exc_reserved			0
idtentry	24		asm_exc_reserved_24		exc_reserved			0
idtentry	25		asm_exc_reserved_25		exc_reserved			0
idtentry	26		asm_exc_reserved_26		exc_reserved			0
idtentry	27		asm_exc_reserved_27		exc_reserved			0
idtentry	28		asm_exc_reserved_28		exc_reserved			0
idtentry	29		asm_exc_reserved_29		exc_reserved			1
idtentry	30		asm_exc_reserved_30		exc_reserved			1
idtentry	31		asm_exc_reserved_31		exc_reserved			0

/* The local APIC's own interrupts. */
idtentry	LOCAL_TIMER_VECTOR	asm_sysvec_apic_timer_interrupt	sysvec_apic_timer_interrupt	0
idtentry	ERROR_APIC_VECTOR	asm_sysvec_error_interrupt	sysvec_error_interrupt		0
idtentry	SPURIOUS_APIC_VECTOR	asm_sysvec_spurious_apic_interrupt sysvec_spurious_apic_interrupt 0
idtentry	RESCHEDULE_VECTOR	asm_sysvec_reschedule_ipi	sysvec_reschedule_ipi		0
idtentry	CALL_FUNCTION_VECTOR	asm_sysvec_call_function	sysvec_call_function		0

/*
 * Every external vector 0x20-0xff gets a 16-byte stub that pushes its
 * vector number into the error-code slot and joins asm_common_interrupt.
 * idt.c points the vectors nobody claimed at these (Linux:
 * irq_entries_start in entry_64.S).
 */
	.balign	16
	.globl	irq_entries_start
	.type	irq_entries_start, @function
irq_entries_start:
	vector = FIRST_EXTERNAL_VECTOR
	.rept	NR_EXTERNAL_VECTORS
	.balign	16
	pushq	$vector			/* pt_regs->orig_ax: the vector */
	jmp	asm_common_interrupt
	vector = vector + 1
	.endr
	.size	irq_entries_start, . - irq_entries_start

	.type	asm_common_interrupt, @function
asm_common_interrupt:
	PUSH_REGS
	testb	$3, CS(%rsp)
	jz	1f
	swapgs
1:	cld
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi	/* the vector */
	leaq	1(%rsp), %rbp
	subq	$8, %rsp
	call	common_interrupt
	addq	$8, %rsp
	movq	$-1, ORIG_RAX(%rsp)	/* not a system call: nothing to restart */
	jmp	return_from_interrupt
	.size	asm_common_interrupt, . - asm_common_interrupt

/*
 * entry_SYSCALL_64: where the SYSCALL instruction lands (MSR_LSTAR).
 *
 * SYSCALL does much less than an interrupt: it saves the user's RIP in RCX
 * and RFLAGS in R11, loads the kernel's CS and SS, clears the RFLAGS bits in
 * MSR_SYSCALL_MASK (so interrupts are off), and does NOT switch stacks. So
 * the first instructions run on the user's stack pointer, which must not be
 * trusted: swapgs to reach this CPU's data, park the user RSP there, and
 * load the current task's kernel stack top. Then build the same pt_regs an
 * interrupt from user mode would have, so both leave through
 * return_from_interrupt (iretq). Arguments: RDI, RSI, RDX, R10, R8, R9
 * (R10, not RCX, since SYSCALL overwrites RCX); the number in RAX, kept as
 * orig_ax; the result goes back in RAX.
 * Linux: arch/x86/entry/entry_64.S entry_SYSCALL_64 (which returns with
 * SYSRET when it safely can; iretq always works and is simpler to read).
 */
	.globl	entry_SYSCALL_64
	.type	entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:PCPU_user_rsp
	movq	%gs:PCPU_top_of_stack, %rsp
	pushq	$__USER_DS		/* pt_regs->ss */
	pushq	%gs:PCPU_user_rsp	/* pt_regs->sp */
	pushq	%r11			/* pt_regs->flags */
	pushq	$__USER_CS		/* pt_regs->cs */
	pushq	%rcx			/* pt_regs->ip */
	pushq	%rax			/* pt_regs->orig_ax: the system call number */
	PUSH_REGS
	movq	$-38, RAX(%rsp)		/* -ENOSYS until the call sets a result */
	cld
	movq	%rsp, %rdi
	leaq	1(%rsp), %rbp		/* encoded frame pointer: pt_regs is here */
	subq	$8, %rsp		/* 16-byte alignment for C */
	call	do_syscall_64
	addq	$8, %rsp
	jmp	return_from_interrupt
	.size	entry_SYSCALL_64, . - entry_SYSCALL_64
