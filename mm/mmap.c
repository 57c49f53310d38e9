/*
 * The areas (VMAs) of an address space: finding them; mmap, munmap and
 * brk; where new mappings go; the stack's growth; tearing down or copying
 * all of an mm's areas (exit, fork). Making, splitting and merging single
 * areas is in mm/vma.c. Linux: mm/mmap.c, mm/util.c.
 *
 * The areas of an mm are a list sorted by address (mm->mmap): lookups are
 * linear. Every change here needs mm->mmap_lock held for writing; lookups
 * need it held for reading (linux/mmap_lock.h).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>
#include "internal.h"

/*
 * Linux: arch/x86/mm/pgprot.c protection_map[], read by vm_get_page_prot().
 * x86 cannot map a page write-only or execute-only: any access right
 * implies read. A private writable area maps read-only (PAGE_COPY): the
 * first write faults, and do_wp_page() decides whether the page must be
 * copied first (fork shared it) or can simply be made writable.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	bool exec = vm_flags & VM_EXEC;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return PAGE_NONE;
	if (vm_flags & VM_WRITE) {
		if (vm_flags & VM_SHARED)
			return exec ? PAGE_SHARED_EXEC : PAGE_SHARED;
		return exec ? PAGE_COPY_EXEC : PAGE_COPY;
	}
	return exec ? PAGE_READONLY_EXEC : PAGE_READONLY;
}

/* --- looking up areas --- */

/* Linux: find_vma(). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for_each_vma(mm, vma)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/* Linux: find_vma_prev(). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma, *prev = NULL;

	for_each_vma(mm, vma) {
		if (vma->vm_end > addr)
			break;
		prev = vma;
	}
	*pprev = prev;
	return prev ? vma_next(prev) : find_vma(mm, addr);
}

/* Linux: vma_lookup(). */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/* Linux: find_vma_intersection(). */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

/* --- placing new mappings --- */

/* Fit len bytes at the top of the gap [start, end) clipped to [low, high)? */
static bool gap_fits(unsigned long start, unsigned long end, unsigned long len,
		     unsigned long low, unsigned long high, unsigned long *addr)
{
	start = max(start, low);
	end = min(end, high);
	if (end < start || end - start < len)
		return false;
	*addr = end - len;
	return true;
}

/*
 * The highest free range of len bytes inside [low, high), keeping the
 * guard gap below stacks: walk the areas from the top, trying the gap above
 * each. Linux: unmapped_area_topdown() (which searches a tree of gaps).
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
					   unsigned long low, unsigned long high)
{
	unsigned long gap_end = mm->task_size, addr;

	for (struct list_head *p = mm->mmap.prev; p != &mm->mmap; p = p->prev) {
		struct vm_area_struct *vma = list_entry(p, struct vm_area_struct, vm_list);

		if (gap_fits(vma->vm_end, gap_end, len, low, high, &addr))
			return addr;
		gap_end = vm_start_gap(vma);
		if (gap_end <= low)
			return -ENOMEM;
	}
	if (gap_fits(0, gap_end, len, low, high, &addr))
		return addr;
	return -ENOMEM;
}

/* See linux/mm.h. Linux: __get_unmapped_area() -> arch_get_unmapped_area_topdown(). */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	struct vm_area_struct *vma, *prev;

	if (len > mm->task_size)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr > mm->task_size - len)
			return -ENOMEM;
		if (offset_in_page(addr))
			return -EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;	/* Linux: security_mmap_addr() */
		return addr;
	}
	/* A hint is taken if the range is free. */
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma_prev(mm, addr, &prev);
		if (addr >= MMAP_MIN_ADDR && mm->task_size - len >= addr &&
		    (!vma || addr + len <= vm_start_gap(vma)) && (!prev || addr >= prev->vm_end))
			return addr;
	}
	addr = unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, mm->mmap_base);
	if (IS_ERR_VALUE(addr))	/* Linux falls back to the whole address space */
		addr = unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, mm->task_size);
	return addr;
}

/*
 * Is there memory for npages more pages of private writable memory?
 * Linux's default overcommit heuristic (OVERCOMMIT_GUESS): refuse only a
 * request larger than all of RAM; pages are not reserved, a program that
 * touches more than there is meets the out-of-memory path at fault time.
 * Linux: mm/util.c __vm_enough_memory().
 */
static int vm_enough_memory(unsigned long npages)
{
	return npages > totalram_pages() ? -ENOMEM : 0;
}

/*
 * A new anonymous area [addr, addr + len) where nothing is mapped (caller
 * checked), merged with its neighbours when they match. Returns 0 or -errno.
 * Linux: the second half of mmap_region() (__mmap_region()).
 */
static int map_anonymous(struct mm_struct *mm, unsigned long addr, unsigned long len,
			 unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	int err;

	if ((vm_flags & (VM_WRITE | VM_NORESERVE)) == VM_WRITE) {
		if (vm_enough_memory(len >> PAGE_SHIFT))
			return -ENOMEM;
		if (!(vm_flags & VM_SHARED))
			vm_flags |= VM_ACCOUNT;	/* Linux: accountable_mapping() */
	}
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err)
			goto free_vma;
	}
	err = insert_vm_struct(mm, vma);
	if (err)
		goto free_vma;
	vma_merge_neighbours(vma);
	return 0;

free_vma:
	vm_area_free(vma);
	return err;
}

/* Linux: mmap_region(). Replace whatever is in [addr, addr + len) (MAP_FIXED)
 * with a new area. */
static unsigned long mmap_region(struct mm_struct *mm, unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	int err;

	if (find_vma_intersection(mm, addr, addr + len)) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	}
	err = map_anonymous(mm, addr, len, vm_flags, pgoff);
	return err ? (unsigned long)err : addr;
}

/* A hint below mmap_min_addr is raised to it (not refused). Linux: round_hint_to_min(). */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < MMAP_MIN_ADDR)
		return MMAP_MIN_ADDR;
	return hint;
}

/*
 * Linux: do_mmap(), anonymous mappings only (a file gives -ENODEV until the
 * filesystem can map files). The checks come in Linux's order, so each bad
 * argument gets the errno Linux gives. mmap_lock held for writing.
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;

	if (file)
		return -ENODEV;
	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (mm->map_count > DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | VM_MAYREAD | VM_MAYWRITE |
		   VM_MAYEXEC;

	addr = get_unmapped_area(mm, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		pgoff = 0;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		break;
	case MAP_PRIVATE:
		pgoff = addr >> PAGE_SHIFT;
		break;
	default:	/* neither, both (MAP_SHARED_VALIDATE: files only), or junk */
		return -EINVAL;
	}
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	return mmap_region(mm, addr, len, vm_flags, pgoff);
}

/* Linux: mm/util.c vm_mmap_pgoff(). */
static unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
				   unsigned long prot, unsigned long flag, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mmap_write_lock(mm);
	ret = do_mmap(file, addr, len, prot, flag, pgoff);
	mmap_write_unlock(mm);
	return ret;
}

/* Linux: mm/util.c vm_mmap(). */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset)
{
	if (offset + PAGE_ALIGN(len) < offset || offset_in_page(offset))
		return -EINVAL;
	return vm_mmap_pgoff(file, addr, len, prot, flag, offset >> PAGE_SHIFT);
}

/*
 * Linux: arch/x86/kernel/sys_x86_64.c sys_mmap() -> mm/mmap.c
 * ksys_mmap_pgoff(). The offset is in bytes and must be page aligned.
 * Without MAP_ANONYMOUS the fd names a file to map: there are no file
 * mappings yet, so a negative fd gets Linux's EBADF and any other -ENODEV.
 * (fs/ will check the fd with fget(): a closed one is EBADF too.)
 */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (offset_in_page(off))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return (int)fd < 0 ? -EBADF : -ENODEV;
	flags &= ~(MAP_EXECUTABLE | MAP_DENYWRITE);
	return vm_mmap_pgoff(NULL, addr, len, prot, flags, off >> PAGE_SHIFT);
}

/* --- unmapping --- */

/*
 * Linux: do_munmap() -> do_vmi_munmap(). Split the areas at the ends of
 * the range, then drop every area inside: its ptes (and the page
 * references they hold), then the page tables nobody needs any more.
 * Unmapping nothing is not an error.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *last, *prev, *next;
	unsigned long end;
	int err;

	if (offset_in_page(start) || start > mm->task_size || len > mm->task_size - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		err = split_vma(vma, start, 1);	/* the part below start stays */
		if (err)
			return err;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {
		err = split_vma(last, end, 0);	/* the part above end stays */
		if (err)
			return err;
	}
	prev = vma_prev(vma);
	while (vma && vma->vm_start < end) {
		next = vma_next(vma);
		unmap_page_range(vma, vma->vm_start, vma->vm_end);
		remove_vma(vma);
		vma = next;
	}
	free_pgtables(mm, prev ? prev->vm_end : 0, vma ? vma->vm_start : USER_PGTABLES_CEILING);
	return 0;
}

/* Linux: vm_munmap(). */
int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, start, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/* --- brk: the heap --- */

/* Linux: do_brk_flags(). [addr, addr + len) is free (caller checked). */
int do_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags)
{
	if (flags & ~VM_EXEC)
		return -EINVAL;
	if (!len)
		return 0;
	flags |= VM_DATA_DEFAULT_FLAGS;
	return map_anonymous(mm, addr, len, flags, addr >> PAGE_SHIFT);
}

/* Linux: vm_brk_flags(). Replaces whatever was mapped there. */
int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(request), where;
	int ret;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	where = get_unmapped_area(mm, addr, len, 0, MAP_FIXED);	/* checks addr */
	if (IS_ERR_VALUE(where))
		return (int)where;
	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	if (!ret)
		ret = do_brk_flags(mm, addr, len, flags);
	mmap_write_unlock(mm);
	return ret;
}

/*
 * Linux: mm/mmap.c SYSCALL_DEFINE1(brk). Returns the new break, or the old
 * one if the request is refused (below start_brk, into another mapping, out
 * of memory). brk(0) therefore reports the break. Shrinking unmaps whole
 * pages above the new break, so growing again reads zeros.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, origbrk;
	struct vm_area_struct *next;

	mmap_write_lock(mm);
	origbrk = mm->brk;
	if (brk < mm->start_brk || brk > mm->task_size)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk)
		goto success;
	if (brk <= mm->brk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
		goto success;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		goto out;
	if (do_brk_flags(mm, oldbrk, newbrk - oldbrk, 0))
		goto out;
success:
	mm->brk = brk;
	mmap_write_unlock(mm);
	return brk;
out:
	mmap_write_unlock(mm);
	return origbrk;
}

/* --- the stack --- */

/* See linux/mm.h. Linux: expand_downwards() + acct_stack_growth(). */
int expand_downwards(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev = vma_prev(vma);
	unsigned long grow;

	address &= PAGE_MASK;
	if (address < MMAP_MIN_ADDR)
		return -EPERM;
	if (WARN_ON(!(vma->vm_flags & VM_GROWSDOWN)))
		return -EFAULT;
	if (address >= vma->vm_start)
		return 0;
	/* Leave the guard gap to the area below, so a runaway stack faults
	 * instead of running into it. */
	if (prev && (prev->vm_end > address ||
		     (!(prev->vm_flags & VM_GROWSDOWN) && vma_is_accessible(prev) &&
		      address - prev->vm_end < STACK_GUARD_GAP)))
		return -ENOMEM;
	if (vma->vm_end - address > _STK_LIM)
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vm_stat_account(vma->vm_mm, vma->vm_flags, grow);
	return 0;
}

/* See linux/mm.h. Linux: fs/exec.c __bprm_mm_init(). */
int setup_stack_vma(struct mm_struct *mm, unsigned long stack_top, unsigned long size)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err;

	if (!vma)
		return -ENOMEM;
	size = PAGE_ALIGN(size);
	if (offset_in_page(stack_top) || !size || size > _STK_LIM || stack_top > mm->task_size) {
		vm_area_free(vma);
		return -EINVAL;
	}
	vma->vm_end = stack_top;
	vma->vm_start = stack_top - size;
	vma->vm_flags = VM_STACK_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	mmap_write_lock(mm);
	err = insert_vm_struct(mm, vma);
	if (!err)
		mm->start_stack = stack_top;
	mmap_write_unlock(mm);
	if (err)
		vm_area_free(vma);
	return err;
}

/* --- whole address spaces: exit and fork --- */

/* See linux/mm.h. Linux: exit_mmap(). */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	mmap_write_lock(mm);
	for_each_vma(mm, vma)
		unmap_page_range(vma, vma->vm_start, vma->vm_end);
	free_pgtables(mm, 0, USER_PGTABLES_CEILING);
	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list)
		remove_vma(vma);
	WARN_ON(mm->map_count || mm->total_vm);
	mmap_write_unlock(mm);
}

/*
 * See linux/mm.h. Linux: dup_mmap() (kernel/fork.c, mm/mmap.c since 6.15).
 * The parent's mmap_lock is held for writing throughout, so none of its
 * threads can fault (and change ptes) while they are being copied.
 * MAP_SHARED areas get no ptes: their pages are in the shared object, and
 * the child's first touch finds them there (Linux: vma_needs_copy()).
 */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	int retval = 0;

	mmap_write_lock(oldmm);
	for_each_vma(oldmm, mpnt) {
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		vma_link(mm, tmp, NULL);	/* in order: always at the end */
		if (!(tmp->vm_flags & VM_SHARED)) {
			retval = copy_page_range(tmp, mpnt);
			if (retval)
				break;
		}
	}
	/* The parent's writable ptes became read-only: drop their translations. */
	flush_tlb_mm(oldmm);
	mmap_write_unlock(oldmm);
	return retval;
}
