/*
 * Shared anonymous memory: the object that holds the pages of a
 * MAP_SHARED | MAP_ANONYMOUS mapping (include/linux/shmem_fs.h).
 * Linux: mm/shmem.c, where such a mapping is a file on an internal tmpfs
 * and its pages live in the file's page cache.
 *
 * The pages are found through a two-level table, like a small page table:
 * dir[i] is a page of PTRS_PER_CHUNK page pointers, allocated when the
 * first page in its range is touched, so a large sparse mapping costs one
 * pointer per 2 MiB until used.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define PTRS_PER_CHUNK (PAGE_SIZE / sizeof(struct page *))

struct shmem_object {
	atomic_t refcount;	/* areas (VMAs) using it */
	spinlock_t lock;	/* guards dir and the chunks */
	unsigned long nr_pages;	/* its size */
	unsigned long nr_chunks;
	struct page ***dir;	/* nr_chunks pointers to chunks (or NULL) */
	u64 seq;	/* never reused: names the object in futex keys */
};

static u64 shmem_last_seq;	/* the last seq handed out (atomic) */

/* Linux: shmem_zero_setup() -> shmem_kernel_file_setup(). */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	obj->nr_pages = vma_pages(vma);
	obj->nr_chunks = DIV_ROUND_UP(obj->nr_pages, PTRS_PER_CHUNK);
	obj->dir = kcalloc(obj->nr_chunks, sizeof(*obj->dir), GFP_KERNEL);
	if (!obj->dir) {
		kfree(obj);
		return -ENOMEM;
	}
	atomic_set(&obj->refcount, 1);
	spin_lock_init(&obj->lock);
	obj->seq = __atomic_add_fetch(&shmem_last_seq, 1, __ATOMIC_RELAXED);
	vma->vm_shmem = obj;
	vma->vm_pgoff = 0;
	return 0;
}

/* Another area uses obj (a split, or fork's copy of the area). */
void shmem_object_get(struct shmem_object *obj)
{
	atomic_inc(&obj->refcount);
}

/* The last area is gone: drop the object's reference on every page (pages
 * still mapped somewhere stay until their ptes go) and free the table. */
void shmem_object_put(struct shmem_object *obj)
{
	if (!atomic_dec_and_test(&obj->refcount))
		return;
	for (unsigned long i = 0; i < obj->nr_chunks; i++) {
		struct page **chunk = obj->dir[i];

		if (!chunk)
			continue;
		for (unsigned long j = 0; j < PTRS_PER_CHUNK; j++)
			if (chunk[j])
				put_page(chunk[j]);
		free_page((unsigned long)chunk);
	}
	kfree(obj->dir);
	kfree(obj);
}

/* Linux: shmem_get_folio(..., SGP_CACHE): find or allocate. */
struct page *shmem_get_page(struct shmem_object *obj, unsigned long pgoff)
{
	struct page **chunk, *page = NULL;

	if (pgoff >= obj->nr_pages)
		return NULL;
	spin_lock(&obj->lock);
	chunk = obj->dir[pgoff / PTRS_PER_CHUNK];
	if (!chunk) {
		chunk = (struct page **)get_zeroed_page(GFP_KERNEL);
		if (!chunk)
			goto out;
		obj->dir[pgoff / PTRS_PER_CHUNK] = chunk;
	}
	page = chunk[pgoff % PTRS_PER_CHUNK];
	if (!page) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		chunk[pgoff % PTRS_PER_CHUNK] = page;	/* its first reference is ours */
	}
out:
	spin_unlock(&obj->lock);
	return page;
}

/* How many of obj's pages exist (tests). obj->lock. */
unsigned long shmem_object_nr_resident(struct shmem_object *obj)
{
	unsigned long n = 0;

	spin_lock(&obj->lock);
	for (unsigned long i = 0; i < obj->nr_chunks; i++)
		for (unsigned long j = 0; obj->dir[i] && j < PTRS_PER_CHUNK; j++)
			n += obj->dir[i][j] != NULL;
	spin_unlock(&obj->lock);
	return n;
}

/* Linux: fs/inode.c get_inode_sequence_number(). A number no other object
 * ever has, so a futex key can name obj without holding a reference. */
u64 shmem_object_seq(struct shmem_object *obj)
{
	return obj->seq;
}
