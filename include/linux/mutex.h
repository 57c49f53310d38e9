/*
 * Mutexes: sleeping locks. A task that finds the mutex taken sleeps on its
 * wait queue instead of spinning, so the holder may itself sleep (wait for
 * input, fault in a user page, allocate) while holding it, which a spinlock
 * holder must never do. Only tasks take mutexes: never an interrupt handler.
 *
 *	mutex_lock(&m);  ...  mutex_unlock(&m);
 *
 * Linux: include/linux/mutex.h, kernel/locking/mutex.c, which add optimistic
 * spinning and handoff to the first waiter; this is the plain core:
 * an owner word taken by compare-and-swap, and a wait queue (and, in a
 * `make LOCKDEP=1` kernel, lockdep's checks: linux/lockdep.h).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/sched.h>
#include <linux/wait.h>

struct mutex {
	struct task_struct *owner;	/* who holds it; NULL when free */
	struct wait_queue_head wait;	/* tasks sleeping until it is free */
	struct lockdep_map dep_map;	/* empty without CONFIG_LOCKDEP */
};

#define __MUTEX_INITIALIZER(name) \
	{ NULL, __WAIT_QUEUE_HEAD_INITIALIZER((name).wait), STATIC_LOCKDEP_MAP_INIT(#name) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

static inline void __mutex_init(struct mutex *lock, const char *name,
				struct lock_class_key *key)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
	lockdep_init_map(&lock->dep_map, name, key);
}

/* Each call site is a lock class of its own (linux/lockdep.h). */
#define mutex_init(lock)                                 \
	do {                                             \
		static struct lock_class_key __key;      \
		__mutex_init((lock), #lock, &__key);     \
	} while (0)

static inline bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *free = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &free, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Take the mutex if it is free; true if we got it. Never sleeps. */
static inline bool mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock))
		return false;
	lock_acquire(&lock->dep_map, 0, 1, _THIS_IP_);
	return true;
}

/* Take the mutex, sleeping (uninterruptibly) until it is free. Lockdep
 * checks the order before the task can block on it. */
static inline void mutex_lock(struct mutex *lock)
{
	might_sleep();
	lock_acquire(&lock->dep_map, 0, 0, _THIS_IP_);
	wait_event(lock->wait, __mutex_trylock(lock));
}

/* Release it (the caller must hold it) and wake one sleeper to retry. */
static inline void mutex_unlock(struct mutex *lock)
{
	WARN_ON(READ_ONCE(lock->owner) != current);
	lock_release(&lock->dep_map, _THIS_IP_);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	wake_up_one(&lock->wait);
}

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif
