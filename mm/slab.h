/*
 * The slab allocator's internals, shared by mm/slab.c and mm/slab_common.c.
 * Linux: mm/slab.h.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/*
 * A cache. Its slabs are 2^order pages (struct page of the first page
 * describes the slab: PG_slab, slab_cache, freelist, inuse) holding
 * `objects` objects of `size` bytes each, back to back from the start.
 * A free object holds the address of the next free object of its slab at
 * byte `offset`: 0, unless a ctor is set, whose work must survive while
 * the object is free, and then just past the object.
 */
struct kmem_cache {
	spinlock_t lock;		/* the lists, the slabs' freelists, the counts */
	struct list_head slabs_partial;	/* some objects in use, some free */
	struct list_head slabs_full;	/* no free object */
	struct list_head slabs_free;	/* no object in use (at most one kept) */
	unsigned long nr_slabs;		/* on all three lists */
	unsigned long nr_free_slabs;	/* on slabs_free */
	unsigned long active_objs;	/* objects handed out */

	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* per object, with free pointer and padding */
	unsigned int align;
	unsigned int offset;		/* of the free pointer in a free object */
	unsigned int order;
	unsigned int objects;		/* per slab */
	slab_flags_t flags;
	void (*ctor)(void *);
	const char *name;
	struct list_head list;		/* on slab_caches */
};

extern struct list_head slab_caches;	/* every cache, under slab_lock */
extern spinlock_t slab_lock;
extern struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */

/* Fill in a zeroed cache's geometry; -EINVAL if size/align cannot work.
 * Linux: mm/slub.c __kmem_cache_create() / calculate_sizes(). */
int __kmem_cache_create(struct kmem_cache *s, const char *name, unsigned int size,
			unsigned int align, slab_flags_t flags, void (*ctor)(void *));
/* Free all slabs if no object is in use; -EBUSY otherwise. */
int __kmem_cache_shutdown(struct kmem_cache *s);

#endif
