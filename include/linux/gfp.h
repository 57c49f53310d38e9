/*
 * Getting whole pages from the buddy allocator (mm/page_alloc.c).
 * Linux: include/linux/gfp.h, gfp_types.h.
 *
 * A request of order n asks for 2^n physically contiguous pages, aligned to
 * their size. All of these can fail: they return NULL (or 0), never panic.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

struct page;

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x1u	/* fill the pages with zeroes */
#define __GFP_COMP	0x2u	/* a compound page: the head records the order */
#define __GFP_NOWARN	0x4u	/* no message when the allocation fails */

/*
 * Nothing in this kernel sleeps or reclaims inside the allocator, so the two
 * are the same; callers still say which they mean, as Linux callers do
 * (GFP_ATOMIC: in interrupt context or under a spinlock).
 */
#define GFP_KERNEL	0u
#define GFP_ATOMIC	0u

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

#endif
