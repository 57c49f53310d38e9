/*
 * Spinlocks: a ticket lock (first come, first served). SMP-safe from the
 * start, as design.md asks, even while one CPU runs.
 *
 * Holding a spinlock disables preemption: the holder is never switched out
 * (another task on this CPU could then spin on the lock forever).
 * spin_lock_irqsave() also turns interrupts off on this CPU, and must be
 * used for any lock an interrupt handler may take, for the same reason.
 * docs/locking.md lists the kernel's locks and the order they nest in.
 *
 * Two layers, as in Linux: arch_spinlock_t is the bare ticket lock (only
 * lockdep itself uses it directly, for its own tables); spinlock_t adds the
 * lockdep map, so that in a `make LOCKDEP=1` kernel every spin_lock() is
 * checked (linux/lockdep.h) before it starts spinning.
 * Linux: include/linux/spinlock.h, spinlock_types.h, asm/qspinlock.h.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/lockdep.h>
#include <asm/irqflags.h>
#include <linux/preempt.h>

typedef struct {
	volatile u16 next;	/* the ticket the next locker takes */
	volatile u16 owner;	/* the ticket being served */
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0, 0 }

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
}

typedef struct {
	arch_spinlock_t raw;
	struct lockdep_map dep_map;	/* empty without CONFIG_LOCKDEP */
} spinlock_t;

/* For a lock defined statically: `name` is what lockdep reports call it. */
#define __SPIN_LOCK_UNLOCKED(name) \
	{ __ARCH_SPIN_LOCK_UNLOCKED, STATIC_LOCKDEP_MAP_INIT(#name) }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    struct lock_class_key *key)
{
	lock->raw.next = lock->raw.owner = 0;
	lockdep_init_map(&lock->dep_map, name, key);
}

/* Each call site is a lock class of its own, named after the expression.
 * Linux: spin_lock_init(). */
#define spin_lock_init(lock)                                 \
	do {                                                 \
		static struct lock_class_key __key;          \
		__spin_lock_init((lock), #lock, &__key);     \
	} while (0)

/* Take a second lock of a class this task already holds, on purpose:
 * subclass (1 .. MAX_LOCKDEP_SUBCLASSES - 1) tells lockdep it is nested,
 * so it checks the order as for a class of its own. Linux: spin_lock_nested(). */
static inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable();
	lock_acquire(&lock->dep_map, subclass, 0, _THIS_IP_);
	arch_spin_lock(&lock->raw);
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	lock_acquire(&lock->dep_map, 0, 0, _THIS_IP_);
	arch_spin_lock(&lock->raw);
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock_release(&lock->dep_map, _THIS_IP_);
	arch_spin_unlock(&lock->raw);
	preempt_enable();
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return lock->raw.next != lock->raw.owner;
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
