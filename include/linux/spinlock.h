/*
 * Spinlocks: a ticket lock (first come, first served). SMP-safe from the
 * start, as design.md asks, even while one CPU runs.
 *
 * Holding a spinlock disables preemption: the holder is never switched out
 * (another task on this CPU could then spin on the lock forever).
 * spin_lock_irqsave() also turns interrupts off on this CPU, and must be
 * used for any lock an interrupt handler may take, for the same reason.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <asm/irqflags.h>
#include <linux/preempt.h>

typedef struct {
	volatile u16 next;	/* the ticket the next locker takes */
	volatile u16 owner;	/* the ticket being served */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED { 0, 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->next = lock->owner = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
	preempt_enable();
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return lock->next != lock->owner;
}

#define spin_lock_irqsave(lock, flags)        \
	do {                                  \
		local_irq_save(flags);        \
		spin_lock(lock);              \
	} while (0)
#define spin_unlock_irqrestore(lock, flags)   \
	do {                                  \
		spin_unlock(lock);            \
		local_irq_restore(flags);     \
	} while (0)

#endif
