/*
 * ioremap: map device memory (MMIO registers) into the kernel, uncached.
 * Linux: arch/x86/mm/ioremap.c __ioremap_caller(), with mm/vmalloc.c's job
 * (finding free kernel virtual space, there a tree of vmap_areas) done by
 * a bump pointer.
 *
 * Device registers must not be cached: every read must reach the device,
 * and writes must not be merged or delayed. So pages are mapped with
 * PAGE_KERNEL_NOCACHE (uncacheable), in swapper_pg_dir, in the first
 * 512 GiB of Linux's vmalloc area. ioremap_init() allocates that area's pud
 * table at boot, so its pgd entry never changes and every pgd_alloc() copy
 * sees later mappings. Each mapping is followed by an unmapped guard page,
 * as in vmalloc: it catches overruns and tells iounmap() where to stop.
 * Virtual space is not reused after iounmap(); 512 GiB is plenty for a
 * teaching kernel's devices.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include "internal.h"

#define IOREMAP_START	VMALLOC_START
#define IOREMAP_END	(VMALLOC_START + PGDIR_SIZE)

/* Serialises ioremap_next and the page tables of the area. */
static DEFINE_SPINLOCK(ioremap_lock);
static unsigned long ioremap_next = IOREMAP_START;

/* Allocate the area's pud (and first pmd) table while pgd entries may still
 * change. Linux: mm/vmalloc.c vmalloc_init(), arch/x86/mm/init_64.c
 * preallocate_vmalloc_pages(). */
void __init ioremap_init(void)
{
	if (!walk_to_pmd(swapper_pg_dir, IOREMAP_START, true))
		panic("ioremap_init: no memory for the ioremap page tables");
}

/* See include/linux/io.h. NULL for RAM, a zero or wrapping size, no
 * virtual space or no page-table memory. Takes ioremap_lock.
 * Linux: arch/x86/mm/ioremap.c __ioremap_caller(). */
void *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t offset = phys & ~PAGE_MASK, last = phys + size - 1;
	unsigned long nr_pages = PFN_UP(offset + size), flags, va;

	if (!size || last < phys)
		return NULL;
	if (!after_bootmem) {
		pr_err("ioremap(%#lx) before mm_core_init()\n", phys);
		return NULL;
	}
	/* RAM is in the direct map, cached: a second, uncached mapping of it
	 * would give one page two memory types, which x86 forbids. */
	if (memblock_overlaps_region(&memblock.memory, phys - offset, nr_pages << PAGE_SHIFT)) {
		pr_warn("ioremap on RAM at %#lx - %#lx\n", phys, last);
		return NULL;
	}

	spin_lock_irqsave(&ioremap_lock, flags);
	if ((IOREMAP_END - ioremap_next) >> PAGE_SHIFT < nr_pages + 1) {
		spin_unlock_irqrestore(&ioremap_lock, flags);
		return NULL;
	}
	va = ioremap_next;
	for (unsigned long i = 0; i < nr_pages; i++) {
		if (map_page(swapper_pg_dir, va + i * PAGE_SIZE, PFN_DOWN(phys) + i,
			     PAGE_KERNEL_NOCACHE)) {
			while (i--)
				unmap_page(swapper_pg_dir, va + i * PAGE_SIZE);
			spin_unlock_irqrestore(&ioremap_lock, flags);
			return NULL;
		}
	}
	ioremap_next += (nr_pages + 1) << PAGE_SHIFT;	/* + the guard page */
	spin_unlock_irqrestore(&ioremap_lock, flags);
	return (void *)(va + offset);
}

/* Linux: arch/x86/mm/ioremap.c iounmap(). The page-table pages stay. */
void iounmap(void *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, flags;

	if (va < IOREMAP_START || va >= IOREMAP_END)
		return;		/* NULL, or not from ioremap() */
	spin_lock_irqsave(&ioremap_lock, flags);
	while (pte_present(unmap_page(swapper_pg_dir, va)))
		va += PAGE_SIZE;
	spin_unlock_irqrestore(&ioremap_lock, flags);
}
