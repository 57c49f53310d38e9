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
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

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

#endif
