/*
 * 32-bit entry from GRUB, and the switch to 64-bit long mode.
 *
 * GRUB (multiboot2) leaves us in 32-bit protected mode with paging off,
 * EAX = multiboot2 magic, EBX = physical address of the boot information.
 * To reach 64-bit C we must (Intel SDM vol. 3, 9.8.5 "Initializing IA-32e
 * Mode"): enable PAE, point CR3 at 4-level page tables, set EFER.LME,
 * enable paging, and far-jump into a 64-bit code segment.
 *
 * The early page tables map the first 4 GiB of physical memory three ways:
 *   at 0                      identity, so the instruction after "enable
 *                             paging" still has a mapping;
 *   at PAGE_OFFSET            the direct map Linux uses (0xffff888000000000),
 *                             so C can read GRUB's data through __va();
 *   at KERNEL_VMA (-2 GiB)    the first 1 GiB, where the kernel is linked.
 * They use 2 MiB pages. mm/ replaces them with the real kernel page tables
 * (4 KiB granularity, per-section permissions) early in start_kernel().
 *
 * Linux: arch/x86/boot/compressed/head_64.S and arch/x86/kernel/head_64.S.
 */
#define MB2_BOOTLOADER_MAGIC	0x36d76289
#define KERNEL_VMA		0xffffffff80000000
#define PAGE_OFFSET		0xffff888000000000

#define PTE_PRESENT	0x1
#define PTE_RW		0x2
#define PTE_PSE		0x80	/* 2 MiB page in a page directory entry */

#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define CR4_PGE		(1 << 7)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)

#define COM1		0x3f8
#define VGA_TEXT	0xb8000
#define DEBUG_EXIT_PORT	0xf4	/* QEMU isa-debug-exit */
#define PANIC_EXIT	0x7f	/* same code as a kernel panic, see arch/x86_64/power.c */

#define phys(sym)	((sym) - KERNEL_VMA)

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl	$boot32_stack_top, %esp
	movl	%eax, %edi		/* keep magic and info pointer for C */
	movl	%ebx, %esi

	cmpl	$MB2_BOOTLOADER_MAGIC, %edi
	jne	no_multiboot

	/* CPUID exists if EFLAGS.ID (bit 21) can be flipped. */
	pushfl
	popl	%eax
	movl	%eax, %ecx
	xorl	$(1 << 21), %eax
	pushl	%eax
	popfl
	pushfl
	popl	%eax
	pushl	%ecx
	popfl
	cmpl	%eax, %ecx
	je	no_long_mode

	/* Long mode is CPUID.80000001h:EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	testl	$(1 << 29), %edx
	jz	no_long_mode
	movl	%edx, %ebp		/* bit 20: NX, used below */

	/* Zero the page-table pages (they are in .boot.bss). */
	movl	$early_pgtables, %edi
	xorl	%eax, %eax
	movl	$(early_pgtables_end - early_pgtables) / 4, %ecx
	rep stosl
	movl	%esi, %ebx		/* EDI was clobbered: reload magic later */

	/* Four page directories: 2048 entries of 2 MiB cover 0..4 GiB. */
	movl	$early_pd, %edi
	movl	$(PTE_PRESENT | PTE_RW | PTE_PSE), %eax
	xorl	%edx, %edx		/* high half of the entry */
	movl	$2048, %ecx
1:	movl	%eax, (%edi)
	movl	%edx, 4(%edi)
	addl	$0x200000, %eax
	adcl	$0, %edx
	addl	$8, %edi
	loop	1b

	/* The low PDPT points at the four directories: 4 GiB. */
	movl	$early_pdpt_low, %edi
	movl	$(early_pd + PTE_PRESENT + PTE_RW), %eax
	movl	$4, %ecx
2:	movl	%eax, (%edi)
	addl	$4096, %eax
	addl	$8, %edi
	loop	2b

	/* The high PDPT maps its entry 510 (-2 GiB) to the first directory. */
	movl	$(early_pd + PTE_PRESENT + PTE_RW), early_pdpt_high + 510 * 8

	/* PML4: identity (0), direct map (273), kernel (511). */
	movl	$(early_pdpt_low + PTE_PRESENT + PTE_RW), early_pml4 + 0 * 8
	movl	$(early_pdpt_low + PTE_PRESENT + PTE_RW), early_pml4 + ((PAGE_OFFSET >> 39) & 511) * 8
	movl	$(early_pdpt_high + PTE_PRESENT + PTE_RW), early_pml4 + 511 * 8

	movl	%cr4, %eax
	orl	$(CR4_PAE | CR4_PGE), %eax
	movl	%eax, %cr4
	movl	$early_pml4, %eax
	movl	%eax, %cr3

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	testl	$(1 << 20), %ebp
	jz	3f
	orl	$EFER_NXE, %eax		/* no-execute pages, when the CPU has them */
3:	wrmsr

	movl	%cr0, %eax
	orl	$(CR0_PE | CR0_WP | CR0_PG), %eax
	movl	%eax, %cr0

	lgdt	early_gdt_ptr
	ljmp	$0x08, $start64

/* Print the NUL-terminated string at ESI on COM1 and the VGA screen, then
 * end the run with the panic code (QEMU) or halt (real machines). */
boot_fail:
	movl	$VGA_TEXT, %edi
1:	lodsb
	testb	%al, %al
	jz	3f
	movb	%al, %bl
	movw	$(COM1 + 5), %dx	/* wait for the transmitter to be empty */
2:	inb	%dx, %al
	testb	$0x20, %al
	jz	2b
	movw	$COM1, %dx
	movb	%bl, %al
	outb	%al, %dx
	movb	%bl, (%edi)
	movb	$0x4f, 1(%edi)		/* white on red */
	addl	$2, %edi
	jmp	1b
3:	movw	$DEBUG_EXIT_PORT, %dx
	movb	$PANIC_EXIT, %al
	outb	%al, %dx
4:	hlt
	jmp	4b

no_multiboot:
	movl	$msg_no_multiboot, %esi
	jmp	boot_fail
no_long_mode:
	movl	$msg_no_long_mode, %esi
	jmp	boot_fail

	.code64
start64:
	/* 64-bit code, still running at the identity-mapped address. */
	movabsq	$start64_high, %rax
	jmpq	*%rax

	.section .boot.data, "a"
msg_no_multiboot:
	.asciz	"boot: not started by a multiboot2 boot loader (bad magic in EAX); halting.\r\n"
msg_no_long_mode:
	.asciz	"boot: this CPU has no long mode (x86-64); this kernel needs a 64-bit CPU. Halting.\r\n"

	.balign 8
early_gdt:
	.quad	0				/* null */
	.quad	0x00209a0000000000		/* 0x08: 64-bit kernel code (L=1) */
	.quad	0x0000920000000000		/* 0x10: kernel data */
early_gdt_end:
early_gdt_ptr:
	.short	early_gdt_end - early_gdt - 1
	.long	early_gdt

	.section .boot.bss, "aw", @nobits
	.balign 4096
early_pgtables:
early_pml4:	.skip 4096
early_pdpt_low:	.skip 4096
early_pdpt_high: .skip 4096
early_pd:	.skip 4 * 4096
early_pgtables_end:
	.skip 4096
boot32_stack_top:

	.globl early_pml4

/*
 * Now in the higher half: give C a stack and call start_kernel(magic, info).
 */
	.section .text.entry, "ax"
	.code64
start64_high:
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$init_stack_top, %rsp
	xorl	%ebp, %ebp		/* terminates backtraces */
	movl	$MB2_BOOTLOADER_MAGIC, %edi
	movl	%ebx, %esi		/* zero-extends: the info's physical address */
	call	start_kernel
1:	cli
	hlt
	jmp	1b

	.section .bss
	.balign 4096
	.globl init_stack, init_stack_top
init_stack:
	.skip 16384
init_stack_top:
