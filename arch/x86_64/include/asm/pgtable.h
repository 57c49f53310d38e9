/*
 * Reading and building x86-64 page-table entries. Generic code (mm/) uses
 * these accessors and never the _PAGE_* bits directly.
 * Linux: arch/x86/include/asm/pgtable.h, pgtable_64.h, pgalloc.h.
 *
 * The *_populate() helpers take no mm argument (Linux's do): there is one
 * page-table lock story here, the caller's.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

#define MSR_EFER	0xc0000080
#define EFER_NXE	(1UL << 11)

/*
 * Keep _PAGE_NX in __supported_pte_mask only if no-execute is on: head.S
 * sets EFER.NXE when CPUID reports NX. Call before building any entry.
 * Linux: arch/x86/mm/setup_nx.c x86_configure_nx().
 */
static inline void x86_configure_nx(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_EFER));
	if (lo & EFER_NXE)
		__supported_pte_mask |= _PAGE_NX;
	else
		__supported_pte_mask &= ~_PAGE_NX;
}

/* Whether protections carry no-execute on this CPU. */
static inline bool nx_enabled(void)
{
	return __supported_pte_mask & _PAGE_NX;
}

/* --- pte: the last level, one 4 KiB page --- */

static inline pteval_t pte_flags(pte_t pte)
{
	return pte_val(pte) & PTE_FLAGS_MASK;
}

static inline bool pte_none(pte_t pte)
{
	return !pte_val(pte);
}

/* A page is there: mapped, or kept but inaccessible (PROT_NONE). */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/* A PROT_NONE entry: a page is there, but the CPU faults on any access. */
static inline bool pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline bool pte_exec(pte_t pte)
{
	return !(pte_val(pte) & _PAGE_NX);
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte_val(pte) & _PAGE_ACCESSED;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pgprot_t pte_pgprot(pte_t pte)
{
	return __pgprot(pte_flags(pte));
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(PFN_PHYS(pfn) | (pgprot_val(prot) & __supported_pte_mask));
}

/* The bits an entry keeps when its protections change: the frame, what the
 * CPU recorded (accessed, dirty) and the caching mode. Linux: _PAGE_CHG_MASK. */
#define _PAGE_CHG_MASK	(PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PWT | _PAGE_PCD)

/* The same page with other protections (mprotect). */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(prot) & ~_PAGE_CHG_MASK & __supported_pte_mask));
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_RW);
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_RW);
}

static inline pte_t pte_mkdirty(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_DIRTY);
}

static inline pte_t pte_mkclean(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_DIRTY);
}

static inline pte_t pte_mkyoung(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_ACCESSED);
}

static inline pte_t pte_mkold(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_ACCESSED);
}

/* --- pmd, pud, pgd: tables of the next level, or (pmd, pud) large leaves --- */

static inline bool pmd_none(pmd_t pmd)
{
	return !pmd_val(pmd);
}

static inline bool pmd_present(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PRESENT;
}

/* A 2 MiB page rather than a pointer to a page table. */
static inline bool pmd_leaf(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PSE;
}

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	return (pmd_val(pmd) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd(PFN_PHYS(pfn) | (pgprot_val(prot) & __supported_pte_mask));
}

static inline unsigned long pmd_page_vaddr(pmd_t pmd)
{
	return (unsigned long)__va(pmd_val(pmd) & PTE_PFN_MASK);
}

static inline bool pud_none(pud_t pud)
{
	return !pud_val(pud);
}

static inline bool pud_present(pud_t pud)
{
	return pud_val(pud) & _PAGE_PRESENT;
}

static inline bool pud_leaf(pud_t pud)
{
	return pud_val(pud) & _PAGE_PSE;
}

static inline unsigned long pud_page_vaddr(pud_t pud)
{
	return (unsigned long)__va(pud_val(pud) & PTE_PFN_MASK);
}

static inline bool pgd_none(pgd_t pgd)
{
	return !pgd_val(pgd);
}

static inline bool pgd_present(pgd_t pgd)
{
	return pgd_val(pgd) & _PAGE_PRESENT;
}

static inline unsigned long pgd_page_vaddr(pgd_t pgd)
{
	return (unsigned long)__va(pgd_val(pgd) & PTE_PFN_MASK);
}

/* --- writing entries: one store each, so the CPU never sees half an entry --- */

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(*ptep, pte);
}

static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)
{
	WRITE_ONCE(*pmdp, pmd);
}

static inline void set_pud(pud_t *pudp, pud_t pud)
{
	WRITE_ONCE(*pudp, pud);
}

static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)
{
	WRITE_ONCE(*pgdp, pgd);
}

/* Clear an entry and return what it held, atomically: another CPU may be
 * setting its accessed/dirty bits at the same moment. */
static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST));
}

/* Make an entry read-only, atomically: another CPU may be setting its
 * dirty bit at the same moment (fork's copy-on-write set-up). */
static inline void ptep_set_wrprotect(pte_t *ptep)
{
	__atomic_and_fetch(&ptep->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
}

/* Point an entry at a next-level table (given by its kernel address). */
static inline void pgd_populate(pgd_t *pgd, pud_t *pud)
{
	set_pgd(pgd, __pgd(__pa(pud) | _PAGE_TABLE));
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _PAGE_TABLE));
}

static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
}

#endif
