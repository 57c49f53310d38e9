/*
 * Read-write semaphores: a sleeping lock that many readers may hold at
 * once, or one writer alone. mm->mmap_lock is one: page faults read the
 * VMA list (and may run side by side), mmap/munmap/mprotect/brk change it.
 *
 * A task that cannot take the lock sleeps; so never take one while holding
 * a spinlock or with interrupts off (use the trylock forms there). A waiting
 * writer holds new readers back, so a stream of faults cannot starve mmap.
 * Lockdep (linux/lockdep.h) treats a read hold like a write hold: stricter
 * than Linux, which lets readers nest, but here too a waiting writer would
 * block the second reader, so read-side inversions are real deadlocks.
 * Linux: include/linux/rwsem.h, kernel/locking/rwsem.c (whose fast paths,
 * optimistic spinning and hand-off are left out: one spinlock guards all).
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/spinlock.h>
#include <linux/wait.h>

struct rw_semaphore {
	spinlock_t lock;		/* guards the two counts */
	long count;			/* > 0: readers holding it; -1: a writer; 0: free */
	unsigned int writers_waiting;	/* writers asleep on wait: readers hold back */
	struct wait_queue_head wait;	/* sleepers of both kinds; all recheck on wake-up */
	struct lockdep_map dep_map;	/* empty without CONFIG_LOCKDEP */
};

#define __RWSEM_INITIALIZER(name)                                                  \
	{ __SPIN_LOCK_UNLOCKED((name).lock), 0, 0, __WAIT_QUEUE_HEAD_INITIALIZER((name).wait), \
	  STATIC_LOCKDEP_MAP_INIT(#name) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
/* Each call site is a lock class of its own (linux/lockdep.h). */
#define init_rwsem(sem)                                  \
	do {                                             \
		static struct lock_class_key __key;      \
		__init_rwsem((sem), #sem, &__key);       \
	} while (0)
void down_read(struct rw_semaphore *sem);
bool down_read_trylock(struct rw_semaphore *sem);	/* true if taken */
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
bool down_write_trylock(struct rw_semaphore *sem);	/* true if taken */
void up_write(struct rw_semaphore *sem);
/* Turn the write lock the caller holds into a read lock, letting other
 * readers in, without a moment where the lock is free. */
void downgrade_write(struct rw_semaphore *sem);

/* Held by someone (for assertions: says nothing about who). */
static inline bool rwsem_is_locked(const struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

#endif
