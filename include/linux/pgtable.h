/*
 * Architecture-independent page-table walking: index and offset helpers for
 * each level, and the small API mm/memory.c provides on top of them.
 * Linux: include/linux/pgtable.h (helpers), mm/memory.c (the API).
 *
 * Levels (asm/pgtable_types.h has Intel's names): pgd -> pud -> pmd -> pte.
 * Linux's p4d level is folded away (4-level paging): pud_offset() takes the
 * pgd entry directly.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <asm/pgtable.h>

struct mm_struct;

static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/* The entry for addr in the top-level table pgd. Linux: pgd_offset_pgd(). */
static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + pgd_index(addr);
}

/* The entry for addr in the table a present pgd entry points to. */
static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)pgd_page_vaddr(*pgd) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pud_page_vaddr(*pud) + pmd_index(addr);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pmd_page_vaddr(*pmd) + pte_index(addr);
}

/*
 * The end of the entry that covers addr, or end if that comes first: the
 * step of a loop over one level's entries. Linux: pgd_addr_end() etc.
 * (The "- 1" compares keep working when the boundary wraps to 0.)
 */
#define __level_addr_end(addr, end, size)                                      \
	({                                                                      \
		unsigned long __boundary = ((addr) + (size)) & ~((size) - 1);   \
		__boundary - 1 < (end) - 1 ? __boundary : (end);                \
	})
#define pgd_addr_end(addr, end) __level_addr_end(addr, end, PGDIR_SIZE)
#define pud_addr_end(addr, end) __level_addr_end(addr, end, PUD_SIZE)
#define pmd_addr_end(addr, end) __level_addr_end(addr, end, PMD_SIZE)

/* The kernel's own top-level table; its upper half is in every pgd. */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/*
 * The API (mm/memory.c). None of them lock: the caller serialises changes
 * to one page table (later: mm->page_table_lock; for the kernel half, the
 * users' own locks). Page-table pages come from memblock during boot and
 * from the buddy allocator afterwards.
 */

/* The pte slot for addr in pgd, allocating missing tables when alloc is
 * true. NULL if a table is missing (alloc false), cannot be allocated, or
 * addr is covered by a large (2 MiB/1 GiB) page. */
pte_t *walk_to_pte(pgd_t *pgd, unsigned long addr, bool alloc);

/* The leaf entry that maps addr, at whatever level it is, with the level in
 * *level; NULL (level PG_LEVEL_NONE) if addr is not mapped. A 2 MiB or 1 GiB
 * leaf is returned as a pte_t * for reading its flags and pfn.
 * Linux: arch/x86/mm/pat/set_memory.c lookup_address_in_pgd(). */
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, unsigned int *level);

/* Map the 4 KiB page at addr to page frame pfn with protections prot.
 * 0, -ENOMEM (no memory for a table) or -EBUSY (addr already mapped).
 * Takes no page reference: the caller owns that decision. */
int map_page(pgd_t *pgd, unsigned long addr, unsigned long pfn, pgprot_t prot);

/* Remove the 4 KiB mapping at addr, flush it from this CPU's TLB, and return
 * the entry it had (pte_none() if there was none). Frees nothing. */
pte_t unmap_page(pgd_t *pgd, unsigned long addr);

/* A new top-level table: user half empty, kernel half shared with
 * swapper_pg_dir. NULL if out of memory. Linux: arch/x86/mm/pgtable.c. */
pgd_t *pgd_alloc(struct mm_struct *mm);
/* Free a pgd from pgd_alloc(); call free_pgd_range() first for its tables. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

/* Free the page-table pages (not the pages they map) covering only user
 * addresses in [addr, end); their entries must already be empty (WARN and
 * leak otherwise). Linux: mm/memory.c free_pgd_range(), without floor and
 * ceiling. */
void free_pgd_range(pgd_t *pgd, unsigned long addr, unsigned long end);

#endif
