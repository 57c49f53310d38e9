/*
 * madvise(): advice about how a range will be used. The one piece of
 * advice that changes what a program sees is MADV_DONTNEED (and MADV_FREE,
 * treated the same here): the pages go, and private memory reads zero at
 * the next touch (shared memory keeps its contents in the shared object).
 * Hints about access patterns, huge pages or core dumps are accepted and
 * ignored: nothing is ever paged, merged or dumped here. Advice that
 * changes fork's behaviour (MADV_DONTFORK, MADV_WIPEONFORK) is not done
 * and gets -EINVAL rather than a silent success.
 * Linux: mm/madvise.c.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_MERGEABLE	12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE	14
#define MADV_NOHUGEPAGE	15
#define MADV_DONTDUMP	16
#define MADV_DODUMP	17
#define MADV_COLD	20
#define MADV_PAGEOUT	21

/* Advice this kernel takes: drops pages, or is a hint it may ignore. */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_MERGEABLE:
	case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_COLD:
	case MADV_PAGEOUT:
		return true;
	}
	return false;
}

/* Linux: madvise_vma_behavior() for one area's part [start, end). */
static int madvise_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		       int behavior)
{
	switch (behavior) {
	case MADV_FREE:
		if (!vma_is_anonymous(vma))	/* Linux: madvise_free_single_vma() */
			return -EINVAL;
		__attribute__((__fallthrough__));
	case MADV_DONTNEED:
		unmap_page_range(vma, start, end);	/* Linux: zap_page_range_single() */
		return 0;
	}
	return 0;
}

/*
 * Linux: do_madvise(). The advice applies to every mapped part of the
 * range; if the range has holes, the mapped parts are still done and the
 * result is -ENOMEM.
 */
static int do_madvise(unsigned long start, size_t len_in, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(len_in), end;
	struct vm_area_struct *vma;
	int unmapped_error = 0, error = 0;

	if (!madvise_behavior_valid(behavior) || offset_in_page(start))
		return -EINVAL;
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	while (!error && start < end) {
		if (!vma || vma->vm_start >= end) {
			unmapped_error = -ENOMEM;
			break;
		}
		if (vma->vm_start > start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
		}
		error = madvise_vma(vma, start, min(end, vma->vm_end), behavior);
		start = vma->vm_end;
		vma = vma_next(vma);
	}
	mmap_write_unlock(mm);
	return error ? error : unmapped_error;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(start, len_in, behavior);
}
