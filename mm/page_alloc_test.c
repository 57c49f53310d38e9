/*
 * Tests for the buddy allocator (mm/page_alloc.c) and for what memblock
 * handed it (mm/memblock.c, mm/mm_init.c).
 *
 * Most tests first "drain" every free block below the top order, so that
 * the next small allocation must split a fresh order-MAX_PAGE_ORDER block
 * and the free counts per order become exactly predictable.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/setup.h>
#include "internal.h"

/* Allocate every free block of order < MAX_PAGE_ORDER; drained[o] lists
 * the order-o blocks taken. */
static void drain_small_blocks(struct list_head drained[NR_PAGE_ORDERS])
{
	unsigned long nr_free[NR_PAGE_ORDERS];

	get_buddyinfo(nr_free);
	for (unsigned int order = 0; order < NR_PAGE_ORDERS; order++) {
		INIT_LIST_HEAD(&drained[order]);
		for (unsigned long i = 0; order < MAX_PAGE_ORDER && i < nr_free[order]; i++) {
			struct page *page = alloc_pages(GFP_KERNEL, order);

			if (page)
				list_add(&page->lru, &drained[order]);
		}
	}
}

static void undrain(struct list_head drained[NR_PAGE_ORDERS])
{
	struct page *page, *next;

	for (unsigned int order = 0; order < NR_PAGE_ORDERS; order++)
		list_for_each_entry_safe(page, next, &drained[order], lru) {
			list_del(&page->lru);
			__free_pages(page, order);
		}
}

/* Compare every order's free count with expect[]; report each mismatch. */
static void expect_buddyinfo(struct ktest *test, const unsigned long expect[NR_PAGE_ORDERS],
			     const char *when)
{
	unsigned long now[NR_PAGE_ORDERS];

	get_buddyinfo(now);
	for (int order = 0; order < NR_PAGE_ORDERS; order++)
		if (now[order] != expect[order])
			ktest_fail(test, __FILE__, __LINE__,
				   "%s: order %d has %lu free blocks, expected %lu", when, order,
				   now[order], expect[order]);
}

/* An order-0 request splits an order-10 block: one block of each order
 * 0..9 is left over, and the order-10 count drops by one. Freeing the page
 * merges everything back. */
static void buddy_split_test(struct ktest *test)
{
	struct list_head drained[NR_PAGE_ORDERS];
	unsigned long drained_counts[NR_PAGE_ORDERS], expect[NR_PAGE_ORDERS];
	unsigned long start[NR_PAGE_ORDERS];
	struct page *page;

	get_buddyinfo(start);
	drain_small_blocks(drained);
	get_buddyinfo(drained_counts);
	for (int order = 0; order < MAX_PAGE_ORDER; order++)
		KTEST_EXPECT_EQ(test, drained_counts[order], 0);
	KTEST_ASSERT_TRUE(test, drained_counts[MAX_PAGE_ORDER] > 0);

	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED(page_to_pfn(page), 1UL << MAX_PAGE_ORDER));
	for (int order = 0; order < MAX_PAGE_ORDER; order++)
		expect[order] = 1;
	expect[MAX_PAGE_ORDER] = drained_counts[MAX_PAGE_ORDER] - 1;
	expect_buddyinfo(test, expect, "after splitting");

	__free_page(page);
	expect_buddyinfo(test, drained_counts, "after freeing the page");
	undrain(drained);
	expect_buddyinfo(test, start, "after undraining");
}

/* Freeing the eight pages of an order-3 block one at a time merges each
 * pair of buddies as soon as both are free, then pairs of pairs, ... */
static void buddy_coalesce_test(struct ktest *test)
{
	struct list_head drained[NR_PAGE_ORDERS];
	unsigned long before[NR_PAGE_ORDERS], now[NR_PAGE_ORDERS], after_alloc[NR_PAGE_ORDERS];
	struct page *page;

	drain_small_blocks(drained);
	get_buddyinfo(before);
	page = alloc_pages(GFP_KERNEL, 3);
	KTEST_ASSERT_NOT_NULL(test, page);
	get_buddyinfo(after_alloc);
	split_page(page, 3);

	__free_page(&page[0]);		/* its buddy page[1] is in use: no merge */
	get_buddyinfo(now);
	KTEST_EXPECT_EQ(test, now[0], after_alloc[0] + 1);
	KTEST_EXPECT_TRUE(test, PageBuddy(&page[0]) && buddy_order(&page[0]) == 0);

	__free_page(&page[1]);		/* merges with page[0] into an order-1 block */
	get_buddyinfo(now);
	KTEST_EXPECT_EQ(test, now[0], after_alloc[0]);
	KTEST_EXPECT_EQ(test, now[1], after_alloc[1] + 1);
	KTEST_EXPECT_FALSE(test, PageBuddy(&page[1]));
	KTEST_EXPECT_TRUE(test, PageBuddy(&page[0]) && buddy_order(&page[0]) == 1);

	__free_page(&page[3]);
	__free_page(&page[2]);		/* 2+3, then with 0+1: an order-2 block */
	get_buddyinfo(now);
	KTEST_EXPECT_EQ(test, now[1], after_alloc[1]);
	KTEST_EXPECT_EQ(test, now[2], after_alloc[2] + 1);
	KTEST_EXPECT_TRUE(test, PageBuddy(&page[0]) && buddy_order(&page[0]) == 2);

	for (int i = 4; i < 8; i++)	/* all the way back to order 10 */
		__free_page(&page[i]);
	expect_buddyinfo(test, before, "after freeing all eight pages");
	KTEST_EXPECT_TRUE(test, PageBuddy(&page[0]) && buddy_order(&page[0]) == MAX_PAGE_ORDER);
	undrain(drained);
}

/* Allocate until the allocator says no; then everything comes back. */
static void buddy_exhaustion_test(struct ktest *test)
{
	unsigned long before[NR_PAGE_ORDERS], free = nr_free_pages(), n = 0;
	struct page *page, *next;
	LIST_HEAD(taken);

	get_buddyinfo(before);
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN))) {
		list_add(&page->lru, &taken);
		n++;
	}
	KTEST_EXPECT_EQ(test, n, free);
	KTEST_EXPECT_EQ(test, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 3));
	KTEST_EXPECT_EQ(test, __get_free_page(GFP_KERNEL | __GFP_NOWARN), 0);

	list_for_each_entry_safe(page, next, &taken, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	expect_buddyinfo(test, before, "after freeing everything");
}

/* The last reference frees the page, not an earlier one. */
static void buddy_refcount_test(struct ktest *test)
{
	unsigned long free = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL), *big;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free - 1);
	get_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	put_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_FALSE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, nr_free_pages(), free - 1);
	put_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);

	/* A reference through a tail page counts on the head (compound page). */
	big = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_EXPECT_EQ(test, compound_order(big), 2);
	KTEST_EXPECT_TRUE(test, compound_head(&big[3]) == big);
	get_page(&big[3]);
	KTEST_EXPECT_EQ(test, page_ref_count(big), 2);
	put_page(&big[3]);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free - 4);
	put_page(&big[1]);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
}

/* The page just freed comes back first (it either is the head of the
 * order-0 list or merges into the block the next split starts from), so
 * __GFP_ZERO must clear the dirt we left in it. */
static void buddy_gfp_zero_test(struct ktest *test)
{
	struct page *dirty = alloc_page(GFP_KERNEL), *clean;
	unsigned char *p;
	int nonzero = 0;

	KTEST_ASSERT_NOT_NULL(test, dirty);
	memset(page_address(dirty), 0xaa, PAGE_SIZE);
	__free_page(dirty);
	clean = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KTEST_ASSERT_NOT_NULL(test, clean);
	KTEST_EXPECT_TRUE(test, clean == dirty);
	p = page_address(clean);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(test, nonzero, 0);
	__free_page(clean);
}

/* Freeing a free page is reported and changes nothing. */
static void buddy_double_free_test(struct ktest *test)
{
	unsigned long before[NR_PAGE_ORDERS];
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	get_buddyinfo(before);
	printk("        # buddy_double_free_test: a 'Bad page state' report follows, as it should\n");
	__free_page(page);
	expect_buddyinfo(test, before, "after a double free");
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);
}

/* What memblock reserved never reached the free lists; the boot code's
 * pages did, once the kernel stopped using them. */
static void memblock_reservations_test(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(0)));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(PFN_DOWN(0xb8000))));
	KTEST_EXPECT_TRUE(test, PageReserved(virt_to_page(_text)));
	KTEST_EXPECT_TRUE(test, PageReserved(virt_to_page(__bss_start)));
	KTEST_EXPECT_TRUE(test, PageReserved(virt_to_page(mem_map)));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(PFN_DOWN(boot_info_start))));
	if (initrd_end > initrd_start) {
		KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(PFN_DOWN(initrd_start))));
		KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(PFN_DOWN(initrd_end - 1))));
	}
	/* The boot page tables (.boot.bss, which GRUB leaves alone) were freed. */
	KTEST_EXPECT_FALSE(test, PageReserved(pfn_to_page(PFN_DOWN((phys_addr_t)__boot_end - 1))));
	KTEST_EXPECT_LE(test, nr_free_pages(), totalram_pages());
	KTEST_EXPECT_LE(test, totalram_pages(), zone_normal.present_pages);
}

KTEST_SUITE(buddy, KTEST_CASE(buddy_split_test), KTEST_CASE(buddy_coalesce_test),
	    KTEST_CASE(buddy_exhaustion_test), KTEST_CASE(buddy_refcount_test),
	    KTEST_CASE(buddy_gfp_zero_test), KTEST_CASE(buddy_double_free_test),
	    KTEST_CASE(memblock_reservations_test));
