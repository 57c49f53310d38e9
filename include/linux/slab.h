/*
 * The slab allocator: small objects carved out of pages, in caches of
 * same-sized objects; kmalloc() on top of a set of such caches.
 * Linux: include/linux/slab.h. Implementation: mm/slab.c, mm/slab_common.c.
 *
 * Every function may be called with interrupts off or in an interrupt
 * handler; allocation fails with NULL, never panics (unless SLAB_PANIC).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

#define SLAB_HWCACHE_ALIGN	0x1u	/* align objects to cache lines (64 bytes) */
#define SLAB_PANIC		0x2u	/* kmem_cache_create() panics on failure */

struct kmem_cache;

/*
 * A cache of objects of size bytes, each aligned to align (0: the natural
 * 8), optionally built by ctor when their slab is made. name is kept, not
 * copied. NULL on failure.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/* Destroy an empty cache; a cache with objects still in use is reported
 * and kept. */
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
/* Give back an object from s. A pointer s did not hand out, or a double
 * free, is reported (not freed). */
void kmem_cache_free(struct kmem_cache *s, void *obj);
/* Return the cache's empty slabs to the page allocator. */
int kmem_cache_shrink(struct kmem_cache *s);
/* The same for every cache (for exact leak checks with nr_free_pages()). */
void drop_slab(void);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* kmalloc sizes: caches kmalloc-8 .. kmalloc-4096; beyond, whole pages. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	4096

/* kmalloc(0) returns this: not NULL, but not usable. kfree() takes it. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *obj);
/* The usable size of a kmalloc()ed object (its size class). */
size_t ksize(const void *obj);
/* The cache kmalloc(size) allocates from; NULL for sizes beyond the caches. */
struct kmem_cache *kmalloc_slab(size_t size);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, gfp);
}

/* One cache's counts, as /proc/slabinfo shows them. Linux: mm/slab.h. */
struct slabinfo {
	unsigned long active_objs;	/* objects handed out */
	unsigned long num_objs;		/* objects in all slabs */
	unsigned long active_slabs;	/* slabs with at least one object in use */
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;	/* each slab is 2^cache_order pages */
	unsigned int objsize;		/* bytes per object, with padding */
};
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);
/* Print every cache as a /proc/slabinfo table (version 2.1 columns). */
void slabinfo_show(void);
/* Objects allocated from all caches together (leak checks). */
unsigned long slab_active_objects(void);

#endif
