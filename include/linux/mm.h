/*
 * Physical pages: struct page flags, reference counts, and the conversions
 * between a page, its frame number (pfn), and its kernel addresses.
 * Then virtual memory: VMA flags and helpers, and the API of mm/mmap.c,
 * mm/mprotect.c and mm/memory.c for address spaces. The mm_struct's life
 * (mm_alloc, mmput, dup_mm, exec_mmap, exit_mm) and the steps exec takes
 * to build a new address space are in linux/sched/mm.h; the user layout
 * (TASK_SIZE, STACK_TOP, where mmap_base lies) in asm/pgtable_types.h.
 * Linux: include/linux/mm.h, page-flags.h, page_ref.h, asm/page.h.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/pgtable.h>
#include <asm/page.h>

/* Page flags: bit numbers in page->flags. Linux: include/linux/page-flags.h. */
enum pageflags {
	PG_reserved,	/* never handed to the allocator: firmware, kernel image, holes */
	PG_buddy,	/* the first page of a free block in the buddy allocator */
	PG_slab,	/* the first page of a slab (mm/slab.c) */
	PG_head,	/* the first page of a compound (__GFP_COMP) allocation */
};

/*
 * PageFoo() tests, SetPageFoo()/ClearPageFoo() change a flag. The __ forms
 * are not atomic: only for pages nobody else can touch at that moment (the
 * buddy allocator's, under its lock, or one just allocated).
 */
#define PAGEFLAG(name, bit)                                                  \
	static inline bool Page##name(const struct page *page)               \
	{                                                                    \
		return page->flags & (1UL << (bit));                         \
	}                                                                    \
	static inline void __SetPage##name(struct page *page)                \
	{                                                                    \
		page->flags |= 1UL << (bit);                                 \
	}                                                                    \
	static inline void __ClearPage##name(struct page *page)              \
	{                                                                    \
		page->flags &= ~(1UL << (bit));                              \
	}                                                                    \
	static inline void SetPage##name(struct page *page)                  \
	{                                                                    \
		__atomic_or_fetch(&page->flags, 1UL << (bit), __ATOMIC_SEQ_CST); \
	}                                                                    \
	static inline void ClearPage##name(struct page *page)                \
	{                                                                    \
		__atomic_and_fetch(&page->flags, ~(1UL << (bit)), __ATOMIC_SEQ_CST); \
	}
PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Head, PG_head)
#undef PAGEFLAG

/* mem_map[pfn] describes page frame pfn, for every pfn below max_pfn. */
extern struct page *mem_map;
extern unsigned long max_pfn;

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/* The page's address in the direct map. */
static inline void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* Is x an address in the direct map or the kernel image, of a page frame
 * that has a struct page? Linux: virt_addr_valid(). */
static inline bool virt_addr_valid(const void *x)
{
	unsigned long a = (unsigned long)x;

	if (a >= KERNEL_VMA)
		return pfn_valid(PFN_DOWN(a - KERNEL_VMA));
	return a >= PAGE_OFFSET && pfn_valid(PFN_DOWN(a - PAGE_OFFSET));
}

/* The page holding kernel address x (direct map or kernel image). */
static inline struct page *virt_to_page(const void *x)
{
	return pfn_to_page(PFN_DOWN(__pa(x)));
}

/* The first page of the compound allocation page belongs to (or page). */
static inline struct page *compound_head(struct page *page)
{
	return page->compound_head ? page->compound_head : page;
}

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

/* The order of a compound allocation (0 for a single page). */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page->private : 0;
}

/* The smallest order whose block holds size bytes. Linux: get_order(). */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* Reference counts. Linux: include/linux/page_ref.h, mm.h get_page/put_page. */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* Take another reference on a page someone already holds one on. */
static inline void get_page(struct page *page)
{
	page = compound_head(page);
	WARN_ON(page_ref_count(page) <= 0);
	atomic_inc(&page->_refcount);
}

/* Drop a reference; true if it was the last one (the caller frees). */
static inline bool put_page_testzero(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

/* Drop a reference; the last one frees the page (the whole compound
 * allocation for a compound page). Linux: mm/swap.c __folio_put(). */
void put_page(struct page *page);

/* Turn an order-n allocation into 2^n order-0 pages, each with its own
 * reference, to be freed one by one. Linux: mm/page_alloc.c split_page(). */
void split_page(struct page *page, unsigned int order);

/* Free pages in the whole allocator, and pages ever handed to it. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

/* Set up all of memory management: memblock, the kernel page tables, the
 * buddy and slab allocators, ioremap. Called once from start_kernel(). */
void mm_core_init(void);


/* ------------------------------------------------------------------ */
/* Virtual memory: areas (VMAs) and address spaces.                    */
/* ------------------------------------------------------------------ */

/* vma->vm_flags. Linux: include/linux/mm.h (same values). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL	/* the pages may be read */
#define VM_WRITE	0x00000002UL	/* ... written */
#define VM_EXEC		0x00000004UL	/* ... executed */
#define VM_SHARED	0x00000008UL	/* writes are shared (MAP_SHARED), not copied on write */
#define VM_MAYREAD	0x00000010UL	/* mprotect() may turn VM_READ on */
#define VM_MAYWRITE	0x00000020UL	/* ... VM_WRITE */
#define VM_MAYEXEC	0x00000040UL	/* ... VM_EXEC */
#define VM_MAYSHARE	0x00000080UL	/* mapped MAP_SHARED */
#define VM_GROWSDOWN	0x00000100UL	/* a stack: a fault just below extends it */
#define VM_ACCOUNT	0x00100000UL	/* counted against memory (overcommit check) */
#define VM_NORESERVE	0x00200000UL	/* MAP_NORESERVE: not counted */

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
/* Heap (brk) and data: read-write, never executable by default on x86-64. */
#define VM_DATA_DEFAULT_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_FLAGS	(VM_DATA_DEFAULT_FLAGS | VM_GROWSDOWN | VM_ACCOUNT)

/* Limits Linux gets from sysctls and rlimits (fixed here). */
#define DEFAULT_MAX_MAP_COUNT	65530		/* vm.max_map_count: VMAs per mm */
#define _STK_LIM		(8UL << 20)	/* RLIMIT_STACK: a stack grows to 8 MiB */
#define MMAP_MIN_ADDR		0x10000UL	/* vm.mmap_min_addr: NULL pages stay unmapped */
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* kept free below a stack */

#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* May the area be touched at all (else it is PROT_NONE)? */
static inline bool vma_is_accessible(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

/* Private anonymous memory, as opposed to shared (vm_shmem) memory. */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_shmem;
}

/* Private and writable (now or after mprotect): copy-on-write after fork.
 * Linux: is_cow_mapping(). */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* Where an area really starts for placement: a stack keeps a guard gap
 * free below itself so it can grow. Linux: vm_start_gap(). */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN)
		start = start > STACK_GUARD_GAP ? start - STACK_GUARD_GAP : 0;
	return start;
}

/* The VMAs of an mm, lowest address first (mmap_lock held). */
#define for_each_vma(mm, vma) list_for_each_entry(vma, &(mm)->mmap, vm_list)

/* The area after vma on its mm's list, or NULL. Linux: vma_next(). */
static inline struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	struct list_head *n = vma->vm_list.next;

	return n == &vma->vm_mm->mmap ? NULL : list_entry(n, struct vm_area_struct, vm_list);
}

/* The area before vma, or NULL. Linux: vma_prev(). */
static inline struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	struct list_head *p = vma->vm_list.prev;

	return p == &vma->vm_mm->mmap ? NULL : list_entry(p, struct vm_area_struct, vm_list);
}

/* The page an entry maps (pte_present() entries only). */
static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* --- mm/mmap.c: areas. Callers hold mmap_lock (read to look, write to change). --- */

/* The pte protections for an area with these VM_* flags: Linux's
 * protection_map[]. Private writable areas get read-only entries (PAGE_COPY):
 * a write fault makes each page writable once it is surely private. */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* The first area ending above addr (it may start above addr too), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* The same, and the area before it (or NULL) in *pprev. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
/* The area containing addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
/* The first area overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

/* A zeroed area for mm (vm_mm set, on no list), or NULL; and its freeing. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);
/* Put a filled-in area on mm's list. 0, or -ENOMEM if it overlaps another
 * or mm has too many areas. Linux: insert_vm_struct(). */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);

/* Map anonymous memory in current's mm: mmap() without the argument
 * checks user space needs. file must be NULL (file mappings: -ENODEV for
 * now). Returns the address, or -errno (test with IS_ERR_VALUE()). Takes
 * mmap_lock itself. Linux: mm/util.c vm_mmap(). */
struct file;
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset);
/* Unmap [start, start + len) in current's mm; takes mmap_lock. 0 or -EINVAL. */
int vm_munmap(unsigned long start, size_t len);
/* Map [addr, addr + len) as heap-like anonymous memory (read-write, for
 * .bss and the brk area) in current's mm; takes mmap_lock. 0 or -errno.
 * Linux: vm_brk_flags(). */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);

/* The same three without taking mmap_lock (the caller holds it for writing). */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int do_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags);

/* Where mmap() should place len bytes (hint addr, MAP_FIXED in flags), or
 * -ENOMEM/-EINVAL/-EPERM. Linux: get_unmapped_area(). */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);

/* Split vma at addr (inside it, page aligned) into two areas; new_below
 * says whether the new area is the lower part. 0 or -ENOMEM. */
int split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below);
/* Merge vma with the areas just before and after it when they are
 * compatible (same flags, anonymous); returns the area now covering vma's
 * range (vma itself may have been freed). Linux: vma_merge() (simplified). */
struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma);

/* Extend a VM_GROWSDOWN area down to cover address (the stack limit and
 * the guard gap permitting). 0 or -ENOMEM/-EPERM. mmap_lock held for
 * writing. Linux: expand_downwards() / expand_stack(). */
int expand_downwards(struct vm_area_struct *vma, unsigned long address);

/* The initial stack area of a new mm, before exec fills it: [stack_top -
 * size, stack_top), read-write, VM_GROWSDOWN. Sets mm->start_stack. 0 or
 * -ENOMEM. Linux: fs/exec.c __bprm_mm_init() (+ setup_arg_pages()'s
 * stack_expand). */
int setup_stack_vma(struct mm_struct *mm, unsigned long stack_top, unsigned long size);

/* Tear down every area of mm: pages, page tables, VMAs (its last user is
 * gone: mmput()). Linux: exit_mmap(). */
void exit_mmap(struct mm_struct *mm);
/* Copy oldmm's areas and page tables into the new mm (fork). 0 or -ENOMEM;
 * on failure mm holds what was copied, for mmput() to free.
 * Linux: dup_mmap(). */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);

/* The slab cache for vm_area_structs; at boot (mm/vma.c). */
void vma_state_init(void);

/* --- mm/mprotect.c --- */

/* mprotect() on current's mm: the system call's work, for the kernel too
 * (exec's ELF loader maps a segment writable, fills it with copy_to_user(),
 * then gives it its final protection). pkey must be -1. Takes mmap_lock.
 * 0 or -EINVAL/-ENOMEM/-EACCES. */
int do_mprotect_pkey(unsigned long start, size_t len, unsigned long prot, int pkey);
static inline int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	return do_mprotect_pkey(start, len, prot, -1);
}

/* Linux: mprotect_fixup(). Give [start, end) of vma (inside it) the flags
 * newflags, splitting and merging areas and rewriting ptes. 0 or -ENOMEM. */
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end, unsigned long newflags);
/* Rewrite the present ptes in [start, end) with vma's new protections.
 * Linux: change_protection(). */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end);

/* --- mm/memory.c: page faults and page-table copies --- */

/* handle_mm_fault() flags (Linux: FAULT_FLAG_*). */
#define FAULT_FLAG_WRITE	0x01	/* the access was a write */
#define FAULT_FLAG_USER		0x40	/* from user mode */
#define FAULT_FLAG_INSTRUCTION	0x100	/* an instruction fetch */

/* handle_mm_fault() results: 0 when the page is now mapped. Linux: vm_fault_t. */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x0001	/* no memory for a page or page table */
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_SIGSEGV	0x0040
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/*
 * Make address (inside vma, the access already checked against
 * vma->vm_flags) usable: allocate a zeroed page on first touch, take it
 * from the shared object for MAP_SHARED areas, or copy (or reuse) a
 * copy-on-write page on a write. mmap_lock held (read is enough): works on
 * any mm, loaded or not. Linux: mm/memory.c handle_mm_fault().
 */
struct pt_regs;
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);

/* Remove every pte in [start, end) of vma, dropping the page references
 * they held, and flush them from the TLB. Page tables stay (free_pgtables).
 * Linux: zap_page_range_single() -> unmap_page_range(). */
void unmap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* Free the page-table pages covering only [floor, ceiling): the gap
 * between the areas around an unmapped range. Linux: free_pgtables(). */
void free_pgtables(struct mm_struct *mm, unsigned long floor, unsigned long ceiling);
/* Fork: copy src_vma's ptes into dst_vma's mm, all four levels. Private
 * writable pages become read-only in both, each page's reference count
 * raised (copy-on-write). 0 or -ENOMEM. Linux: copy_page_range(). */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

/* Copy len bytes between buf and address addr of mm (not necessarily
 * current's), faulting pages in as needed: for exec writing a new stack,
 * and tests. write (FOLL_WRITE) copies into mm. Returns the bytes copied
 * (short if it met an unmapped or forbidden page). Linux: access_remote_vm(). */
#define FOLL_WRITE 0x01
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags);

/* mm_alloc(), mmput(), dup_mm(), exec_mmap(), exit_mm(): Linux declares them
 * in linux/sched/mm.h; included here so that including linux/mm.h is enough. */
#include <linux/sched/mm.h>

#endif
