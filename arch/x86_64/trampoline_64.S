/*
 * The trampoline: where an application processor (AP) starts, and its way
 * from 16-bit real mode to the kernel's 64-bit code.
 *
 * A STARTUP IPI (SIPI) with vector V starts the AP in real mode at
 * CS:IP = (V << 8):0, i.e. physical address V * 4 KiB: a page below 1 MiB.
 * smpboot.c copies trampoline_start..trampoline_end to that page
 * (reserve_real_mode() reserved it) and patches the fields marked
 * "patched" with addresses that depend on where the page is. Then:
 *
 *   real mode     load the trampoline's GDT, set CR0.PE, far jump into
 *   (16-bit)      32-bit code
 *   protected     CR4.PAE, CR3 = trampoline_pgd (the kernel's upper half
 *   (32-bit)      plus an identity map of the first 2 MiB, so the next
 *                 instructions still have a mapping), EFER.LME (and NXE),
 *                 CR0.PG: now in compatibility mode; far jump into 64-bit
 *   long mode     jump to secondary_startup_64 at its kernel address
 *   (64-bit)
 *
 * secondary_startup_64 takes the idle task's stack and the CPU's per-CPU
 * area (GS base) that do_boot_cpu() left in initial_stack and initial_gs,
 * and calls start_secondary() in C.
 *
 * Intel SDM vol. 3, 9.9 "Mode switching" and 9.8.5 "Initializing IA-32e
 * mode"; the same steps as boot/head.S, from one mode earlier.
 * Linux: arch/x86/realmode/rm/trampoline_64.S, arch/x86/kernel/head_64.S
 * secondary_startup_64.
 */
#define TR_CS32		0x08	/* selectors in tr_gdt below */
#define TR_DS		0x10
#define TR_CS64		0x18

#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define CR4_PGE		(1 << 7)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)
#define MSR_GS_BASE	0xc0000101

/* Only copied, never run where it is linked: so it lives in rodata. */
	.section .rodata.trampoline, "a"
	.balign 16
	.globl trampoline_start
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax		/* CS = the page's address / 16 */
	movw	%ax, %ds
	movzwl	%ax, %esi
	shll	$4, %esi		/* ESI = the page's physical address, kept below */
	lgdtl	tr_gdt_ptr - trampoline_start
	movl	%cr0, %eax
	orl	$CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*(tr_jump32 - trampoline_start)	/* to startup_32, in TR_CS32 */

	.code32
startup_32:
	movl	$TR_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss

	movl	%cr4, %eax
	orl	$(CR4_PAE | CR4_PGE), %eax
	movl	%eax, %cr4
	movl	(tr_cr3 - trampoline_start)(%esi), %eax
	movl	%eax, %cr3

	/* NX if the CPU has it (CPUID 80000001h EDX bit 20): the kernel's
	 * page tables use it, and without EFER.NXE that bit is reserved. */
	movl	$0x80000001, %eax
	cpuid
	movl	%edx, %edi
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	testl	$(1 << 20), %edi
	jz	1f
	orl	$EFER_NXE, %eax
1:	wrmsr

	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP), %eax
	movl	%eax, %cr0
	ljmpl	*(tr_jump64 - trampoline_start)(%esi)	/* to startup_64, in TR_CS64 */

	.code64
startup_64:
	movabsq	$secondary_startup_64, %rax
	jmpq	*%rax

	.balign 8
tr_gdt:
	.quad	0			/* null */
	.quad	0x00cf9a000000ffff	/* TR_CS32: 32-bit code, flat 4 GiB */
	.quad	0x00cf92000000ffff	/* TR_DS: data, flat 4 GiB */
	.quad	0x00af9a000000ffff	/* TR_CS64: 64-bit code (L=1) */
tr_gdt_end:
	.globl tr_gdt_base, tr_jump32, tr_jump64, tr_cr3, tr_startup_32, tr_startup_64, tr_gdt
tr_gdt_ptr:
	.word	tr_gdt_end - tr_gdt - 1
tr_gdt_base:
	.long	0			/* patched: the physical address of tr_gdt */
tr_jump32:
	.long	0			/* patched: the physical address of startup_32 */
	.word	TR_CS32
tr_jump64:
	.long	0			/* patched: the physical address of startup_64 */
	.word	TR_CS64
tr_cr3:
	.long	0			/* patched: the physical address of trampoline_pgd */
	.globl trampoline_end
trampoline_end:

	.set	tr_startup_32, startup_32
	.set	tr_startup_64, startup_64

/*
 * 64-bit, at the kernel's address, still on the trampoline's page tables
 * and GDT: take the idle task's stack and this CPU's GS base, then C.
 * Linux: arch/x86/kernel/head_64.S secondary_startup_64.
 */
	.text
	.globl secondary_startup_64
secondary_startup_64:
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs		/* clears the GS base: set it next */
	movq	initial_stack(%rip), %rsp
	movq	initial_gs(%rip), %rax
	movq	%rax, %rdx
	shrq	$32, %rdx
	movl	$MSR_GS_BASE, %ecx
	wrmsr
	xorl	%ebp, %ebp		/* terminates backtraces */
	call	start_secondary
1:	cli
	hlt
	jmp	1b
