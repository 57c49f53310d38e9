/*
 * Physical pages: struct page flags, reference counts, and the conversions
 * between a page, its frame number (pfn), and its kernel addresses.
 * Linux: include/linux/mm.h, page-flags.h, page_ref.h, asm/page.h.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
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

#endif
