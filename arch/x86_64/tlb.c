/*
 * Flushing the TLB for one address space (asm/tlbflush.h), on every CPU
 * that may cache its translations: the TLB shootdown.
 *
 * A CPU caches translations privately; changing a page-table entry in
 * memory does not change them. So after making a present entry read-only
 * (fork's copy-on-write) or removing it (munmap, exit), every CPU in
 * mm_cpumask(mm) must drop its copy before the change is relied on (before
 * fork returns, before the page is freed). This CPU flushes itself; the
 * others run flush_tlb_func() from an IPI (smp_call_function_many()), and
 * the caller waits for all of them.
 * Linux: arch/x86/mm/tlb.c flush_tlb_mm_range() -> native_flush_tlb_multi().
 */
#include <linux/mm_types.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/tlbflush.h>

/* Beyond this many pages one CR3 reload is cheaper than INVLPG per page.
 * Linux: tlb_single_page_flush_ceiling. */
#define TLB_SINGLE_PAGE_FLUSH_CEILING 33

struct flush_tlb_info {
	struct mm_struct *mm;
	unsigned long start, end;
};

/*
 * Forget this CPU's translations of [start, end) in mm, if mm is the one
 * loaded here: the CPU may have switched away since it was sent the IPI.
 * Linux: flush_tlb_func().
 */
static void flush_tlb_func(void *arg)
{
	const struct flush_tlb_info *f = arg;

	if (!pgd_is_loaded(f->mm->pgd))
		return;
	if ((f->end - f->start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		flush_tlb_local();
		return;
	}
	for (unsigned long addr = f->start & PAGE_MASK; addr < f->end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

/*
 * Linux: flush_tlb_mm_range(). The full barrier first orders the caller's
 * page-table writes before the read of mm_cpumask, against switch_mm()'s
 * "set the bit, then load CR3" on another CPU: either that CPU's bit is
 * seen here and it gets the IPI, or its page walk sees the new entries.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .mm = mm, .start = start, .end = end };
	unsigned long flags;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	preempt_disable();
	smp_call_function_many(mm_cpumask(mm), flush_tlb_func, &info);
	local_irq_save(flags);
	flush_tlb_func(&info);
	local_irq_restore(flags);
	preempt_enable();
}
