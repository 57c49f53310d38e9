/*
 * The multiboot2 header: tells GRUB this is a multiboot2 kernel.
 * GRUB searches the first 32 KiB of the file for it (8-byte aligned).
 * Spec: "Multiboot2 Specification", section 3.1 "OS image format".
 */
#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0	/* 32-bit protected mode entry */

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	/* Console tag: we can use the EGA text console (flags bit 1). */
	.balign 8
	.short 4, 0
	.long 12
	.long 2

	/* End tag. */
	.balign 8
	.short 0, 0
	.long 8
mb2_header_end:
