/*
 * Walking and editing page tables, for any pgd: the kernel's own
 * (swapper_pg_dir) and each process's. Architecture-independent: the entry
 * formats are behind asm/pgtable.h. See include/linux/pgtable.h for the
 * contracts of the first part; none of those functions lock.
 * Then the user side (contracts in linux/mm.h): tearing down and copying
 * the ptes of an area, and the page-fault handler's generic half.
 * Linux: mm/memory.c (walk_to_pmd, __pte_alloc, insert_page,
 * free_pgd_range, unmap_page_range, copy_page_range, handle_mm_fault),
 * arch/x86/mm/pgtable.c (pgd_alloc).
 *
 * Locking of user page tables: changed either with mm->mmap_lock held for
 * writing (munmap, mprotect, fork, exit: no fault can run meanwhile), or
 * with it held for reading plus mm->page_table_lock (faults, which two
 * threads of one process may take at once).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/shmem_fs.h>
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

/* The entry for addr in the table *pgd points to, allocating that table if
 * the entry is empty; NULL if out of memory. Linux: pud_alloc(). */
static pud_t *pud_alloc(pgd_t *pgd, unsigned long addr)
{
	if (pgd_none(*pgd)) {
		pud_t *table = pgtable_alloc();

		if (!table)
			return NULL;
		pgd_populate(pgd, table);
	}
	return pud_offset(pgd, addr);
}

/* The same one level down; NULL also if a 1 GiB page is there. Linux: pmd_alloc(). */
static pmd_t *pmd_alloc(pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud)) {
		pmd_t *table = pgtable_alloc();

		if (!table)
			return NULL;
		pud_populate(pud, table);
	} else if (pud_leaf(*pud)) {
		return NULL;
	}
	return pmd_offset(pud, addr);
}

/* The same at the last level; NULL also if a 2 MiB page is there.
 * Linux: pte_alloc_map(). */
static pte_t *pte_alloc(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd)) {
		pte_t *table = pgtable_alloc();

		if (!table)
			return NULL;
		pmd_populate(pmd, table);
	} else if (pmd_leaf(*pmd)) {
		return NULL;
	}
	return pte_offset_kernel(pmd, addr);
}

/* See mm/internal.h. Linux: mm/memory.c walk_to_pmd() (with p4d folded). */
pmd_t *walk_to_pmd(pgd_t *pgd, unsigned long addr, bool alloc)
{
	pgd_t *pgdp = pgd_offset_pgd(pgd, addr);
	pud_t *pud;

	if (!alloc && pgd_none(*pgdp))
		return NULL;
	pud = pud_alloc(pgdp, addr);
	if (!pud || (!alloc && pud_none(*pud)))
		return NULL;
	return pmd_alloc(pud, addr);
}

/* See include/linux/pgtable.h. Linux: mm/memory.c __get_locked_pte(),
 * without the lock. */
pte_t *walk_to_pte(pgd_t *pgd, unsigned long addr, bool alloc)
{
	pmd_t *pmd = walk_to_pmd(pgd, addr, alloc);

	if (!pmd || (!alloc && pmd_none(*pmd)))
		return NULL;
	return pte_alloc(pmd, addr);
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

/* Free a page table if all its entries are empty (onto `freed`: the caller
 * frees it once no CPU's TLB can still walk it); else report and keep it
 * (the pages it maps would otherwise leak unseen). */
static bool free_table(void *table, const char *level, struct list_head *freed)
{
	const pteval_t *entry = table;

	for (int i = 0; i < PTRS_PER_PTE; i++) {
		if (entry[i]) {
			pr_warn("WARNING: free_pgd_range: %s table %p still has entry %d = %#lx; "
				"table kept\n", level, table, i, entry[i]);
			return false;
		}
	}
	list_add(&virt_to_page(table)->lru, freed);
	return true;
}

/* Does [addr, next) cover a whole entry of this size? (Then its table may go.) */
static bool covers_entry(unsigned long addr, unsigned long next, unsigned long size)
{
	return next - addr == size;
}

/* Free the pte tables under pud for [addr, end). Linux: free_pmd_range(). */
static void free_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			   struct list_head *freed)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd) && !pmd_leaf(*pmd) && covers_entry(addr, next, PMD_SIZE) &&
		    free_table((void *)pmd_page_vaddr(*pmd), "pte", freed))
			set_pmd(pmd, __pmd(0));
	} while (pmd++, addr = next, addr != end);
}

/* Free the pmd (and pte) tables under pgd for [addr, end).
 * Linux: free_pud_range(). */
static void free_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			   struct list_head *freed)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud) || pud_leaf(*pud))
			continue;
		free_pmd_range(pud, addr, next, freed);
		if (covers_entry(addr, next, PUD_SIZE) &&
		    free_table((void *)pud_page_vaddr(*pud), "pmd", freed))
			set_pud(pud, __pud(0));
	} while (pud++, addr = next, addr != end);
}

/* Take the tables of [addr, end) out of pgd, onto `freed`. */
static void __free_pgd_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			     struct list_head *freed)
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
		free_pud_range(pgdp, addr, next, freed);
		if (covers_entry(addr, next, PGDIR_SIZE) &&
		    free_table((void *)pgd_page_vaddr(*pgdp), "pud", freed))
			set_pgd(pgdp, __pgd(0));
	} while (pgdp++, addr = next, addr != end);
}

static void free_table_pages(struct list_head *freed)
{
	struct page *page, *n;

	list_for_each_entry_safe(page, n, freed, lru) {
		list_del_init(&page->lru);
		__free_pages(page, 0);
	}
}

/* See include/linux/pgtable.h. Linux: mm/memory.c free_pgd_range(). For a
 * pgd no other CPU uses (see free_pgtables() for one that may be). */
void free_pgd_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	LIST_HEAD(freed);

	__free_pgd_range(pgd, addr, end, &freed);
	/* The CPU may cache upper-level entries; forget the freed tables. */
	if (pgd_is_loaded(pgd))
		flush_tlb_local();
	free_table_pages(&freed);
}

/* ------------------------------------------------------------------ */
/* User address spaces: tearing down and copying ptes.                 */
/* ------------------------------------------------------------------ */

/*
 * The pages an unmap took out of the page tables, held until the TLB flush:
 * another CPU running a thread of this mm may still write to a page
 * through its cached translation until then, so the page must not be freed
 * (and reused) before. Linux: struct mmu_gather, include/asm-generic/tlb.h.
 */
#define MMU_GATHER_BATCH 32

struct mmu_gather {
	struct vm_area_struct *vma;
	unsigned long start, end;	/* the range being unmapped */
	unsigned int nr;
	struct page *pages[MMU_GATHER_BATCH];
};

/* Flush the range on every CPU, then free the gathered pages.
 * Linux: tlb_flush_mmu(). */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	flush_tlb_range(tlb->vma, tlb->start, tlb->end);
	for (unsigned int i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->nr = 0;
}

/* Linux: tlb_remove_page(). */
static void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

/* Linux: zap_pte_range(). Each present pte held one reference on its page. */
static void zap_pte_range(struct mmu_gather *tlb, pmd_t *pmd, unsigned long addr,
			  unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		pte_t ptent;

		if (pte_none(*pte))
			continue;
		ptent = ptep_get_and_clear(pte);
		if (pte_present(ptent))
			tlb_remove_page(tlb, pte_page(ptent));
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

/* Linux: zap_pmd_range(). */
static void zap_pmd_range(struct mmu_gather *tlb, pud_t *pud, unsigned long addr,
			  unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			zap_pte_range(tlb, pmd, addr, next);
	} while (pmd++, addr = next, addr != end);
}

/* Linux: zap_pud_range(). */
static void zap_pud_range(struct mmu_gather *tlb, pgd_t *pgd, unsigned long addr,
			  unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			zap_pmd_range(tlb, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* See linux/mm.h. Linux: unmap_page_range() inside tlb_gather_mmu() ...
 * tlb_finish_mmu(). mmap_lock held for writing. */
void unmap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mmu_gather tlb = { .vma = vma, .start = start, .end = end };
	pgd_t *pgd = pgd_offset_pgd(vma->vm_mm->pgd, start);
	unsigned long addr = start, next;

	if (start >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			zap_pud_range(&tlb, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
	tlb_flush_mmu(&tlb);
}

/* See linux/mm.h. Linux: free_pgtables() -> free_pgd_range() with floor and
 * ceiling: only tables wholly inside the gap can go. mmap_lock held for
 * writing. */
void free_pgtables(struct mm_struct *mm, unsigned long floor, unsigned long ceiling)
{
	LIST_HEAD(freed);

	/* Other CPUs running this mm's threads may cache entries of these
	 * tables (paging-structure caches): flush them all before the tables
	 * can be reused. Linux: tlb_remove_table(). */
	__free_pgd_range(mm->pgd, floor, ceiling, &freed);
	if (!list_empty(&freed))
		flush_tlb_mm(mm);
	free_table_pages(&freed);
}

/*
 * Linux: copy_present_pte(). The child's pte maps the same page, which
 * gains a reference. A private writable page becomes read-only on both
 * sides: the first write on either side faults into do_wp_page(), which
 * copies it (or, once the other side has let go, just makes it writable).
 */
static void copy_present_pte(struct vm_area_struct *src_vma, pte_t *dst_pte, pte_t *src_pte)
{
	pte_t pte = *src_pte;

	get_page(pte_page(pte));
	if (is_cow_mapping(src_vma->vm_flags) && pte_write(pte)) {
		ptep_set_wrprotect(src_pte);
		pte = pte_wrprotect(pte);
	}
	set_pte(dst_pte, pte_mkold(pte));
}

/* Linux: copy_pte_range(). */
static int copy_pte_range(struct vm_area_struct *src_vma, pmd_t *dst_pmd, pmd_t *src_pmd,
			  unsigned long addr, unsigned long end)
{
	pte_t *src_pte = pte_offset_kernel(src_pmd, addr);
	pte_t *dst_pte = pte_alloc(dst_pmd, addr);

	if (!dst_pte)
		return -ENOMEM;
	do {
		if (!pte_none(*src_pte))
			copy_present_pte(src_vma, dst_pte, src_pte);
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/* Linux: copy_pmd_range(). */
static int copy_pmd_range(struct vm_area_struct *src_vma, pud_t *dst_pud, pud_t *src_pud,
			  unsigned long addr, unsigned long end)
{
	pmd_t *src_pmd = pmd_offset(src_pud, addr);
	pmd_t *dst_pmd = pmd_alloc(dst_pud, addr);
	unsigned long next;

	if (!dst_pmd)
		return -ENOMEM;
	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*src_pmd))
			continue;
		if (copy_pte_range(src_vma, dst_pmd, src_pmd, addr, next))
			return -ENOMEM;
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

/* Linux: copy_pud_range() (copy_p4d_range() folded in). */
static int copy_pud_range(struct vm_area_struct *src_vma, pgd_t *dst_pgd, pgd_t *src_pgd,
			  unsigned long addr, unsigned long end)
{
	pud_t *src_pud = pud_offset(src_pgd, addr);
	pud_t *dst_pud = pud_alloc(dst_pgd, addr);
	unsigned long next;

	if (!dst_pud)
		return -ENOMEM;
	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*src_pud))
			continue;
		if (copy_pmd_range(src_vma, dst_pud, src_pud, addr, next))
			return -ENOMEM;
	} while (dst_pud++, src_pud++, addr = next, addr != end);
	return 0;
}

/*
 * See linux/mm.h. Linux: copy_page_range(). Walks the four levels of the
 * parent's tables over the area, pgd (PML4) -> pud (PDPT) -> pmd (PD) ->
 * pte (PT), skipping empty entries and building the child's tables as it
 * goes. Both mms' mmap_locks are held for writing (the child's is not yet
 * visible to anyone). The caller flushes the parent's TLB afterwards.
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end, next;
	pgd_t *src_pgd = pgd_offset_pgd(src_vma->vm_mm->pgd, addr);
	pgd_t *dst_pgd = pgd_offset_pgd(dst_vma->vm_mm->pgd, addr);

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*src_pgd))
			continue;
		if (copy_pud_range(src_vma, dst_pgd, src_pgd, addr, next))
			return -ENOMEM;
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Page faults: the generic half (arch/x86_64/fault.c is the other).  */
/* ------------------------------------------------------------------ */

/* What a fault is about, passed down the handlers. Linux: struct vm_fault. */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;	/* page aligned */
	unsigned int flags;	/* FAULT_FLAG_* */
	pte_t *pte;		/* the entry for address */
	pte_t orig_pte;		/* its value when the fault was looked at */
};

/*
 * First touch of private anonymous memory: a zeroed page, writable at once
 * if the area is (nobody else can have it yet). The entry was empty, so no
 * TLB flush. Linux: do_anonymous_page() (which maps a shared zero page on
 * a read; here every touch gets its own page).
 */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	pte_t entry;

	if (!page)
		return VM_FAULT_OOM;
	entry = mk_pte(page, vma->vm_page_prot);
	if (vma->vm_flags & VM_WRITE)
		entry = pte_mkwrite(pte_mkdirty(entry));
	set_pte(vmf->pte, entry);
	return 0;
}

/*
 * First touch (in this mm) of shared memory: map the object's page, which
 * every process sharing the area also maps. The pte holds its own
 * reference. Linux: do_fault() -> do_read_fault()/do_shared_fault() ->
 * shmem_fault().
 */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long pgoff = vma->vm_pgoff + ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
	struct page *page = shmem_get_page(vma->vm_shmem, pgoff);
	pte_t entry;

	if (!page)
		return VM_FAULT_OOM;
	get_page(page);
	entry = mk_pte(page, vma->vm_page_prot);
	if (vmf->flags & FAULT_FLAG_WRITE)
		entry = pte_mkdirty(entry);
	set_pte(vmf->pte, entry);
	return 0;
}

/*
 * A write to a present, read-only page in a writable area: copy-on-write.
 * If this pte holds the only reference (the other side of a fork has
 * copied or exited), the page is private already: make it writable in place
 * (Linux: wp_page_reuse()). Otherwise copy it into a new page mapped
 * writable here, and drop this pte's reference on the old one
 * (Linux: wp_page_copy()). Linux: do_wp_page(), deciding by the reference
 * count as Linux does since 5.8 (by page_count(), not mapcount).
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *old = pte_page(vmf->orig_pte), *new;
	pte_t entry;

	if ((vma->vm_flags & VM_SHARED) || page_ref_count(old) == 1) {
		entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(vmf->orig_pte)));
		set_pte(vmf->pte, entry);
		flush_tlb_page(vma, vmf->address);	/* the read-only entry may be cached */
		return 0;
	}
	new = alloc_page(GFP_KERNEL);
	if (!new)
		return VM_FAULT_OOM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	entry = pte_mkwrite(pte_mkdirty(mk_pte(new, vma->vm_page_prot)));
	/* Linux: ptep_clear_flush() then set_pte_at(): the old translation
	 * must be gone before the new one is used. */
	ptep_get_and_clear(vmf->pte);
	flush_tlb_page(vma, vmf->address);
	set_pte(vmf->pte, entry);
	put_page(old);
	return 0;
}

/* Linux: handle_pte_fault(). page_table_lock held. */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry;

	vmf->orig_pte = *vmf->pte;
	if (pte_none(vmf->orig_pte))
		return vma_is_anonymous(vmf->vma) ? do_anonymous_page(vmf) : do_fault(vmf);
	if (pte_protnone(vmf->orig_pte))	/* access_error() lets none through */
		return VM_FAULT_SIGSEGV;
	if ((vmf->flags & FAULT_FLAG_WRITE) && !pte_write(vmf->orig_pte))
		return do_wp_page(vmf);
	/* The entry allows the access already: another thread got here first,
	 * or this CPU's TLB held an older entry. Linux: the end of
	 * handle_pte_fault() (spurious fault). */
	entry = pte_mkyoung(vmf->orig_pte);
	if (vmf->flags & FAULT_FLAG_WRITE)
		entry = pte_mkdirty(entry);
	set_pte(vmf->pte, entry);
	flush_tlb_page(vmf->vma, vmf->address);
	return 0;
}

/* See linux/mm.h. Linux: handle_mm_fault() -> __handle_mm_fault(). */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_fault vmf = { .vma = vma, .address = address & PAGE_MASK, .flags = flags };
	vm_fault_t ret;

	spin_lock(&mm->page_table_lock);
	vmf.pte = walk_to_pte(mm->pgd, vmf.address, true);
	ret = vmf.pte ? handle_pte_fault(&vmf) : VM_FAULT_OOM;
	spin_unlock(&mm->page_table_lock);
	return ret;
}

/*
 * The page at addr in mm, faulted in (and made private and writable for a
 * write) if need be, with a reference for the caller; NULL if addr is not
 * in an area allowing the access, or memory ran out. mmap_lock held for
 * reading. Linux: get_user_pages_remote() for one page (follow_page_pte()
 * and faultin_page()), without FOLL_FORCE and without growing stacks.
 */
static struct page *get_user_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);

	if (!vma || !(vma->vm_flags & (write ? VM_WRITE : (VM_READ | VM_WRITE))))
		return NULL;
	for (int tries = 0; tries < 2; tries++) {
		struct page *page = NULL;
		pte_t *pte;

		spin_lock(&mm->page_table_lock);
		pte = walk_to_pte(mm->pgd, addr, false);
		if (pte && pte_present(*pte) && !pte_protnone(*pte) && (!write || pte_write(*pte))) {
			page = pte_page(*pte);
			get_page(page);
		}
		spin_unlock(&mm->page_table_lock);
		if (page)
			return page;
		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0, NULL) & VM_FAULT_ERROR)
			return NULL;
	}
	return NULL;
}

/* See linux/mm.h. Linux: mm/memory.c access_remote_vm() -> __access_remote_vm().
 * Copies through the kernel's direct map of each page. */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags)
{
	bool write = gup_flags & FOLL_WRITE;
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long a = addr + done;
		int n = min((unsigned long)(len - done), PAGE_SIZE - offset_in_page(a));
		struct page *page = get_user_page(mm, a, write);
		char *kaddr;

		if (!page)
			break;
		kaddr = (char *)page_address(page) + offset_in_page(a);
		if (write)
			memcpy(kaddr, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, kaddr, n);
		put_page(page);
		done += n;
	}
	mmap_read_unlock(mm);
	return done;
}
