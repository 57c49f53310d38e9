/*
 * Shared anonymous memory (mmap MAP_SHARED | MAP_ANONYMOUS). Its pages must
 * be the same for every process that maps it, also pages first touched
 * after a fork, so they cannot live only in page tables: a shmem_object
 * holds them, and each area mapping it (vma->vm_shmem, from vm_pgoff on)
 * finds them there at fault time. Linux backs such mappings with a file on
 * an internal tmpfs (mm/shmem.c shmem_zero_setup()); this is the smallest
 * object that behaves the same for anonymous memory.
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/mm_types.h>

/* Make vma (MAP_SHARED, anonymous) the first user of a new object as big as
 * the area. 0 or -ENOMEM. Linux: shmem_zero_setup(). */
int shmem_zero_setup(struct vm_area_struct *vma);

/* Another area uses obj (split, fork). */
void shmem_object_get(struct shmem_object *obj);
/* An area stops using obj; the last one frees its pages. */
void shmem_object_put(struct shmem_object *obj);

/* Page pgoff of obj, allocated zeroed on first use; NULL if out of memory
 * or beyond its end. The reference is the object's: take one with
 * get_page() to map it. Linux: shmem_get_folio(). */
struct page *shmem_get_page(struct shmem_object *obj, unsigned long pgoff);

/* obj's number, unique for the life of the system (futex keys). */
u64 shmem_object_seq(struct shmem_object *obj);

/* Pages obj holds now (tests). */
unsigned long shmem_object_nr_resident(struct shmem_object *obj);

#endif
