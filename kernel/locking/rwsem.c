/*
 * Read-write semaphores (include/linux/rwsem.h). One spinlock guards the
 * counts; sleepers wait on a wait queue and recheck when woken.
 * Linux: kernel/locking/rwsem.c, without its lock-free fast paths,
 * optimistic spinning and lock hand-off.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

/* An unlocked semaphore, of the lock class `key` (init_rwsem() gives one
 * per call site). Linux: __init_rwsem(). */
void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	spin_lock_init(&sem->lock);
	sem->count = 0;
	sem->writers_waiting = 0;
	init_waitqueue_head(&sem->wait);
	lockdep_init_map(&sem->dep_map, name, key);
}

/* Readers get in while no writer holds the lock or waits for it. */
static bool __down_read_trylock(struct rw_semaphore *sem)
{
	bool taken = false;

	spin_lock(&sem->lock);
	if (sem->count >= 0 && !sem->writers_waiting) {
		sem->count++;
		taken = true;
	}
	spin_unlock(&sem->lock);
	return taken;
}

/* A writer gets in when nobody holds the lock. A waiting writer (waiting
 * set) stops counting itself as waiting once it has the lock. */
static bool __down_write_trylock(struct rw_semaphore *sem, bool waiting)
{
	bool taken = false;

	spin_lock(&sem->lock);
	if (sem->count == 0) {
		sem->count = -1;
		if (waiting)
			sem->writers_waiting--;
		taken = true;
	}
	spin_unlock(&sem->lock);
	return taken;
}

/* Linux: down_read_trylock(). Never sleeps. */
bool down_read_trylock(struct rw_semaphore *sem)
{
	if (!__down_read_trylock(sem))
		return false;
	lock_acquire(&sem->dep_map, 0, 1, _RET_IP_);
	return true;
}

/* Linux: down_read(). May sleep. */
void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	lock_acquire(&sem->dep_map, 0, 0, _RET_IP_);
	wait_event(sem->wait, __down_read_trylock(sem));
}

/* Linux: up_read(). The last reader lets a waiting writer in. */
void up_read(struct rw_semaphore *sem)
{
	bool last;

	lock_release(&sem->dep_map, _RET_IP_);
	spin_lock(&sem->lock);
	WARN_ON(sem->count <= 0);
	last = --sem->count == 0;
	spin_unlock(&sem->lock);
	if (last)
		wake_up(&sem->wait);
}

/* Linux: down_write_trylock(). Never sleeps. */
bool down_write_trylock(struct rw_semaphore *sem)
{
	if (!__down_write_trylock(sem, false))
		return false;
	lock_acquire(&sem->dep_map, 0, 1, _RET_IP_);
	return true;
}

/* Linux: down_write(). May sleep. Announces itself first, so that readers
 * arriving meanwhile wait behind it instead of starving it. */
void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	lock_acquire(&sem->dep_map, 0, 0, _RET_IP_);
	if (__down_write_trylock(sem, false))
		return;
	spin_lock(&sem->lock);
	sem->writers_waiting++;
	spin_unlock(&sem->lock);
	wait_event(sem->wait, __down_write_trylock(sem, true));
}

/* Linux: up_write(). Wakes everyone: readers and writers recheck. */
void up_write(struct rw_semaphore *sem)
{
	lock_release(&sem->dep_map, _RET_IP_);
	spin_lock(&sem->lock);
	WARN_ON(sem->count != -1);
	sem->count = 0;
	spin_unlock(&sem->lock);
	wake_up(&sem->wait);
}

/* Linux: downgrade_write(). Lockdep sees no change: it does not tell
 * read holds from write holds. */
void downgrade_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->lock);
	WARN_ON(sem->count != -1);
	sem->count = 1;
	spin_unlock(&sem->lock);
	wake_up(&sem->wait);	/* other readers may come in with us */
}
