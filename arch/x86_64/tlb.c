/*
 * Flushing the TLB for one address space (asm/tlbflush.h).
 * Linux: arch/x86/mm/tlb.c.
 */
#include <linux/mm_types.h>
#include <asm/tlbflush.h>

/* Beyond this many pages one CR3 reload is cheaper than INVLPG per page.
 * Linux: tlb_single_page_flush_ceiling. */
#define TLB_SINGLE_PAGE_FLUSH_CEILING 33

/*
 * Linux: flush_tlb_mm_range(). Forget this CPU's translations of
 * [start, end) in mm, if mm is the one loaded here. (No other CPU runs
 * yet; with SMP, the CPUs in mm's cpumask get an IPI to do the same.)
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (!pgd_is_loaded(mm->pgd))
		return;
	if ((end - start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		flush_tlb_local();
		return;
	}
	for (unsigned long addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}
