/*
 * The slab allocator proper: caches of same-sized objects carved out of
 * slabs of 2^order pages. Shaped like Linux's original SLAB (mm/slab.c,
 * removed in 6.8): each cache keeps full, partial and free slab lists. Like
 * SLUB (mm/slub.c), free objects are chained through a pointer stored in
 * the objects themselves, and struct page describes its slab. No per-CPU
 * caches, no debugging layers beyond two cheap checks on free:
 *   - the pointer must be the start of an object of this cache's slab;
 *   - the object must not already be free (double free).
 * Bad frees are reported and ignored, so they cannot corrupt a freelist.
 *
 * Locking: s->lock (irqsave) protects everything in a cache; the buddy
 * allocator's zone lock nests inside it.
 */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/stacktrace.h>
#include "slab.h"

#define MAX_SLAB_ORDER 3	/* Linux: PAGE_ALLOC_COSTLY_ORDER */
#define CACHE_LINE_SIZE 64

/* The next free object after a free object. Linux: mm/slub.c, same names. */
static void *get_freepointer(struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static void set_freepointer(struct kmem_cache *s, void *object, void *next)
{
	*(void **)((char *)object + s->offset) = next;
}

/* Linux: mm/slab_common.c calculate_alignment(). Cache-line alignment is
 * relaxed for small objects, so several still share a line. */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return max(align, (unsigned int)sizeof(void *));
}

/* See mm/slab.h. Linux: mm/slub.c __kmem_cache_create(), calculate_sizes(),
 * calculate_order(). */
int __kmem_cache_create(struct kmem_cache *s, const char *name, unsigned int size,
			unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int order;

	if (!size || (align & (align - 1)))
		return -EINVAL;
	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->align = calculate_alignment(flags, align, size);
	s->size = ALIGN(size, sizeof(void *));
	s->offset = 0;
	if (ctor) {
		s->offset = s->size;
		s->size += sizeof(void *);
	}
	s->size = ALIGN(s->size, s->align);

	/* The smallest slab that wastes at most 1/8 of itself. */
	for (order = 0; order < MAX_SLAB_ORDER; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size >= s->size && (slab_size % s->size) * 8 <= slab_size)
			break;
	}
	if ((PAGE_SIZE << order) < s->size)
		return -EINVAL;
	s->order = order;
	s->objects = (PAGE_SIZE << order) / s->size;

	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_free);
	return 0;
}

/*
 * A new slab: pages from the buddy allocator, every object constructed and
 * chained on the freelist in address order. Caller holds s->lock.
 * Linux: mm/slub.c allocate_slab().
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = alloc_pages((gfp & ~__GFP_ZERO) | __GFP_COMP, s->order);
	char *base;

	if (!slab)
		return NULL;
	base = page_address(slab);
	for (unsigned int i = 0; i < s->objects; i++) {
		char *object = base + i * s->size;

		if (s->ctor)
			s->ctor(object);
		set_freepointer(s, object, i + 1 < s->objects ? object + s->size : NULL);
	}
	__SetPageSlab(slab);
	slab->slab_cache = s;
	slab->freelist = base;
	slab->inuse = 0;
	s->nr_slabs++;
	return slab;
}

/* Give an empty slab's pages back. Caller holds s->lock and has taken the
 * slab off its list. Linux: mm/slub.c discard_slab(). */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	s->nr_slabs--;
	__free_pages(slab, s->order);
}

/* A slab with a free object: partial first (to fill slabs up), then the
 * kept empty one, else a new one. Caller holds s->lock. */
static struct page *get_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab;

	if (!list_empty(&s->slabs_partial))
		return list_first_entry(&s->slabs_partial, struct page, slab_list);
	if (!list_empty(&s->slabs_free)) {
		slab = list_first_entry(&s->slabs_free, struct page, slab_list);
		s->nr_free_slabs--;
	} else {
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		INIT_LIST_HEAD(&slab->slab_list);
	}
	list_move_tail(&slab->slab_list, &s->slabs_partial);
	return slab;
}

/* Is p the start of an object in slab (or NULL, the end of a freelist)? */
static bool valid_object_or_null(struct kmem_cache *s, struct page *slab, void *p)
{
	char *base = page_address(slab);
	unsigned long off = (char *)p - base;

	return !p || ((char *)p >= base && off < s->objects * s->size && off % s->size == 0);
}

/* Linux: mm/slub.c slab_alloc_node(), without per-CPU slabs. */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *object;

	if (should_fail_alloc(__builtin_return_address(0)))
		return NULL;
	spin_lock_irqsave(&s->lock, flags);
	slab = get_slab(s, gfp);
	if (!slab) {
		spin_unlock_irqrestore(&s->lock, flags);
		return NULL;
	}
	object = slab->freelist;
	slab->freelist = get_freepointer(s, object);
	/* A free object was written to after it was freed: use after free. */
	if (!valid_object_or_null(s, slab, slab->freelist))
		panic("%s: freelist corrupted: object %p holds next-free %p (use after free?)",
		      s->name, object, slab->freelist);
	slab->inuse++;
	s->active_objs++;
	if (slab->inuse == s->objects)
		list_move_tail(&slab->slab_list, &s->slabs_full);
	spin_unlock_irqrestore(&s->lock, flags);

	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

/*
 * Is object already on slab's freelist? Walking the list costs up to
 * s->objects steps, so only do it when the object looks free: its free
 * pointer holds what a free object's would (NULL or an object of this slab).
 * Caller holds s->lock. Linux: mm/slub.c on_freelist() (a debug check there).
 */
static bool object_is_free(struct kmem_cache *s, struct page *slab, void *object)
{
	if (!valid_object_or_null(s, slab, get_freepointer(s, object)))
		return false;
	for (void *p = slab->freelist; p; p = get_freepointer(s, p))
		if (p == object)
			return true;
	return false;
}

/* Linux: mm/slub.c slab_err() / object_err(), without the hex dump. */
static void report_bad_free(struct kmem_cache *s, const void *object, const char *why)
{
	pr_err("BUG %s: kmem_cache_free(%p): %s; not freed\n", s ? s->name : "?", object, why);
	dump_stack();
}

/* The slab (head page) holding object, or NULL if object is not a kernel
 * address with a struct page. */
static struct page *virt_to_slab(const void *object)
{
	if (!virt_addr_valid(object))
		return NULL;
	return virt_to_head_page(object);
}

/* Linux: mm/slub.c kmem_cache_free() -> do_slab_free(). */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab = virt_to_slab(object);
	unsigned long flags;

	if (!object)
		return;
	if (!slab || !PageSlab(slab) || slab->slab_cache != s) {
		report_bad_free(s, object, "not an object of this cache");
		return;
	}
	if (!valid_object_or_null(s, slab, object)) {
		report_bad_free(s, object, "not the start of an object");
		return;
	}
	spin_lock_irqsave(&s->lock, flags);
	if (object_is_free(s, slab, object)) {
		spin_unlock_irqrestore(&s->lock, flags);
		report_bad_free(s, object, "double free");
		return;
	}
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	if (slab->inuse == s->objects)	/* it was full */
		list_move_tail(&slab->slab_list, &s->slabs_partial);
	slab->inuse--;
	s->active_objs--;
	if (!slab->inuse) {
		/* Keep one empty slab so a cache that goes 1 -> 0 -> 1 objects
		 * does not call the page allocator every time. */
		if (s->nr_free_slabs) {
			list_del(&slab->slab_list);
			discard_slab(s, slab);
		} else {
			list_move_tail(&slab->slab_list, &s->slabs_free);
			s->nr_free_slabs++;
		}
	}
	spin_unlock_irqrestore(&s->lock, flags);
}

/* Free every slab on slabs_free. Caller holds s->lock. */
static void free_empty_slabs(struct kmem_cache *s)
{
	struct page *slab, *next;

	list_for_each_entry_safe(slab, next, &s->slabs_free, slab_list) {
		list_del(&slab->slab_list);
		discard_slab(s, slab);
	}
	s->nr_free_slabs = 0;
}

/* See include/linux/slab.h. Takes s->lock. Linux: kmem_cache_shrink(). */
int kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	free_empty_slabs(s);
	spin_unlock_irqrestore(&s->lock, flags);
	return 0;
}

/* See mm/slab.h. Takes s->lock. Linux: mm/slub.c __kmem_cache_shutdown(). */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&s->lock, flags);
	if (s->active_objs)
		ret = -EBUSY;
	else
		free_empty_slabs(s);
	spin_unlock_irqrestore(&s->lock, flags);
	return ret;
}

/* Linux: mm/slub.c get_slabinfo(). */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	sinfo->active_objs = s->active_objs;
	sinfo->num_objs = s->nr_slabs * s->objects;
	sinfo->active_slabs = s->nr_slabs - s->nr_free_slabs;
	sinfo->num_slabs = s->nr_slabs;
	sinfo->objects_per_slab = s->objects;
	sinfo->cache_order = s->order;
	sinfo->objsize = s->size;
	spin_unlock_irqrestore(&s->lock, flags);
}
