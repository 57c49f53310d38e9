/*
 * Single areas (VMAs): allocating and freeing them, putting them on their
 * mm's sorted list, splitting one in two and merging neighbours that match.
 * mm/mmap.c builds mmap, munmap, mprotect's fixups and fork on these.
 * Linux: mm/vma.c (since 6.12; mm/mmap.c before), kernel/fork.c for the
 * allocation. mmap_lock held for writing by every caller that changes a list.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include "internal.h"

static struct kmem_cache *vm_area_cachep;

/* Linux: kernel/fork.c vm_area_alloc(). */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

/* A copy of orig, on no list, sharing its backing. Linux: kernel/fork.c vm_area_dup(). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (new) {
		*new = *orig;
		INIT_LIST_HEAD(&new->vm_list);
		if (new->vm_shmem)
			shmem_object_get(new->vm_shmem);
	}
	return new;
}

/* Linux: kernel/fork.c vm_area_free() (+ remove_vma()'s fput). */
void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_shmem)
		shmem_object_put(vma->vm_shmem);
	kmem_cache_free(vm_area_cachep, vma);
}

/* Count pages coming into (npages > 0) or leaving an mm. Linux: vm_stat_account(). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
}

/* Put vma on mm's list just before next (NULL: at the end). Linux: vma_link(). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *next)
{
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

/* Take vma off its mm's list and free it; its pages must be gone already. */
void remove_vma(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	list_del(&vma->vm_list);
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	vm_area_free(vma);
}

/* Linux: insert_vm_struct(). */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	if (next && next->vm_start < vma->vm_end)
		return -ENOMEM;
	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	if (vma_is_anonymous(vma) && !vma->vm_pgoff)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma_link(mm, vma, next);
	return 0;
}

/* Linux: __split_vma(). The page tables need no change: both halves keep
 * the ptes they cover. */
int split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new;

	if (WARN_ON(addr <= vma->vm_start || addr >= vma->vm_end || offset_in_page(addr)))
		return -EINVAL;
	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += (addr - new->vm_start) >> PAGE_SHIFT;
		list_add_tail(&new->vm_list, &vma->vm_list);	/* before vma */
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_end = addr;
		list_add(&new->vm_list, &vma->vm_list);	/* after vma */
	}
	mm->map_count++;
	return 0;
}

/* Can b, which follows a, be folded into one area with it? Same flags and
 * the same backing: none, or the same shared object at contiguous offsets. */
static bool can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_shmem == b->vm_shmem &&
	       (!a->vm_shmem || a->vm_pgoff + vma_pages(a) == b->vm_pgoff);
}

/* Fold next (which follows vma) into vma. */
static void merge_into(struct vm_area_struct *vma, struct vm_area_struct *next)
{
	unsigned long npages = vma_pages(next);

	vma->vm_end = next->vm_end;
	remove_vma(next);	/* takes its pages off the count ... */
	vm_stat_account(vma->vm_mm, vma->vm_flags, npages);	/* ... which vma now has */
}

/* See linux/mm.h. Linux: vma_merge(), reduced to "merge with whichever
 * neighbour fits" after an area was made or changed. */
struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);

	if (next && can_merge(vma, next))
		merge_into(vma, next);
	if (prev && can_merge(prev, vma)) {
		merge_into(prev, vma);
		vma = prev;
	}
	return vma;
}

/* Linux: mm/vma_init.c vma_state_init() (kernel/fork.c proc_caches_init()
 * before 6.15). */
void __init vma_state_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
}
