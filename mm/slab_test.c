/* Tests for the slab allocator and kmalloc (mm/slab.c, mm/slab_common.c). */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

static unsigned long active_objs(struct kmem_cache *s)
{
	struct slabinfo si;

	get_slabinfo(s, &si);
	return si.active_objs;
}

/* A freed object is the next one handed out (LIFO freelist). */
static void slab_reuse_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-reuse", 40, 0, 0, NULL);
	void *a, *b, *c;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, a && b);
	KTEST_EXPECT_NE(test, a, b);
	KTEST_EXPECT_EQ(test, active_objs(s), 2);
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(test, active_objs(s), 1);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, c, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	KTEST_EXPECT_EQ(test, active_objs(s), 0);
	kmem_cache_destroy(s);
}

/* Every object honours the cache's alignment; kmalloc of a power of two is
 * aligned to it. */
static void slab_alignment_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-align", 24, 64, 0, NULL);
	void *objs[100];
	int misaligned = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	for (int i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		misaligned += !IS_ALIGNED((unsigned long)objs[i], 64);
	}
	KTEST_EXPECT_EQ(test, misaligned, 0);
	for (int i = 0; i < 100; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);

	for (size_t size = 8; size <= 4096; size *= 2) {
		void *p = kmalloc(size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, p);
		if (!KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, size)))
			printk("        # kmalloc(%lu) = %p\n", size, p);
		kfree(p);
	}
}

/* Enough objects for four slabs: the counts say so, no two objects
 * overlap, and freeing them all brings the counts back. */
static void slab_many_objects_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-many", 200, 0, 0, NULL);
	unsigned long free_before = nr_free_pages(), per_slab, n;
	struct slabinfo si;
	int corrupt = 0;
	u32 **objs;

	KTEST_ASSERT_NOT_NULL(test, s);
	get_slabinfo(s, &si);
	per_slab = si.objects_per_slab;
	KTEST_EXPECT_EQ(test, per_slab, PAGE_SIZE / 200);
	n = 3 * per_slab + 1;
	objs = kmalloc(n * sizeof(*objs), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, objs);

	for (unsigned long i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		for (int w = 0; w < 50; w++)	/* fill all 200 bytes */
			objs[i][w] = (u32)i;
	}
	for (unsigned long i = 0; i < n; i++)
		for (int w = 0; w < 50; w++)
			corrupt += objs[i][w] != (u32)i;
	KTEST_EXPECT_EQ(test, corrupt, 0);
	get_slabinfo(s, &si);
	KTEST_EXPECT_EQ(test, si.active_objs, n);
	KTEST_EXPECT_EQ(test, si.num_slabs, 4);
	KTEST_EXPECT_EQ(test, si.num_objs, 4 * per_slab);
	KTEST_EXPECT_EQ(test, si.active_slabs, 4);

	for (unsigned long i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	get_slabinfo(s, &si);
	KTEST_EXPECT_EQ(test, si.active_objs, 0);
	KTEST_EXPECT_EQ(test, si.active_slabs, 0);
	KTEST_EXPECT_EQ(test, si.num_slabs, 1);	/* one empty slab is kept */
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	KTEST_EXPECT_EQ(test, si.num_slabs, 0);
	kfree(objs);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* After drop_slab(), allocating and freeing kmalloc objects of every size
 * and dropping again leaves exactly as many free pages as before. */
static void slab_drop_slab_test(struct ktest *test)
{
	unsigned long free;
	void *objs[64];

	drop_slab();
	free = nr_free_pages();
	for (int i = 0; i < 64; i++) {
		objs[i] = kmalloc(64 * i + 1, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
	}
	KTEST_EXPECT_LT(test, nr_free_pages(), free);
	for (int i = 0; i < 64; i++)
		kfree(objs[i]);
	drop_slab();
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
}

/* Each size lands in the smallest class that holds it; the class's count
 * goes up by one and back down. */
static void slab_kmalloc_classes_test(struct ktest *test)
{
	static const struct { size_t size, class; } cases[] = {
		{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 17, 32 }, { 33, 64 }, { 65, 96 },
		{ 96, 96 }, { 97, 128 }, { 129, 192 }, { 193, 256 }, { 257, 512 },
		{ 513, 1024 }, { 1025, 2048 }, { 2049, 4096 }, { 4096, 4096 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *s = kmalloc_slab(cases[i].size);
		unsigned long before;
		void *p;

		KTEST_ASSERT_NOT_NULL(test, s);
		before = active_objs(s);
		p = kmalloc(cases[i].size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		memset(p, 0x5a, cases[i].size);
		KTEST_EXPECT_EQ(test, ksize(p), cases[i].class);
		KTEST_EXPECT_EQ(test, active_objs(s), before + 1);
		kfree(p);
		KTEST_EXPECT_EQ(test, active_objs(s), before);
	}
	KTEST_EXPECT_NULL(test, kmalloc_slab(4097));
	KTEST_EXPECT_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
}

/* Beyond 4 KiB, kmalloc takes whole pages: 10000 bytes is an order-2
 * block (16 KiB), page aligned, given back by kfree. */
static void slab_kmalloc_large_test(struct ktest *test)
{
	unsigned long free = nr_free_pages();
	char *p = kzalloc(10000, GFP_KERNEL);
	int nonzero = 0;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	KTEST_EXPECT_EQ(test, nr_free_pages(), free - 4);
	KTEST_EXPECT_EQ(test, ksize(p), 4 * PAGE_SIZE);
	for (int i = 0; i < 10000; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(test, nonzero, 0);
	kfree(p);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
}

static void ctor_fill(void *obj)
{
	memset(obj, 0xc5, 48);
}

/* A constructed object keeps its constructed state while free: the free
 * pointer must live outside it. */
static void slab_ctor_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-ctor", 48, 0, 0, ctor_fill);
	unsigned char *a, *b;
	int wrong = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, a && b);
	kmem_cache_free(s, a);		/* a is now free, b's neighbour */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	for (int i = 0; i < 48; i++)
		wrong += (a[i] != 0xc5) + (b[i] != 0xc5);
	KTEST_EXPECT_EQ(test, wrong, 0);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* Bad frees are reported and ignored: the counts do not move and the
 * freelist is not corrupted (two allocations give two objects). */
static void slab_bad_free_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-bad", 64, 0, 0, NULL);
	struct kmem_cache *other = kmem_cache_create("ktest-other", 64, 0, 0, NULL);
	char *a, *b, *x, *y;
	int stack_var;

	KTEST_ASSERT_TRUE(test, s && other);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, a && b);
	printk("        # slab_bad_free_test: five 'BUG' reports follow, as they should\n");
	kmem_cache_free(s, a + 8);		/* the middle of an object */
	kmem_cache_free(other, a);		/* the wrong cache */
	kfree(&stack_var);			/* not from kmalloc at all */
	KTEST_EXPECT_EQ(test, active_objs(s), 2);
	memset(a, 0, 64);	/* a zeroed object looks "maybe free": the slow check runs */
	kmem_cache_free(s, a);
	kmem_cache_free(s, a);			/* double free */
	kfree(a);				/* and again, through kfree */
	KTEST_EXPECT_EQ(test, active_objs(s), 1);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_NE(test, x, y);
	KTEST_EXPECT_EQ(test, active_objs(s), 3);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	kmem_cache_destroy(other);
}

/* A cache with live objects is not destroyed. */
static void slab_destroy_busy_test(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("ktest-busy", 32, 0, 0, NULL);
	void *obj;

	KTEST_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	printk("        # slab_destroy_busy_test: a 'still has objects' report follows\n");
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, active_objs(s), 1);	/* still there and usable */
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
}

KTEST_SUITE(slab, KTEST_CASE(slab_reuse_test), KTEST_CASE(slab_alignment_test),
	    KTEST_CASE(slab_many_objects_test), KTEST_CASE(slab_kmalloc_classes_test), KTEST_CASE(slab_drop_slab_test),
	    KTEST_CASE(slab_kmalloc_large_test), KTEST_CASE(slab_ctor_test),
	    KTEST_CASE(slab_bad_free_test), KTEST_CASE(slab_destroy_busy_test));
