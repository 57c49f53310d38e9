/*
 * Lock debugging ("lockdep"): checks, while the kernel runs, that its locks
 * are taken in one consistent order, so a deadlock that has not happened yet
 * is reported the first time the two orders are each seen, not the day two
 * CPUs meet in them. Built in with `make LOCKDEP=1` (-DCONFIG_LOCKDEP); in
 * a normal build every hook below is an empty inline and the maps are empty
 * structs, so the locks cost nothing extra. docs/locking.md explains the
 * kernel's lock order and how to read a report.
 *
 * Every lock belongs to a class: the place its lock was initialised
 * (spin_lock_init(), mutex_init(), init_rwsem() each hide a static key per
 * call site) or, for a lock defined statically (DEFINE_SPINLOCK()), the
 * lock itself. All the page-table locks of all mms are one class, named
 * "&mm->page_table_lock". Rules are proved between classes, so one run that
 * takes A then B, and another that takes B then A, on any instances, show
 * the inversion.
 *
 * Linux: include/linux/lockdep.h, kernel/locking/lockdep.c,
 * Documentation/locking/lockdep-design.rst.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>
#include <asm/instruction_pointer.h>	/* _THIS_IP_, _RET_IP_: where a lock is taken */

struct task_struct;

/* One per place locks are initialised: its address is the class's identity.
 * (Not empty: each key must have an address of its own.) */
struct lock_class_key {
	char dummy;
};

/* Nesting annotations for spin_lock_nested() and friends: the second lock of
 * a class taken on purpose while holding the first (e.g. two runqueues,
 * always in address order). Each subclass is a class of its own. */
#define SINGLE_DEPTH_NESTING	1
#define MAX_LOCKDEP_SUBCLASSES	4

#ifdef CONFIG_LOCKDEP

/* What lockdep keeps in each lock. */
struct lockdep_map {
	struct lock_class_key *key;	/* NULL: a static lock, keyed by this map's own address */
	const char *name;		/* the lock expression: "&mm->page_table_lock" */
	struct lock_class *class_cache;	/* its class for subclass 0, once looked up */
};

/* A lock the task holds, on its held_locks stack. Linux: struct held_lock. */
struct held_lock {
	unsigned long acquire_ip;	/* where it was taken */
	struct lockdep_map *instance;	/* which lock */
	unsigned short class_idx;	/* its class: lock_classes[class_idx] */
	unsigned char trylock;		/* taken by a trylock: it never waited */
	unsigned char hardirq;		/* taken in an interrupt handler */
};

#define MAX_LOCK_DEPTH 16	/* locks one task may hold at once */

#define STATIC_LOCKDEP_MAP_INIT(_name) { .name = (_name) }

void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key);
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
bool lock_is_held(const struct lockdep_map *lock);
void lockdep_init_task(struct task_struct *p);
void __might_sleep(const char *file, int line);
void lockdep_print_held_locks(struct task_struct *p);
void lockdep_info(void);
void lockdep_print_dependencies(const char *prefix);

/* How many reports of each kind lockdep has printed (the tests read them). */
struct lockdep_stats {
	unsigned int circular;		/* possible circular locking dependency */
	unsigned int recursive;		/* possible recursive locking */
	unsigned int bad_unlock;	/* unlock of a lock not held */
	unsigned int inconsistent;	/* a class taken in hardirq and with irqs on */
	unsigned int sleep_atomic;	/* might_sleep() in atomic context */
	unsigned long hardirq_acquires;	/* locks taken in interrupt handlers */
	unsigned int classes;		/* lock classes registered */
	unsigned int dependencies;	/* edges A -> B in the graph */
};
extern struct lockdep_stats lockdep_stats;
extern bool debug_locks;	/* false once lockdep gave up (a table full) */

#define lockdep_assert_held(l)	WARN_ON(debug_locks && !lock_is_held(&(l)->dep_map))
#define might_sleep()		__might_sleep(__FILE__, __LINE__)

#else /* !CONFIG_LOCKDEP */

struct lockdep_map {
};
#define STATIC_LOCKDEP_MAP_INIT(_name) { }

static inline void lockdep_init_map(struct lockdep_map *lock, const char *name,
				    struct lock_class_key *key)
{
}
static inline void lock_acquire(struct lockdep_map *lock, unsigned int subclass,
				int trylock, unsigned long ip)
{
}
static inline void lock_release(struct lockdep_map *lock, unsigned long ip)
{
}
static inline void lockdep_init_task(struct task_struct *p)
{
}
static inline void lockdep_info(void)
{
}
#define lockdep_assert_held(l)	do { (void)(l); } while (0)
#define might_sleep()		do { } while (0)

#endif /* CONFIG_LOCKDEP */

#endif
