/*
 * The buddy allocator: physical memory in blocks of 2^order pages.
 * Linux: mm/page_alloc.c, reduced to its core: one zone, no per-CPU page
 * lists, no migrate types, no watermarks or reclaim.
 *
 * Free memory is kept as blocks of 2^order pages (order 0..MAX_PAGE_ORDER),
 * each aligned to its own size, on the list zone->free_area[order]. A
 * block's "buddy" is the other half of the block one order up; their frame
 * numbers differ only in bit `order` (buddy_pfn = pfn ^ (1 << order)).
 *   - Allocating order n takes the first block of the smallest order >= n
 *     that has one, and puts the halves it does not need back on the lower
 *     lists (expand()).
 *   - Freeing a block merges it with its buddy for as long as the buddy is
 *     free and of the same order, then lists the result (__free_one_page()).
 * So two free buddies are never both on the same list: memory is kept in
 * the largest blocks possible.
 *
 * Locking: zone->lock (spin_lock_irqsave: pages may be freed in interrupts)
 * protects the free lists, PG_buddy and the counters. Pages outside the
 * allocator belong to whoever allocated them.
 */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/stacktrace.h>
#include "internal.h"

struct zone zone_normal = { .name = "Normal" };
struct page *mem_map;		/* mm/mm_init.c allocates it */
unsigned long max_pfn;
bool after_bootmem;

/* Mark page as the head of a free block of this order. Linux: same name. */
static void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

/* Caller holds zone->lock for these two. Linux: same names. */
static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
	zone->free_pages += 1UL << order;
}

static void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1UL << order;
}

/* May page merge with buddy? Only if buddy heads a free block of the same
 * order. Linux: page_is_buddy(). */
static bool page_is_buddy(struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order;
}

/*
 * Put the free block of 2^order pages at page (frame pfn) on the free
 * lists, first merging it with its buddy, and the result with its buddy,
 * and so on. Caller holds zone->lock. Linux: __free_one_page().
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);

		if (!pfn_valid(buddy_pfn) || !page_is_buddy(buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		/* The merged block starts at the lower of the two halves. */
		unsigned long combined_pfn = buddy_pfn & pfn;
		page += combined_pfn - pfn;
		pfn = combined_pfn;
		order++;
	}
	add_to_free_list(page, zone, order);
}

/*
 * A block of order high at page is being used for an order-low request:
 * give back its upper half, then the upper half of the lower half, ...,
 * one block of each order from high - 1 down to low. Linux: expand().
 */
static void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
	}
}

/* Take a block of 2^order pages, splitting a bigger one if need be; NULL if
 * none is free. Caller holds zone->lock. Linux: __rmqueue_smallest(). */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int current_order = order; current_order < NR_PAGE_ORDERS; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return NULL;
}

/* Why page may not go on (or come off) the free lists, or NULL if it may.
 * Linux: page_bad_reason(). */
static const char *page_bad_reason(const struct page *page)
{
	if (page_ref_count(page) != 0)
		return "nonzero _refcount";
	if (PageBuddy(page))
		return "PG_buddy set (already free)";
	if (PageReserved(page))
		return "PG_reserved set";
	if (PageSlab(page))
		return "PG_slab set";
	return NULL;
}

/* Report a page in an impossible state. The caller then leaks it: better a
 * lost page than corrupt free lists. Linux: bad_page(). */
static void bad_page(const struct page *page, const char *reason)
{
	pr_err("BUG: Bad page state: pfn %#lx flags %#lx refcount %d: %s\n",
		 page_to_pfn(page), page->flags, page_ref_count(page), reason);
	dump_stack();
}

/* Make 2^order pages at page one compound page: the head keeps the order,
 * the tails point to the head. Linux: prep_compound_page(). */
static void prep_compound_page(struct page *page, unsigned int order)
{
	__SetPageHead(page);
	page->private = order;
	for (unsigned long i = 1; i < (1UL << order); i++)
		page[i].compound_head = page;
}

/*
 * Check 2^order pages at page before they go back on the free lists, and
 * undo the compound bookkeeping. False (after a report) if one is still in
 * use. Linux: free_pages_prepare().
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	if (PageHead(page) && page->private != order) {
		bad_page(page, "freed with an order other than the allocation's");
		return false;
	}
	__ClearPageHead(page);
	page->private = 0;
	for (unsigned long i = 0; i < (1UL << order); i++) {
		const char *reason = page_bad_reason(&page[i]);

		if (reason) {
			bad_page(&page[i], reason);
			return false;
		}
		page[i].compound_head = NULL;
	}
	return true;
}

/* Free a block whose last reference is gone. Linux: __free_pages_ok(). */
static void __free_pages_ok(struct page *page, unsigned int order)
{
	struct zone *zone = &zone_normal;
	unsigned long flags;

	if (!free_pages_prepare(page, order))
		return;
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* One line per failure (Linux's warn_alloc() also dumps the stack). */
static void warn_alloc(gfp_t gfp, unsigned int order, void *caller)
{
	pr_warn("page allocation failure: order:%u, mode:%#x, %lu pages free, caller %pS\n",
		order, gfp, nr_free_pages(), caller);
}

/*
 * Allocate 2^order physically contiguous pages, with a reference count of
 * 1 on the first. NULL when no block is big enough. Takes zone->lock.
 * Linux: alloc_pages() -> __alloc_pages() -> get_page_from_freelist().
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct zone *zone = &zone_normal;
	unsigned long flags;
	struct page *page;

	if (WARN_ON(order > MAX_PAGE_ORDER) || should_fail_alloc(__builtin_return_address(0)))
		return NULL;
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			warn_alloc(gfp, order, __builtin_return_address(0));
		return NULL;
	}
	if (page_bad_reason(page)) {	/* Linux: check_new_pages() */
		bad_page(page, page_bad_reason(page));
		return NULL;
	}
	set_page_count(page, 1);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	if ((gfp & __GFP_COMP) && order)
		prep_compound_page(page, order);
	return page;
}

/*
 * Drop a reference to the 2^order pages at page; the last one frees them.
 * Freeing an already free page is reported, not done. Linux: __free_pages().
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (page_ref_count(page) <= 0) {
		bad_page(page, "freeing a page that is already free (double free?)");
		return;
	}
	if (put_page_testzero(page))
		__free_pages_ok(page, order);
}

/* Drop a reference to a page (of any compound size); the last frees it. */
void put_page(struct page *page)
{
	page = compound_head(page);
	if (page_ref_count(page) <= 0) {
		bad_page(page, "put_page() on a page that is already free");
		return;
	}
	if (put_page_testzero(page))
		__free_pages_ok(page, compound_order(page));
}

/* Linux: __get_free_pages(): the same, by direct-map address; 0 on failure. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/* Linux: get_zeroed_page(). */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* Linux: free_pages(); addr 0 is ignored, like kfree(NULL). */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/* See include/linux/mm.h. Linux: split_page(). */
void split_page(struct page *page, unsigned int order)
{
	WARN_ON(PageHead(page));
	for (unsigned long i = 1; i < (1UL << order); i++)
		set_page_count(&page[i], 1);
}

/* Linux: mm/mm_init.c __free_pages_core(): a boot-reserved block joins. */
void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = &zone_normal;
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++) {
		__ClearPageReserved(&page[i]);
		set_page_count(&page[i], 0);
	}
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += 1UL << order;
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* See mm/internal.h. Linux: mm/page_alloc.c free_reserved_area(). */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pages = 0;

	start = (void *)ALIGN((unsigned long)start, PAGE_SIZE);
	end = (void *)ALIGN_DOWN((unsigned long)end, PAGE_SIZE);
	for (char *pos = start; pos < (char *)end; pos += PAGE_SIZE, pages++) {
		if (poison >= 0)
			memset(pos, poison, PAGE_SIZE);
		__free_pages_core(virt_to_page(pos), 0);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* Lock-free reads: a snapshot that may be stale by the time it is used.
 * Linux: nr_free_pages(), totalram_pages(). */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone_normal.free_pages);
}

unsigned long totalram_pages(void)
{
	return READ_ONCE(zone_normal.managed_pages);
}

/* See include/linux/mmzone.h. Takes zone->lock. */
void get_buddyinfo(unsigned long nr_free[NR_PAGE_ORDERS])
{
	unsigned long flags;

	spin_lock_irqsave(&zone_normal.lock, flags);
	for (int order = 0; order < NR_PAGE_ORDERS; order++)
		nr_free[order] = zone_normal.free_area[order].nr_free;
	spin_unlock_irqrestore(&zone_normal.lock, flags);
}

/* Linux: mm/vmstat.c frag_show_print(), the /proc/buddyinfo format. */
void show_buddyinfo(void)
{
	unsigned long nr_free[NR_PAGE_ORDERS];

	get_buddyinfo(nr_free);
	printk("Node 0, zone %8s ", zone_normal.name);
	for (int order = 0; order < NR_PAGE_ORDERS; order++)
		pr_cont("%6lu ", nr_free[order]);
	pr_cont("\n");
}
