/*
 * x86-64 page-table entry bits and the protections built from them.
 * Linux: arch/x86/include/asm/pgtable_types.h, pgtable_64_types.h.
 *
 * Four levels translate a 48-bit virtual address. Linux's names, with
 * Intel's (SDM vol. 3, 4.5 "4-Level Paging") after them:
 *
 *   pgd  page global directory   = PML4   bits 47..39
 *   pud  page upper directory    = PDPT   bits 38..30
 *   pmd  page middle directory   = PD     bits 29..21
 *   pte  page table entry        = PT     bits 20..12
 *
 * Linux has a fifth level, p4d, between pgd and pud for 5-level paging. With
 * 4 levels it is "folded": p4d_offset(pgd, addr) returns the pgd entry
 * itself. We leave it out altogether and go from pgd straight to pud.
 *
 * Only this directory knows these bits; mm/ uses the PAGE_* protections
 * and the accessors in asm/pgtable.h.
 */
#ifndef _ASM_PGTABLE_TYPES_H
#define _ASM_PGTABLE_TYPES_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT	(1UL << 0)	/* the entry is valid */
#define _PAGE_RW	(1UL << 1)	/* writable (else read-only) */
#define _PAGE_USER	(1UL << 2)	/* reachable from ring 3 */
#define _PAGE_PWT	(1UL << 3)	/* write-through */
#define _PAGE_PCD	(1UL << 4)	/* cache disable */
#define _PAGE_ACCESSED	(1UL << 5)	/* set by the CPU on any access */
#define _PAGE_DIRTY	(1UL << 6)	/* set by the CPU on a write (leaf only) */
#define _PAGE_PSE	(1UL << 7)	/* in a pmd/pud: a 2 MiB/1 GiB leaf */
#define _PAGE_GLOBAL	(1UL << 8)	/* survives CR3 reloads (CR4.PGE) */
#define _PAGE_NX	(1UL << 63)	/* no execute (needs EFER.NXE) */

/*
 * A PROT_NONE page keeps its frame but may not be touched: the entry is
 * not present (the CPU faults on any access) and carries this software
 * bit, which the CPU ignores in a non-present entry, so the kernel still
 * knows a page is there (pte_present()). Linux: _PAGE_PROTNONE.
 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL

/* PWT|PCD with the power-on PAT selects "uncacheable" (UC). */
#define _PAGE_NOCACHE	(_PAGE_PCD | _PAGE_PWT)

/* Bits 51..12 of an entry hold the physical address it points to. */
#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PGD	512
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_MASK	(~(PMD_SIZE - 1))

/*
 * The top of user space: the lower canonical half (pgd entries 0..255),
 * minus one guard page so no user object ends at the non-canonical hole.
 * The user address-space layout, as Linux's with randomisation off:
 *
 *   0x7ffffffff000  STACK_TOP = TASK_SIZE: the initial stack grows down
 *                   from here (up to the stack limit, 8 MiB)
 *   0x7ffff7fff000  mmap_base = TASK_SIZE - 128 MiB: mmap() places
 *                   areas top-down from here
 *        ...        (heap: brk, above the program)
 *   0x400000        programs (ET_EXEC) are linked here
 *   0x10000         mmap_min_addr: nothing is mapped below (NULL stays unmapped)
 *
 * Linux: arch/x86/include/asm/page_64_types.h, processor.h, mm/util.c mmap_base().
 */
#define TASK_SIZE_MAX	0x00007ffffffff000UL
#define TASK_SIZE	TASK_SIZE_MAX
/* Spelled as asm/processor.h spells it, so both may define it. */
#define STACK_TOP 0x00007ffffffff000UL
#define USER_PTRS_PER_PGD	256
#define KERNEL_PGD_BOUNDARY	USER_PTRS_PER_PGD
#define USER_PGTABLES_CEILING	(USER_PTRS_PER_PGD * PGDIR_SIZE)	/* 2^47 */

/*
 * The ioremap/vmalloc area, as Linux places it (Documentation/arch/x86/
 * x86_64/mm.rst, 4-level layout): 32 TiB starting at VMALLOC_START.
 */
#define VMALLOC_START	0xffffc90000000000UL
#define VMALLOC_END	0xffffe8ffffffffffUL

/* Each level's entry is a struct so the compiler keeps the levels apart. */
typedef unsigned long pteval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pmd; } pmd_t;
typedef struct { pteval_t pud; } pud_t;
typedef struct { pteval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pud_val(x)	((x).pud)
#define pgd_val(x)	((x).pgd)
#define pgprot_val(x)	((x).pgprot)
#define __pte(x)	((pte_t){ (x) })
#define __pmd(x)	((pmd_t){ (x) })
#define __pud(x)	((pud_t){ (x) })
#define __pgd(x)	((pgd_t){ (x) })
#define __pgprot(x)	((pgprot_t){ (x) })

/*
 * The bits this CPU supports: _PAGE_NX is dropped when the CPU (or head.S)
 * did not enable no-execute, because then bit 63 is reserved and a set bit
 * makes every access fault. Set up by x86_configure_nx().
 */
extern pteval_t __supported_pte_mask;
#define __pgprot_mask(x)	__pgprot((x) & __supported_pte_mask)

/* Intermediate (non-leaf) entries: as Linux, allow everything; the leaf
 * decides. _PAGE_TABLE is for entries user mappings may pass through. */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

/* Kernel leaves. Accessed and dirty are preset so the CPU never writes them. */
#define __PAGE_KERNEL_EXEC \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define __PAGE_KERNEL		(__PAGE_KERNEL_EXEC | _PAGE_NX)
#define __PAGE_KERNEL_RO	(__PAGE_KERNEL & ~_PAGE_RW)
#define __PAGE_KERNEL_ROX	(__PAGE_KERNEL_EXEC & ~_PAGE_RW)
#define __PAGE_KERNEL_NOCACHE	(__PAGE_KERNEL | _PAGE_NOCACHE)

#define PAGE_KERNEL		__pgprot_mask(__PAGE_KERNEL)	/* data: RW, NX */
#define PAGE_KERNEL_RO		__pgprot_mask(__PAGE_KERNEL_RO)	/* rodata */
#define PAGE_KERNEL_ROX		__pgprot_mask(__PAGE_KERNEL_ROX)	/* text */
#define PAGE_KERNEL_EXEC	__pgprot_mask(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_NOCACHE	__pgprot_mask(__PAGE_KERNEL_NOCACHE)	/* ioremap */
#define PAGE_KERNEL_LARGE	__pgprot_mask(__PAGE_KERNEL | _PAGE_PSE)	/* 2 MiB */

/* User leaves (Linux's protection_map[] entries: mm/mmap.c vm_get_page_prot()). */
#define PAGE_NONE	__pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED	__pgprot_mask(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC __pgprot_mask(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_READONLY	__pgprot_mask(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY_EXEC __pgprot_mask(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY	PAGE_READONLY	/* private writable: read-only until COW */
#define PAGE_COPY_EXEC	PAGE_READONLY_EXEC

/* The level a leaf entry was found at (lookup_address_in_pgd()). */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
};

#endif
