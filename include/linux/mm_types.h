/*
 * struct page: one for every physical page frame, in the mem_map array.
 * Linux: include/linux/mm_types.h (struct page, and struct slab which
 * overlays it), much reduced: no mapping/index, no memcg, no folios.
 *
 * Who uses which fields depends on who owns the page, as in Linux:
 *   free, in the buddy allocator (PG_buddy): lru, private = order
 *   a slab (PG_slab):                        slab_list, slab_cache, freelist, inuse
 *   a multi-page allocation (__GFP_COMP):    head: PG_head, private = order;
 *                                            tails: compound_head
 *   anyone else (allocated):                 lru is free for the owner's lists
 *
 * A page mapped into user space has one reference per page-table entry
 * that maps it (and one more if a MAP_SHARED area holds it): fork's
 * copy-on-write decides "copy or reuse" by that count (mm/memory.c
 * do_wp_page()), so there is no separate _mapcount.
 *
 * Below struct page: the address space of a process (struct mm_struct) and
 * its areas (struct vm_area_struct). Linux: include/linux/mm_types.h.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/pgtable_types.h>

struct kmem_cache;
struct shmem_object;

struct page {
	unsigned long flags;		/* PG_* bits, include/linux/mm.h */
	union {
		struct list_head lru;	/* buddy free list, or the owner's list */
		struct list_head slab_list;	/* the cache's partial/full/free list */
	};
	unsigned long private;		/* PG_buddy or PG_head: the block's order */
	struct page *compound_head;	/* a tail page: its head page; else NULL */
	struct kmem_cache *slab_cache;	/* PG_slab: the cache this slab belongs to */
	void *freelist;			/* PG_slab: first free object, or NULL */
	unsigned int inuse;		/* PG_slab: objects handed out */
	atomic_t _refcount;		/* users of the page; 0 when free */
};

/*
 * One virtual memory area: a range [vm_start, vm_end) of an address space
 * with the same protections and backing. The ranges of one mm never
 * overlap and are kept on mm->mmap sorted by address. Linux keeps them in
 * a maple tree (before 6.1: a list plus a red-black tree); a sorted list
 * makes every lookup linear in the number of areas, which is fine for the
 * tens of areas a small program has.
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first address inside, page aligned */
	unsigned long vm_end;		/* first address after, page aligned */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	pgprot_t vm_page_prot;		/* pte protections: vm_get_page_prot(vm_flags) */
	unsigned long vm_flags;		/* VM_* in linux/mm.h */
	struct list_head vm_list;	/* on vm_mm->mmap, sorted by vm_start */
	/* Where the pages come from. Private anonymous memory: nowhere (each
	 * first touch gets a zeroed page; vm_pgoff is vm_start in pages, as in
	 * Linux). MAP_SHARED anonymous memory: page vm_pgoff + i of vm_shmem
	 * backs page i of the area (Linux: vm_file, a shmem file, and vm_pgoff). */
	unsigned long vm_pgoff;
	struct shmem_object *vm_shmem;	/* shared anonymous backing, or NULL */
};

/*
 * An address space: what a process sees below TASK_SIZE. Threads share
 * one (CLONE_VM); fork copies it (dup_mm). Two reference counts, as Linux:
 *   mm_users: tasks using the address space (mmget/mmput); the last
 *             mmput() tears down its VMAs, pages and page tables;
 *   mm_count: references to the struct itself (mmgrab/mmdrop), one held
 *             by all the users together and one by each CPU that still has
 *             the pgd loaded while running a kernel thread (lazy TLB); the
 *             last mmdrop() frees the pgd and the struct.
 */
struct mm_struct {
	struct list_head mmap;		/* the VMAs, sorted by address */
	int map_count;			/* how many VMAs */
	pgd_t *pgd;			/* top-level page table (PML4); kernel half shared */
	atomic_t mm_users;		/* tasks using it */
	atomic_t mm_count;		/* references to the struct (see above) */
	struct rw_semaphore mmap_lock;	/* VMA list and fields below: linux/mmap_lock.h */
	spinlock_t page_table_lock;	/* page-table entries of the user half */
	cpumask_t cpu_bitmap;		/* CPUs with pgd loaded: mm_cpumask() */

	unsigned long mmap_base;	/* mmap's top-down search starts below this */
	unsigned long task_size;	/* end of user space for this mm */
	unsigned long total_vm;		/* pages mapped, in all VMAs */
	unsigned long stack_vm;		/* pages in VM_GROWSDOWN areas */

	/* The program's layout, set by exec (fs/exec.c) and brk. */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* the heap: [start_brk, brk) */
	unsigned long start_stack;	/* top of the initial stack */
	unsigned long arg_start, arg_end, env_start, env_end;	/* argv, envp strings */
};

/* The CPUs that may hold TLB entries of mm: those whose CR3 is its pgd
 * (running its tasks, or a kernel thread borrowing it). A TLB flush must
 * reach all of them. Linux: mm_cpumask(). */
#define mm_cpumask(mm) (&(mm)->cpu_bitmap)

extern struct mm_struct init_mm;	/* the kernel's: swapper_pg_dir, no VMAs */

#endif
