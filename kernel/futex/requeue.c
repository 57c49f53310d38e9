/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: wake some waiters of one futex and
 * move the rest, without waking them, to wait on another. A condition
 * variable's broadcast uses it (musl's pthread_cond_broadcast moves the
 * waiters onto the mutex), so that they do not all wake only to fight for
 * the mutex. Linux: kernel/futex/requeue.c, without the PI variants.
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/uaccess.h>
#include "futex.h"

/* Linux: double_lock_hb(). Lower address first, so two requeues between
 * the same buckets in opposite directions cannot deadlock. */
static void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2) {
		struct futex_hash_bucket *t = hb1;

		hb1 = hb2;
		hb2 = t;
	}
	spin_lock(&hb1->lock);
	if (hb1 != hb2)	/* two locks of one class: tell lockdep the order is by address */
		spin_lock_nested(&hb2->lock, SINGLE_DEPTH_NESTING);
}

static void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	spin_unlock(&hb1->lock);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
}

/* Linux: requeue_futex(). Move q to wait on key2 in hb2; both buckets locked. */
static void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
			  struct futex_hash_bucket *hb2, union futex_key *key2)
{
	if (hb1 != hb2) {
		list_move_tail(&q->list, &hb2->chain);
		WRITE_ONCE(q->lock_ptr, &hb2->lock);
	}
	q->key = *key2;
}

/*
 * Linux: futex_requeue(). Wake up to nr_wake waiters of uaddr1 and move up
 * to nr_requeue more to uaddr2. With cmpval (FUTEX_CMP_REQUEUE), only if
 * uaddr1 still holds *cmpval, else -EAGAIN. Returns the number woken plus
 * moved, -EINVAL for a negative count or bad address, -EFAULT.
 */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_requeue, const u32 *cmpval)
{
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *this, *next;
	union futex_key key1, key2;
	int task_count = 0, ret;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr1, flags & FLAGS_SHARED, &key1);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags & FLAGS_SHARED, &key2);
	if (ret)
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		u32 curval;

		if (futex_get_value_locked(&curval, uaddr1)) {
			double_unlock_hb(hb1, hb2);
			ret = get_user(curval, uaddr1);	/* fault it in, then again */
			if (ret)
				return ret;
			goto retry;
		}
		if (curval != *cmpval) {
			ret = -EAGAIN;
			goto out_unlock;
		}
	}
	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&this->key, &key1))
			continue;
		if (++task_count <= nr_wake)
			futex_wake_mark(this);
		else
			requeue_futex(this, hb1, hb2, &key2);
	}
	ret = task_count;
out_unlock:
	double_unlock_hb(hb1, hb2);
	return ret;
}
