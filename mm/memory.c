/*
 * Walking and editing page tables, for any pgd: the kernel's own
 * (swapper_pg_dir) and, later, each process's. Architecture-independent:
 * the entry formats are behind asm/pgtable.h. See include/linux/pgtable.h
 * for the contracts; none of these functions lock.
 * Linux: mm/memory.c (walk_to_pmd, __pte_alloc, insert_page,
 * free_pgd_range), arch/x86/mm/pgtable.c (pgd_alloc).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include "internal.h"

/*
 * A zeroed page for a page table: from memblock while booting, from the
 * buddy allocator once it runs. NULL if there is none.
 * Linux: arch/x86/mm/init.c alloc_low_pages(), pte_alloc_one().
 */
static void *pgtable_alloc(void)
{
	if (after_bootmem)
		return (void *)get_zeroed_page(GFP_KERNEL);
	return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
}

/* See mm/internal.h. Linux: mm/memory.c walk_to_pmd() (with p4d folded). */
pmd_t *walk_to_pmd(pgd_t *pgd, unsigned long addr, bool alloc)
{
	pgd_t *pgdp = pgd_offset_pgd(pgd, addr);
	pud_t *pud;

	if (pgd_none(*pgdp)) {
		pud_t *table = alloc ? pgtable_alloc() : NULL;

		if (!table)
			return NULL;
		pgd_populate(pgdp, table);
	}
	pud = pud_offset(pgdp, addr);
	if (pud_none(*pud)) {
		pmd_t *table = alloc ? pgtable_alloc() : NULL;

		if (!table)
			return NULL;
		pud_populate(pud, table);
	} else if (pud_leaf(*pud)) {
		return NULL;
	}
	return pmd_offset(pud, addr);
}

/* See include/linux/pgtable.h. Linux: mm/memory.c __get_locked_pte(),
 * without the lock. */
pte_t *walk_to_pte(pgd_t *pgd, unsigned long addr, bool alloc)
{
	pmd_t *pmd = walk_to_pmd(pgd, addr, alloc);

	if (!pmd)
		return NULL;
	if (pmd_none(*pmd)) {
		pte_t *table = alloc ? pgtable_alloc() : NULL;

		if (!table)
			return NULL;
		pmd_populate(pmd, table);
	} else if (pmd_leaf(*pmd)) {
		return NULL;
	}
	return pte_offset_kernel(pmd, addr);
}

/* See include/linux/pgtable.h. Linux: arch/x86/mm/pat/set_memory.c
 * lookup_address_in_pgd() (which returns non-present ptes too). */
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, unsigned int *level)
{
	pgd_t *pgdp = pgd_offset_pgd(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	*level = PG_LEVEL_NONE;
	if (!pgd_present(*pgdp))
		return NULL;
	pud = pud_offset(pgdp, addr);
	if (!pud_present(*pud))
		return NULL;
	if (pud_leaf(*pud)) {
		*level = PG_LEVEL_1G;
		return (pte_t *)pud;
	}
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd))
		return NULL;
	if (pmd_leaf(*pmd)) {
		*level = PG_LEVEL_2M;
		return (pte_t *)pmd;
	}
	pte = pte_offset_kernel(pmd, addr);
	if (!pte_present(*pte))
		return NULL;
	*level = PG_LEVEL_4K;
	return pte;
}

/* Linux: mm/memory.c insert_page(), without the page reference and the
 * mm counters, and with a frame number so it also maps device memory. */
int map_page(pgd_t *pgd, unsigned long addr, unsigned long pfn, pgprot_t prot)
{
	unsigned int level;
	pte_t *pte = walk_to_pte(pgd, addr, true);

	if (!pte)
		return lookup_address_in_pgd(pgd, addr, &level) ? -EBUSY : -ENOMEM;
	if (!pte_none(*pte))
		return -EBUSY;
	/* Not-present entries are never cached in the TLB: no flush needed. */
	set_pte(pte, pfn_pte(pfn, prot));
	return 0;
}

/* Linux: ptep_get_and_clear() + flush_tlb_page(). */
pte_t unmap_page(pgd_t *pgd, unsigned long addr)
{
	pte_t *pte = walk_to_pte(pgd, addr, false);
	pte_t old;

	if (!pte)
		return __pte(0);
	old = ptep_get_and_clear(pte);
	if (pte_present(old))
		__flush_tlb_one_kernel(addr);
	return old;
}

/*
 * The kernel half is shared, not copied: the pgd entries point at the same
 * pud tables as swapper_pg_dir's. That works because those entries never
 * change after boot (init_mem_mapping() and ioremap_init() fill them all).
 * Linux: arch/x86/mm/pgtable.c pgd_alloc() -> pgd_ctor().
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

/* Only the top page: the kernel half's tables are shared. Linux: pgd_free(). */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* Free a page table if all its entries are empty; else report and keep it
 * (the pages it maps would otherwise leak unseen). */
static bool free_table(void *table, const char *level)
{
	const pteval_t *entry = table;

	for (int i = 0; i < PTRS_PER_PTE; i++) {
		if (entry[i]) {
			pr_warn("WARNING: free_pgd_range: %s table %p still has entry %d = %#lx; "
				"table kept\n", level, table, i, entry[i]);
			return false;
		}
	}
	free_page((unsigned long)table);
	return true;
}

/* Does [addr, next) cover a whole entry of this size? (Then its table may go.) */
static bool covers_entry(unsigned long addr, unsigned long next, unsigned long size)
{
	return next - addr == size;
}

/* Free the pte tables under pud for [addr, end). Linux: free_pmd_range(). */
static void free_pmd_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd) && !pmd_leaf(*pmd) && covers_entry(addr, next, PMD_SIZE) &&
		    free_table((void *)pmd_page_vaddr(*pmd), "pte"))
			set_pmd(pmd, __pmd(0));
	} while (pmd++, addr = next, addr != end);
}

/* Free the pmd (and pte) tables under pgd for [addr, end).
 * Linux: free_pud_range(). */
static void free_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud) || pud_leaf(*pud))
			continue;
		free_pmd_range(pud, addr, next);
		if (covers_entry(addr, next, PUD_SIZE) &&
		    free_table((void *)pud_page_vaddr(*pud), "pmd"))
			set_pud(pud, __pud(0));
	} while (pud++, addr = next, addr != end);
}

/* See include/linux/pgtable.h. Linux: mm/memory.c free_pgd_range(). */
void free_pgd_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	const unsigned long user_end = USER_PTRS_PER_PGD * PGDIR_SIZE;
	pgd_t *pgdp;
	unsigned long next;

	if (WARN_ON(end > user_end))
		end = user_end;
	if (addr >= end)
		return;
	pgdp = pgd_offset_pgd(pgd, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgdp))
			continue;
		free_pud_range(pgdp, addr, next);
		if (covers_entry(addr, next, PGDIR_SIZE) &&
		    free_table((void *)pgd_page_vaddr(*pgdp), "pud"))
			set_pgd(pgdp, __pgd(0));
	} while (pgdp++, addr = next, addr != end);
	/* The CPU may cache upper-level entries; forget the freed tables. */
	if (pgd_is_loaded(pgd))
		flush_tlb_local();
}
