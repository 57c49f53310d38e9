/*
 * FUTEX_WAIT and FUTEX_WAKE (and their _BITSET forms). Linux:
 * kernel/futex/waitwake.c, whose opening comment explains the ordering:
 *
 *   waiter                              waker
 *   lock(bucket)
 *   uval = *futex                       *futex = newval
 *   if (uval == val) queue, unlock      lock(bucket)
 *   sleep                               wake the queued waiters, unlock
 *
 * The waiter compares under the bucket lock, the waker changes the word
 * before taking it: either the waiter sees the new value (and does not
 * sleep), or the waker finds it queued.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "futex.h"

/*
 * Linux: futex_wake(). Wake up to nr_wake waiters on uaddr whose bitset
 * meets bitset. Returns how many were woken. As in Linux, nr_wake 0 still
 * wakes one (the count is compared after it is raised).
 */
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q *this, *next;
	union futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags & FLAGS_SHARED, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	spin_lock(&hb->lock);
	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, &key) || !(this->bitset & bitset))
			continue;
		futex_wake_mark(this);
		if (++ret >= nr_wake)
			break;
	}
	spin_unlock(&hb->lock);
	return ret;
}

/* The clock a futex deadline is on: CLOCK_REALTIME or CLOCK_MONOTONIC. */
static u64 futex_clock_now(unsigned int flags)
{
	return flags & FLAGS_CLOCKRT ? ktime_get_real_ns() : local_clock();
}

/*
 * Linux: futex_wait_queue(). Queue q on hb (locked by the caller, and
 * unlocked here) and sleep until woken, the deadline passes, or a signal
 * comes. Sleeping is in timer ticks: a deadline is rounded up to the next
 * tick, never down (Linux uses a high-resolution timer).
 */
static void futex_wait_queue(struct futex_hash_bucket *hb, struct futex_q *q,
			     const u64 *abs_time, unsigned int flags)
{
	set_current_state(TASK_INTERRUPTIBLE);
	futex_queue(q, hb);
	/* A signal that came before the state was set would not wake us. */
	if (signal_pending(current)) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	if (!abs_time) {
		schedule();
	} else {
		u64 now = futex_clock_now(flags), tick = NSEC_PER_SEC / HZ;

		if (now < *abs_time)
			schedule_timeout((long)DIV_ROUND_UP(*abs_time - now, tick) + 1);
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * Linux: futex_wait_setup(). Name the word, lock its bucket and check that
 * it still holds val. Returns 0 with *hb locked (the caller queues), or
 * -EWOULDBLOCK (EAGAIN: it changed), -EFAULT, -EINVAL with it unlocked.
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags, struct futex_q *q,
			    struct futex_hash_bucket **hb)
{
	u32 uval;
	int ret;

retry:
	ret = get_futex_key(uaddr, flags & FLAGS_SHARED, &q->key);
	if (ret)
		return ret;
	*hb = futex_q_lock(q);
	ret = futex_get_value_locked(&uval, uaddr);
	if (ret) {
		/* Not present: fault it in without the lock, then start again
		 * (the key may have changed meanwhile: munmap, mmap). */
		spin_unlock(&(*hb)->lock);
		ret = get_user(uval, uaddr);
		if (ret)
			return ret;
		goto retry;
	}
	if (uval != val) {
		spin_unlock(&(*hb)->lock);
		return -EWOULDBLOCK;
	}
	return 0;
}

/*
 * Linux: futex_wait(). Sleep on uaddr if it holds val, until a FUTEX_WAKE
 * whose bitset meets ours. abs_time: a deadline in ns on the futex's clock,
 * or NULL. Returns 0 when woken, -EWOULDBLOCK, -ETIMEDOUT, -ERESTARTSYS
 * when a signal came (restarted if no handler runs; else EINTR), -EFAULT,
 * -EINVAL. A wake-up that is none of these (spurious) waits again.
 *
 * Linux returns -ERESTART_RESTARTBLOCK for a wait with a deadline, so that
 * its restart keeps the deadline; without restart_syscall here, a
 * restarted FUTEX_WAIT counts its relative timeout again from the restart.
 */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, const u64 *abs_time, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q q = { .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	INIT_LIST_HEAD(&q.list);
retry:
	ret = futex_wait_setup(uaddr, val, flags, &q, &hb);
	if (ret)
		return ret;
	futex_wait_queue(hb, &q, abs_time, flags);
	if (!futex_unqueue(&q))
		return 0;	/* woken */
	if (abs_time && futex_clock_now(flags) >= *abs_time)
		return -ETIMEDOUT;
	if (!signal_pending(current))
		goto retry;
	return -ERESTARTSYS;
}
