/*
 * Declarations shared inside mm/ only. Linux: mm/internal.h.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

/* The order of a free block; only meaningful while PageBuddy(page). */
static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

/* Hand a block of memory that was reserved during boot to the buddy
 * allocator (memblock_free_all()). Linux: mm/page_alloc.c. */
void __free_pages_core(struct page *page, unsigned int order);

/* Give the pages of a no-longer-needed part of the kernel image (or other
 * boot-time reservation) to the allocator, poisoning them with poison
 * (if >= 0) first; prints "Freeing <s> memory: NK". Linux: free_reserved_area(). */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

/* After memblock_free_all(): page tables now come from the buddy allocator. */
extern bool after_bootmem;
extern bool memblock_debug;

/* Boot steps, in the order mm_core_init() calls them. */
void init_mem_mapping(void);		/* mm/init.c: kernel page tables, CR3 */
void kmem_cache_init(void);		/* mm/slab_common.c */
void ioremap_init(void);		/* mm/ioremap.c */

extern struct zone zone_normal;

/* The pmd slot for addr in pgd, allocating the pud and pmd tables on the way
 * when alloc is true; NULL if one is missing or cannot be had, or a 1 GiB
 * page covers addr. mm/memory.c. Linux: walk_to_pmd(). */
pmd_t *walk_to_pmd(pgd_t *pgd, unsigned long addr, bool alloc);

/* mm/vma.c: the list operations mm/mmap.c builds on (mmap_lock held for
 * writing). Linux: mm/vma.h. */
/* A copy of orig (sharing its backing) on no list. Linux: vm_area_dup(). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
/* Count npages (negative: uncount) in mm's totals. Linux: vm_stat_account(). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
/* Put vma on mm's list before next (NULL: at the end) and count it. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *next);
/* Take vma off its list, uncount and free it (its ptes must be gone). */
void remove_vma(struct vm_area_struct *vma);

#define ISA_END_ADDRESS 0x100000UL	/* the first 1 MiB: BIOS, VGA, option ROMs */
#define POISON_FREE_INITMEM 0xcc	/* int3: freed kernel code traps if run */

#endif
