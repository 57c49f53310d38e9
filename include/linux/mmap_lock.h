/*
 * mm->mmap_lock: the lock on an address space's VMA list and mm fields.
 *
 *   read  (mmap_read_lock):  page faults, access_remote_vm: they read the
 *         VMA list and fill in page-table entries (under page_table_lock,
 *         since faults of two threads may run side by side);
 *   write (mmap_write_lock): mmap, munmap, mprotect, brk, stack growth,
 *         fork's dup_mmap (on the parent), exit_mmap: they change VMAs.
 *
 * It is a sleeping lock: never held by code that touches user memory
 * through copy_to_user() and friends (the fault they may cause takes it).
 * Linux: include/linux/mmap_lock.h.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON(!rwsem_is_locked(&mm->mmap_lock));
}

#endif
