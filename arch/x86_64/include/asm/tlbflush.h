/*
 * CR3 and the TLB. The CPU caches translations in the TLB; after changing an
 * entry that was present, the old translation must be flushed on every CPU
 * that may hold it: flush_tlb_mm_range() below, with IPIs to the others.
 * Linux: arch/x86/include/asm/tlbflush.h, special_insns.h (CR3/CR4),
 * mmu_context.h (load_cr3).
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/page.h>
#include <asm/pgtable_types.h>

#define X86_CR4_PGE (1UL << 7)	/* global pages */

static inline unsigned long __read_cr3(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(val) : : "memory");
	return val;
}

/* Switch address space; flushes every non-global TLB entry. */
static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline unsigned long __read_cr4(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(val) : : "memory");
	return val;
}

static inline void __write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

/* Make pgdir (a kernel address) this CPU's page-table root. */
static inline void load_cr3(pgd_t *pgdir)
{
	write_cr3(__pa(pgdir));
}

/* Is pgdir (a kernel address) this CPU's page-table root now? */
static inline bool pgd_is_loaded(pgd_t *pgdir)
{
	return (__read_cr3() & PAGE_MASK) == __pa(pgdir);
}

/* Forget one page's translation (any entry for addr, global or not). */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Forget the user (non-global) translations: reload CR3. */
static inline void flush_tlb_local(void)
{
	write_cr3(__read_cr3());
}

/* Forget everything, global kernel entries included: toggling CR4.PGE
 * flushes the whole TLB (Intel SDM vol. 3, 4.10.4.1). */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = __read_cr4();

	__write_cr4(cr4 ^ X86_CR4_PGE);
	__write_cr4(cr4);
}

/*
 * Flushing user translations of one address space after its page tables
 * changed. Only a CPU that has the mm's pgd loaded (running one of its
 * tasks, or a kernel thread borrowing it) can hold them: there is no PCID,
 * so loading CR3 dropped every other user translation. Those CPUs are in
 * mm_cpumask(mm); each other one gets an IPI to flush (a "TLB shootdown"),
 * and flush_tlb_mm_range() returns once all have. Interrupts may be off.
 * Linux: arch/x86/mm/tlb.c flush_tlb_mm_range(), include/asm-generic/tlb.h.
 */
struct mm_struct;
struct vm_area_struct;
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);
#define flush_tlb_mm(mm)	flush_tlb_mm_range(mm, 0, TASK_SIZE_MAX)
#define flush_tlb_range(vma, start, end) flush_tlb_mm_range((vma)->vm_mm, start, end)
#define flush_tlb_page(vma, addr) flush_tlb_mm_range((vma)->vm_mm, addr, (addr) + PAGE_SIZE)

#endif
