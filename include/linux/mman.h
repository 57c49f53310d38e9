/*
 * mmap()/mprotect() arguments: the user ABI (Linux's uapi values, x86-64)
 * and their translation into VM_* flags.
 * Linux: include/uapi/asm-generic/mman-common.h, mman.h,
 * arch/x86/include/uapi/asm/mman.h, include/linux/mman.h.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/mm.h>

/* prot: what the program may do with the pages. */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8		/* accepted, means nothing here */
#define PROT_GROWSDOWN	0x01000000	/* mprotect: extend down to the start of a growsdown area */
#define PROT_GROWSUP	0x02000000	/* (no growsup areas on x86) */

/* flags: the mapping's type (exactly one of SHARED, PRIVATE) and modifiers. */
#define MAP_SHARED	0x01		/* changes are seen by everyone mapping it, across fork too */
#define MAP_PRIVATE	0x02		/* changes stay private (copy-on-write across fork) */
#define MAP_SHARED_VALIDATE 0x03	/* MAP_SHARED, refusing unknown flags (files only) */
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10		/* exactly at addr, replacing what is there */
#define MAP_ANONYMOUS	0x20		/* no file: zero-filled memory */
#define MAP_32BIT	0x40		/* x86: below 2 GiB (ignored here) */
#define MAP_GROWSDOWN	0x0100		/* a stack: grows down on faults just below it */
#define MAP_DENYWRITE	0x0800		/* ignored, as in Linux */
#define MAP_EXECUTABLE	0x1000		/* ignored, as in Linux */
#define MAP_LOCKED	0x2000		/* ignored: nothing is ever paged out */
#define MAP_NORESERVE	0x4000		/* do not count it against memory (overcommit) */
#define MAP_POPULATE	0x8000		/* ignored: pages come on first touch */
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000		/* ignored */
#define MAP_HUGETLB	0x40000		/* ignored: always 4 KiB pages */
#define MAP_SYNC	0x80000
#define MAP_FIXED_NOREPLACE 0x100000	/* exactly at addr, or EEXIST if anything is there */
#define MAP_UNINITIALIZED 0x4000000
#define MAP_FAILED	((void *)-1)

/* The flags every kernel has accepted (and MAP_SHARED_VALIDATE checks for). */
#define LEGACY_MAP_MASK (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | \
			 MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | \
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | \
			 MAP_32BIT)

/* The prot bits mprotect() accepts. Linux: arch_validate_prot() (generic). */
static inline bool arch_validate_prot(unsigned long prot)
{
	return (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) == 0;
}

/* PROT_* -> VM_READ/WRITE/EXEC (the bit values agree). Linux: calc_vm_prot_bits(). */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

/* MAP_* -> VM_* for the flags that live on in the area. Linux: calc_vm_flag_bits(). */
static inline unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN) ? VM_GROWSDOWN : 0;
}

#endif
