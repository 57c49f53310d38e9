/*
 * Switching address spaces. Each mm has its own top-level table (pgd, the
 * PML4); CR3 holds the one this CPU translates with. Loading CR3 drops the
 * TLB's user translations (kernel ones are global and stay).
 *
 * Linux: arch/x86/include/asm/mmu_context.h, arch/x86/mm/tlb.c
 * switch_mm_irqs_off() (without PCIDs, so without its per-CPU TLB
 * generation tracking: a switch always starts from an empty user TLB).
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>

struct task_struct;

/*
 * Make next the address space this CPU translates with. prev is the one
 * in use until now (current->active_mm). Loading CR3 is skipped when next's
 * pgd is already loaded: a kernel thread ran in between on prev == next
 * (lazy TLB), or a thread of the same process ran. Called with interrupts
 * off (context_switch) or preemption off: CR3 and active_mm must change
 * together.
 *
 * mm_cpumask: this CPU joins next's before loading CR3 (a flush of next
 * sent from now on reaches it) and leaves prev's after (the CR3 load
 * dropped prev's translations). The atomic bit operations are full
 * barriers, which flush_tlb_mm_range() pairs with.
 * Linux: switch_mm() -> switch_mm_irqs_off().
 */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	int cpu = smp_processor_id();

	if (pgd_is_loaded(next->pgd))
		return;
	cpumask_set_cpu(cpu, mm_cpumask(next));
	load_cr3(next->pgd);
	if (prev && prev != next)
		cpumask_clear_cpu(cpu, mm_cpumask(prev));
}

/* Switch to a brand-new mm (exec). Linux: activate_mm(). */
static inline void activate_mm(struct mm_struct *prev, struct mm_struct *next)
{
	switch_mm(prev, next, NULL);
}

/*
 * A kernel thread is about to run on mm without owning it: keep CR3 as it
 * is (lazy TLB mode). Nothing to do on x86 without PCIDs.
 * Linux: enter_lazy_tlb().
 */
static inline void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk)
{
}

#endif
