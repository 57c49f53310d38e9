/*
 * The kernel's virtual address layout (as Linux's Documentation/arch/x86/x86_64/mm.rst):
 *
 *   0000000000000000 - 00007fffffffffff   user space (128 TiB)
 *   ffff888000000000 - ...                direct map of all physical memory
 *   ffffffff80000000 - ffffffffffffffff   kernel image (text, data, bss)
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PAGE_OFFSET 0xffff888000000000UL	/* the direct map */
#define KERNEL_VMA 0xffffffff80000000UL	/* __START_KERNEL_map */

/* Physical <-> direct-map virtual addresses. */
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
static inline phys_addr_t __pa(const void *va)
{
	unsigned long a = (unsigned long)va;

	return a >= KERNEL_VMA ? a - KERNEL_VMA : a - PAGE_OFFSET;
}

#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)

#endif
