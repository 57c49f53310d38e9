/*
 * The buddy allocator's bookkeeping. Linux: include/linux/mmzone.h.
 *
 * Linux splits memory into nodes and zones (DMA, DMA32, Normal, ...). With
 * no old DMA devices and one node we need one zone, "Normal", spanning every
 * page frame from 0 to max_pfn.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/list.h>
#include <linux/spinlock.h>

/* Blocks of 2^0 .. 2^MAX_PAGE_ORDER pages (4 KiB .. 4 MiB), as Linux. */
#define MAX_PAGE_ORDER	10
#define NR_PAGE_ORDERS	(MAX_PAGE_ORDER + 1)

/* The free blocks of one order. Linux also sorts them by migrate type. */
struct free_area {
	struct list_head free_list;	/* first pages of the free blocks */
	unsigned long nr_free;		/* blocks (not pages) on the list */
};

struct zone {
	spinlock_t lock;		/* protects free_area and the counters */
	struct free_area free_area[NR_PAGE_ORDERS];
	unsigned long free_pages;	/* pages in all free blocks (NR_FREE_PAGES) */
	unsigned long managed_pages;	/* pages ever given to the allocator */
	unsigned long present_pages;	/* RAM pages in the zone, reserved included */
	const char *name;
};

/* Copy the number of free blocks of each order (/proc/buddyinfo), taken at
 * one instant under the zone lock. */
void get_buddyinfo(unsigned long nr_free[NR_PAGE_ORDERS]);
/* Print them as Linux's /proc/buddyinfo line. */
void show_buddyinfo(void);

#endif
