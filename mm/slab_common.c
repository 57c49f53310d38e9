/*
 * What every slab allocator shares: creating and destroying caches, the
 * list of caches, kmalloc()'s size classes, and the slabinfo table.
 * Linux: mm/slab_common.c.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/stacktrace.h>
#include "internal.h"
#include "slab.h"

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_lock);	/* Linux: slab_mutex */

/* The cache of caches must exist before any cache can be allocated. */
static struct kmem_cache kmem_cache_boot;
struct kmem_cache *kmem_cache;

static bool slab_up;

/* Linux: mm/slab_common.c kmem_cache_create(). */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	unsigned long irqflags;

	if (slab_up)
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (s && __kmem_cache_create(s, name, size, align, flags, ctor)) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
	}
	if (!s) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: failed to create slab '%s'", name);
		pr_warn("kmem_cache_create(%s) failed\n", name);
		return NULL;
	}
	spin_lock_irqsave(&slab_lock, irqflags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_lock, irqflags);
	return s;
}

/* Linux: mm/slab_common.c kmem_cache_destroy(). */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long irqflags;

	if (!s)
		return;
	if (__kmem_cache_shutdown(s)) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n", s->name);
		dump_stack();
		return;
	}
	spin_lock_irqsave(&slab_lock, irqflags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_lock, irqflags);
	kmem_cache_free(kmem_cache, s);
}

/*
 * Give every cache's empty slabs back to the page allocator, so that
 * nr_free_pages() before and after a test can be compared exactly.
 * Takes slab_lock, then each cache's lock. Linux: mm/vmscan.c drop_slab()
 * ("echo 2 > /proc/sys/vm/drop_caches"), which reaches the slab caches
 * through shrinkers instead.
 */
void drop_slab(void)
{
	struct kmem_cache *s;
	unsigned long irqflags;

	spin_lock_irqsave(&slab_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock_irqrestore(&slab_lock, irqflags);
}

/* The kmalloc size classes, as Linux's (96 and 192 fill the gaps where
 * rounding up to a power of two would waste the most). */
static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096,
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96", "kmalloc-128",
	"kmalloc-192", "kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];

/* The smallest class that holds size. Linux: kmalloc_slab(), kmalloc_index(). */
struct kmem_cache *kmalloc_slab(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return kmalloc_caches[i];
	return NULL;
}

/* Beyond the biggest class: a compound page, which records its order for
 * kfree(). Linux: mm/slub.c __kmalloc_large_node(). */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	page = alloc_pages(gfp | __GFP_COMP, order);
	return page ? page_address(page) : NULL;
}

/* Linux: include/linux/slab.h kmalloc() -> __kmalloc(). */
void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return kmem_cache_alloc(kmalloc_slab(size), gfp);
}

/* Linux: mm/slub.c kfree(): the page says whether it is a slab or a
 * large allocation. */
void kfree(const void *object)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(object))
		return;
	if (!virt_addr_valid(object)) {
		pr_err("BUG: kfree(%p): not a kernel address; not freed\n", object);
		dump_stack();
		return;
	}
	page = virt_to_head_page(object);
	if (PageSlab(page)) {
		kmem_cache_free(page->slab_cache, (void *)object);
	} else if (PageHead(page) && object == page_address(page)) {
		__free_pages(page, compound_order(page));
	} else {
		pr_err("BUG: kfree(%p): not from kmalloc; not freed\n", object);
		dump_stack();
	}
}

/* Linux: mm/slab_common.c ksize() (__ksize()). */
size_t ksize(const void *object)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(object) || !virt_addr_valid(object))
		return 0;
	page = virt_to_head_page(object);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
}

/* Linux: mm/slub.c kmem_cache_init() and create_kmalloc_caches(). */
void __init kmem_cache_init(void)
{
	if (__kmem_cache_create(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache), 0,
				SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot set up the cache of caches");
	list_add_tail(&kmem_cache_boot.list, &slab_caches);
	kmem_cache = &kmem_cache_boot;
	slab_up = true;

	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], kmalloc_sizes[i], 0,
						      SLAB_PANIC, NULL);
}

/* Linux: mm/slab_common.c slab_show() / cache_show(): the /proc/slabinfo
 * 2.1 layout (the tunables and shared columns are always 0 here). */
void slabinfo_show(void)
{
	struct kmem_cache *s;
	unsigned long irqflags;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> "
	       "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
	       "<active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock_irqsave(&slab_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo si;

		get_slabinfo(s, &si);
		printk("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
		       s->name, si.active_objs, si.num_objs, si.objsize, si.objects_per_slab,
		       1 << si.cache_order, 0, 0, 0, si.active_slabs, si.num_slabs, 0UL);
	}
	spin_unlock_irqrestore(&slab_lock, irqflags);
}

/* The objects handed out by every cache: the sum of /proc/slabinfo's
 * active_objs column (leak checks). */
unsigned long slab_active_objects(void)
{
	struct kmem_cache *s;
	unsigned long irqflags, n = 0;

	spin_lock_irqsave(&slab_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo si;

		get_slabinfo(s, &si);
		n += si.active_objs;
	}
	spin_unlock_irqrestore(&slab_lock, irqflags);
	return n;
}
