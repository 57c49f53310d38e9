/*
 * Tests for the lock debugging mode (kernel/locking/lockdep.c); built only
 * in a `make LOCKDEP=1` kernel. Each test provokes one kind of report on
 * locks of its own, then checks lockdep's counter and the report's text.
 *
 * The deliberate reports go to the kernel log only (console_loglevel 0
 * while they are made): the console stays free of lockdep's WARNINGs, so
 * the boot's `reject WARNING` (tests/boot.list) still means a real problem
 * in the rest of the kernel. dmesg-style, the text is read from log_buf.
 * No test really deadlocks: lockdep checks before the lock spins, so a
 * recursion is made by calling the check alone (lock_acquire()) on a lock
 * already held.
 */
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/string.h>

extern char log_buf[];
extern unsigned long log_next;
#define LOG_BUF_LEN (64 * 1024)	/* as kernel/printk.c */

static int saved_loglevel;

/* Reports from here on reach the log only; returns where the log is now. */
static unsigned long quiet_begin(void)
{
	saved_loglevel = console_loglevel;
	console_loglevel = 0;
	return READ_ONCE(log_next);
}

static void quiet_end(void)
{
	console_loglevel = saved_loglevel;
}

/* Was text printed to the log since position `from`? */
static bool log_has(unsigned long from, const char *text)
{
	unsigned long end = READ_ONCE(log_next), len = strlen(text);

	if (end - from > LOG_BUF_LEN)
		from = end - LOG_BUF_LEN;
	for (unsigned long i = from; i + len <= end; i++) {
		unsigned long j = 0;

		while (j < len && log_buf[(i + j) % LOG_BUF_LEN] == text[j])
			j++;
		if (j == len)
			return true;
	}
	return false;
}

#define EXPECT_LOG(test, from, text) \
	KTEST_EXPECT_TRUE(test, log_has(from, text))

static DEFINE_SPINLOCK(lockdep_test_a);
static DEFINE_SPINLOCK(lockdep_test_b);

/* Lockdep is on, and follows what the task holds. */
static void lockdep_tracks_held_locks_test(struct ktest *test)
{
	int depth = current->lockdep_depth;

	KTEST_ASSERT_TRUE(test, debug_locks);
	spin_lock(&lockdep_test_a);
	KTEST_EXPECT_EQ(test, current->lockdep_depth, depth + 1);
	KTEST_EXPECT_TRUE(test, lock_is_held(&lockdep_test_a.dep_map));
	KTEST_EXPECT_FALSE(test, lock_is_held(&lockdep_test_b.dep_map));
	spin_unlock(&lockdep_test_a);
	KTEST_EXPECT_EQ(test, current->lockdep_depth, depth);
	KTEST_EXPECT_FALSE(test, lock_is_held(&lockdep_test_a.dep_map));
}

/* A then B, later B then A: the second order is reported, once. */
static void lockdep_abba_reported_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.circular;
	unsigned long log = quiet_begin();

	spin_lock(&lockdep_test_a);
	spin_lock(&lockdep_test_b);	/* records a -> b */
	spin_unlock(&lockdep_test_b);
	spin_unlock(&lockdep_test_a);
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before);

	spin_lock(&lockdep_test_b);
	spin_lock(&lockdep_test_a);	/* b -> a closes the cycle */
	spin_unlock(&lockdep_test_a);
	spin_unlock(&lockdep_test_b);
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before + 1);

	spin_lock(&lockdep_test_b);	/* the same inversion again: no new report */
	spin_lock(&lockdep_test_a);
	spin_unlock(&lockdep_test_a);
	spin_unlock(&lockdep_test_b);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before + 1);
	EXPECT_LOG(test, log, "WARNING: possible circular locking dependency detected");
	EXPECT_LOG(test, log, "is trying to acquire lock:\n");
	EXPECT_LOG(test, log, " (lockdep_test_a), at: lockdep_abba_reported_test+");
	EXPECT_LOG(test, log, "but task is already holding lock:\n");
	EXPECT_LOG(test, log, " (lockdep_test_b), at: lockdep_abba_reported_test+");
	EXPECT_LOG(test, log, "-> #1 (lockdep_test_b):");
	EXPECT_LOG(test, log, "while holding (lockdep_test_a), taken at lockdep_abba_reported_test+");
	EXPECT_LOG(test, log, "*** DEADLOCK ***");
	EXPECT_LOG(test, log, "stack backtrace:");
}

static DEFINE_MUTEX(lockdep_test_m1);
static DEFINE_MUTEX(lockdep_test_m2);
static DEFINE_MUTEX(lockdep_test_m3);

/* A longer cycle, through sleeping locks: m1 -> m2, m2 -> m3, then m3 -> m1. */
static void lockdep_chain_reported_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.circular;
	unsigned long log = quiet_begin();

	mutex_lock(&lockdep_test_m1);
	mutex_lock(&lockdep_test_m2);
	mutex_unlock(&lockdep_test_m2);
	mutex_unlock(&lockdep_test_m1);
	mutex_lock(&lockdep_test_m2);
	mutex_lock(&lockdep_test_m3);
	mutex_unlock(&lockdep_test_m3);
	mutex_unlock(&lockdep_test_m2);
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before);
	mutex_lock(&lockdep_test_m3);
	mutex_lock(&lockdep_test_m1);
	mutex_unlock(&lockdep_test_m1);
	mutex_unlock(&lockdep_test_m3);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before + 1);
	EXPECT_LOG(test, log, "-> #2 (lockdep_test_m3):");
	EXPECT_LOG(test, log, "-> #1 (lockdep_test_m2):");
	EXPECT_LOG(test, log, "Chain exists of:\n");
	EXPECT_LOG(test, log, "lockdep_test_m1 --> lockdep_test_m2 --> lockdep_test_m3");
}

static DEFINE_SPINLOCK(lockdep_test_c);
static DEFINE_SPINLOCK(lockdep_test_d);

/* A trylock never waits, so holding d and trying c adds no order d -> c. */
static void lockdep_trylock_adds_no_order_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.circular;
	unsigned int deps = lockdep_stats.dependencies;

	spin_lock(&lockdep_test_c);
	spin_lock(&lockdep_test_d);	/* c -> d */
	spin_unlock(&lockdep_test_d);
	spin_unlock(&lockdep_test_c);
	KTEST_EXPECT_EQ(test, lockdep_stats.dependencies, deps + 1);
	spin_lock(&lockdep_test_d);
	lock_acquire(&lockdep_test_c.dep_map, 0, 1, _THIS_IP_);	/* as a trylock would */
	lock_release(&lockdep_test_c.dep_map, _THIS_IP_);
	spin_unlock(&lockdep_test_d);
	KTEST_EXPECT_EQ(test, lockdep_stats.circular, before);
	KTEST_EXPECT_EQ(test, lockdep_stats.dependencies, deps + 1);
}

static DEFINE_SPINLOCK(lockdep_test_self);

/* Taking a lock this task holds: lockdep says so before the CPU would spin. */
static void lockdep_recursion_reported_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.recursive;
	unsigned long log = quiet_begin();

	spin_lock(&lockdep_test_self);
	lock_acquire(&lockdep_test_self.dep_map, 0, 0, _THIS_IP_);	/* the check, no spinning */
	lock_release(&lockdep_test_self.dep_map, _THIS_IP_);
	spin_unlock(&lockdep_test_self);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.recursive, before + 1);
	EXPECT_LOG(test, log, "WARNING: possible recursive locking detected");
	EXPECT_LOG(test, log, " (lockdep_test_self), at: lockdep_recursion_reported_test+");
	EXPECT_LOG(test, log, "The same lock, taken twice.");
}

/* Two locks of one class (one spin_lock_init() site): nesting them is
 * reported unless annotated with spin_lock_nested(). */
static void lockdep_nesting_needs_annotation_test(struct ktest *test)
{
	static spinlock_t pair[2];
	unsigned int before = lockdep_stats.recursive;
	unsigned long log;

	for (int i = 0; i < 2; i++)
		spin_lock_init(&pair[i]);
	spin_lock(&pair[0]);
	spin_lock_nested(&pair[1], SINGLE_DEPTH_NESTING);
	spin_unlock(&pair[1]);
	spin_unlock(&pair[0]);
	KTEST_EXPECT_EQ(test, lockdep_stats.recursive, before);

	log = quiet_begin();
	spin_lock(&pair[0]);
	spin_lock(&pair[1]);
	spin_unlock(&pair[1]);
	spin_unlock(&pair[0]);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.recursive, before + 1);
	EXPECT_LOG(test, log, "WARNING: possible recursive locking detected");
	EXPECT_LOG(test, log, " (&pair[i]), at: lockdep_nesting_needs_annotation_test+");
	EXPECT_LOG(test, log, "missing lock nesting notation");
}

static DEFINE_SPINLOCK(lockdep_test_unheld);

/* Releasing a lock the task does not hold. */
static void lockdep_bad_unlock_reported_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.bad_unlock;
	int depth = current->lockdep_depth;
	unsigned long log = quiet_begin();

	lock_release(&lockdep_test_unheld.dep_map, _THIS_IP_);	/* the check alone */
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.bad_unlock, before + 1);
	KTEST_EXPECT_EQ(test, current->lockdep_depth, depth);
	EXPECT_LOG(test, log, "WARNING: bad unlock balance detected!");
	EXPECT_LOG(test, log, "is trying to release lock (lockdep_test_unheld) at:\n");
}

/* The timer interrupt takes locks (rq->lock in scheduler_tick()): lockdep
 * must see them as taken in hardirq context, or the check below would
 * never fire for real (irq_enter() missing from an interrupt's entry). */
static void lockdep_sees_timer_interrupt_test(struct ktest *test)
{
	unsigned long before = READ_ONCE(lockdep_stats.hardirq_acquires);
	unsigned long j = jiffies;

	KTEST_ASSERT_TRUE(test, !irqs_disabled());
	while (jiffies < j + 2)
		cpu_relax();
	KTEST_EXPECT_GT(test, READ_ONCE(lockdep_stats.hardirq_acquires), before);
}

static DEFINE_SPINLOCK(lockdep_test_irq);

/* A lock taken in an interrupt handler and elsewhere with interrupts on.
 * The handler is played by irq_enter() with interrupts off, as the entry
 * code runs a real one. */
static void lockdep_irq_inconsistent_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.inconsistent;
	unsigned long flags, log;

	local_irq_save(flags);
	irq_enter();
	KTEST_EXPECT_TRUE(test, in_hardirq());
	spin_lock(&lockdep_test_irq);
	spin_unlock(&lockdep_test_irq);
	irq_exit();
	local_irq_restore(flags);
	KTEST_EXPECT_FALSE(test, in_hardirq());
	KTEST_EXPECT_EQ(test, lockdep_stats.inconsistent, before);

	spin_lock_irqsave(&lockdep_test_irq, flags);	/* interrupts off: fine */
	spin_unlock_irqrestore(&lockdep_test_irq, flags);
	KTEST_EXPECT_EQ(test, lockdep_stats.inconsistent, before);

	log = quiet_begin();
	spin_lock(&lockdep_test_irq);	/* interrupts on: the handler could deadlock on it */
	spin_unlock(&lockdep_test_irq);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.inconsistent, before + 1);
	EXPECT_LOG(test, log, "WARNING: inconsistent lock state");
	EXPECT_LOG(test, log, "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.");
	EXPECT_LOG(test, log, " (lockdep_test_irq), at: lockdep_irq_inconsistent_test+");
}

static DEFINE_SPINLOCK(lockdep_test_atomic);
static DEFINE_MUTEX(lockdep_test_sleeper);

/* A mutex taken under a spinlock: it may sleep, which a spinlock holder
 * must not. Reported even though this mutex is free and nothing sleeps. */
static void lockdep_sleep_in_atomic_reported_test(struct ktest *test)
{
	unsigned int before = lockdep_stats.sleep_atomic;
	unsigned long log = quiet_begin();

	spin_lock(&lockdep_test_atomic);
	mutex_lock(&lockdep_test_sleeper);
	mutex_unlock(&lockdep_test_sleeper);
	spin_unlock(&lockdep_test_atomic);
	quiet_end();
	KTEST_EXPECT_EQ(test, lockdep_stats.sleep_atomic, before + 1);
	EXPECT_LOG(test, log, "BUG: sleeping function called from invalid context at");
	EXPECT_LOG(test, log, " #0: (lockdep_test_atomic), at: lockdep_sleep_in_atomic_reported_test+");
}

/* Lockdep has room left: it never gave up. It says how much it used, and
 * lists the lock order it has seen (docs/locking.md). */
static void lockdep_tables_have_room_test(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, debug_locks);
	printk("        # lockdep: %u lock classes, %u dependencies:\n", lockdep_stats.classes,
	       lockdep_stats.dependencies);
	lockdep_print_dependencies("        #   ");
}

KTEST_SUITE(lockdep, KTEST_CASE(lockdep_tracks_held_locks_test),
	    KTEST_CASE(lockdep_abba_reported_test), KTEST_CASE(lockdep_chain_reported_test),
	    KTEST_CASE(lockdep_trylock_adds_no_order_test),
	    KTEST_CASE(lockdep_recursion_reported_test),
	    KTEST_CASE(lockdep_nesting_needs_annotation_test),
	    KTEST_CASE(lockdep_bad_unlock_reported_test),
	    KTEST_CASE(lockdep_sees_timer_interrupt_test),
	    KTEST_CASE(lockdep_irq_inconsistent_test),
	    KTEST_CASE(lockdep_sleep_in_atomic_reported_test),
	    KTEST_CASE(lockdep_tables_have_room_test));
