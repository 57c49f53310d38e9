/*
 * Segment selectors: Linux's x86-64 GDT layout.
 *
 * The order of the user entries is fixed by SYSCALL/SYSRET, which compute
 * the selectors from one MSR (STAR) instead of reading them from memory:
 *   SYSCALL loads CS = STAR[47:32] (__KERNEL_CS), SS = that + 8 (__KERNEL_DS);
 *   SYSRET  loads CS = STAR[63:48] + 16 (__USER_CS), SS = that + 8 (__USER_DS),
 *           with STAR[63:48] = __USER32_CS (the 32-bit user code segment).
 * So kernel code, kernel data; user32 code, user data, user code must be
 * consecutive, in that order.
 *
 * A selector is (index << 3) | RPL: the low two bits are the privilege level
 * asked for, 3 for user segments.
 * Linux: arch/x86/include/asm/segment.h (the CONFIG_X86_64 part).
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS		1	/* 32-bit kernel code: unused, kept for Linux's layout */
#define GDT_ENTRY_KERNEL_CS		2
#define GDT_ENTRY_KERNEL_DS		3
#define GDT_ENTRY_DEFAULT_USER32_CS	4	/* 32-bit user code (compat mode) */
#define GDT_ENTRY_DEFAULT_USER_DS	5
#define GDT_ENTRY_DEFAULT_USER_CS	6
#define GDT_ENTRY_TSS			8	/* 16 bytes: uses entries 8 and 9 */
#define GDT_ENTRIES			16	/* 10-15: LDT, TLS, CPU number in Linux */

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)		/* 0x08 */
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)		/* 0x10 */
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)		/* 0x18 */
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)	/* 0x23 */
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x2b */
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x33 */
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)			/* 0x40 */

#define GDT_SIZE	(GDT_ENTRIES * 8)

#ifndef __ASSEMBLY__
/* Load a data segment register (ds, es, ss, fs, gs) with a selector. */
#define loadsegment(seg, value) \
	__asm__ __volatile__("movl %k0, %%" #seg : : "r"(value) : "memory")
/* Read a segment register. */
#define savesegment(seg, value) \
	__asm__ __volatile__("movl %%" #seg ", %k0" : "=r"(value) : : "memory")
#endif

#endif
