/*
 * mprotect(): change the access rights of a range of pages, splitting and
 * merging areas at its ends and rewriting the ptes already there.
 * Linux: mm/mprotect.c. mmap_lock held for writing throughout.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>

/*
 * Linux: change_pte_range(). A private page that only this pte maps (its
 * reference count is 1) may become writable now; one fork still shares
 * stays read-only, and the first write copies it (do_wp_page).
 * Linux: can_change_pte_writable().
 */
static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			     unsigned long end)
{
	bool private_writable = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		pte_t old, ptent;

		if (!pte_present(*pte))
			continue;
		/* Clear, then set: the CPU may be writing the dirty bit meanwhile.
		 * Linux: ptep_modify_prot_start()/commit(). */
		old = ptep_get_and_clear(pte);
		ptent = pte_modify(old, vma->vm_page_prot);
		if (private_writable && page_ref_count(pte_page(old)) == 1)
			ptent = pte_mkwrite(ptent);
		set_pte(pte, ptent);
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

/* Linux: change_pmd_range(). */
static void change_pmd_range(struct vm_area_struct *vma, pud_t *pud, unsigned long addr,
			     unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			change_pte_range(vma, pmd, addr, next);
	} while (pmd++, addr = next, addr != end);
}

/* Linux: change_pud_range(). */
static void change_pud_range(struct vm_area_struct *vma, pgd_t *pgd, unsigned long addr,
			     unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			change_pmd_range(vma, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* See linux/mm.h. Linux: change_protection() -> change_protection_range(). */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pgd_t *pgd = pgd_offset_pgd(mm->pgd, start);
	unsigned long addr = start, next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			change_pud_range(vma, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
	flush_tlb_range(vma, start, end);
}

/* See linux/mm.h. Linux: mprotect_fixup(). */
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end, unsigned long newflags)
{
	unsigned long oldflags = vma->vm_flags;
	int err;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	/* Private memory that becomes writable now counts as committed
	 * memory, like a writable mapping (Linux charges it here). */
	if ((newflags & VM_WRITE) &&
	    !(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		if (((end - start) >> PAGE_SHIFT) > totalram_pages())
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}
	if (start != vma->vm_start) {
		err = split_vma(vma, start, 1);
		if (err)
			return err;
	}
	if (end != vma->vm_end) {
		err = split_vma(vma, end, 0);
		if (err)
			return err;
	}
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end);
	*pprev = vma_merge_neighbours(vma);
	return 0;
}

/*
 * See linux/mm.h. Linux: do_mprotect_pkey() (static there), without
 * protection keys. The range must be mapped from start to end without holes
 * (ENOMEM otherwise, after the areas before the hole have been changed, as
 * in Linux); each area keeps its other flags and must allow the new rights
 * (VM_MAY*: EACCES).
 */
int do_mprotect_pkey(unsigned long start, size_t len, unsigned long prot, int pkey)
{
	struct mm_struct *mm = current->mm;
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma, *prev;
	unsigned long end, nstart;
	int error;

	if (pkey != -1)	/* no protection keys */
		return -EINVAL;
	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (!arch_validate_prot(prot))
		return -EINVAL;

	mmap_write_lock(mm);
	error = -ENOMEM;
	vma = find_vma(mm, start);
	if (!vma)
		goto out;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			goto out;
		start = vma->vm_start;
		error = -EINVAL;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			goto out;
	} else {
		if (vma->vm_start > start)
			goto out;
		error = -EINVAL;
		if (grows & PROT_GROWSUP)	/* x86 has no grows-up areas */
			goto out;
	}

	for (nstart = start;;) {
		unsigned long newflags = calc_vm_prot_bits(prot) | (vma->vm_flags & ~VM_ACCESS_FLAGS);

		/* newflags >> 4 puts VM_MAYREAD.. where VM_READ.. are. */
		error = -EACCES;
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			break;
		error = mprotect_fixup(vma, &prev, nstart, min(vma->vm_end, end), newflags);
		if (error)
			break;
		nstart = prev->vm_end;	/* past a neighbour merged in, too */
		if (nstart >= end)
			break;
		vma = vma_next(prev);
		error = -ENOMEM;
		if (!vma || vma->vm_start != nstart)
			break;
	}
out:
	mmap_write_unlock(mm);
	return error;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect_pkey(start, len, prot, -1);
}
