/*
 * Futexes: naming a futex word (get_futex_key), the hash of wait queues,
 * and queueing a waiter on it. Linux: kernel/futex/core.c.
 *
 * Locking: each bucket has a spinlock that guards its chain and every
 * futex_q on it. A waiter reads the futex word with its bucket locked, and
 * a waker changes the word before it takes the lock, so a wake-up can never
 * slip between a waiter's check of the value and its going to sleep.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/uaccess.h>
#include <asm/futex.h>
#include "futex.h"

/* Linux sizes the table by the number of CPUs (256 buckets each). */
#define FUTEX_HASH_BITS 8
#define FUTEX_HASH_SIZE (1 << FUTEX_HASH_BITS)

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];

/* Linux: futex_init(). */
void futex_init(void)
{
	for (int i = 0; i < FUTEX_HASH_SIZE; i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}

/* Linux: futex_hash() (which uses jhash2). Fibonacci hashing of the key's words. */
struct futex_hash_bucket *futex_hash(union futex_key *key)
{
	u64 h = (key->both.ptr ^ (key->both.word + key->both.offset)) * 0x9e3779b97f4a7c15ULL;

	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

/* Linux: futex_match(). Same word? */
bool futex_match(union futex_key *a, union futex_key *b)
{
	return a->both.ptr == b->both.ptr && a->both.word == b->both.word &&
	       a->both.offset == b->both.offset;
}

/*
 * Linux: get_futex_key(). Name the futex word at uaddr (see union
 * futex_key). A private futex is named without looking at the memory (a
 * bad address shows when the word is read); a shared one needs the area
 * that maps it, to know whether other processes can see it. Returns 0,
 * -EINVAL for a word not 4-byte aligned, -EFAULT for an address outside
 * user space or (shared) with no accessible mapping. Takes mmap_lock.
 */
int get_futex_key(u32 __user *uaddr, bool fshared, union futex_key *key)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	key->both.offset = address % PAGE_SIZE;
	if (address % sizeof(u32))
		return -EINVAL;
	address -= key->both.offset;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (!fshared) {
		key->private.mm = mm;
		key->private.address = address;
		return 0;
	}
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address || !vma_is_accessible(vma)) {
		mmap_read_unlock(mm);	/* Linux: get_user_pages_fast() fails */
		return -EFAULT;
	}
	if (vma->vm_shmem) {
		key->both.offset |= FUT_OFF_INODE;
		key->shared.i_seq = shmem_object_seq(vma->vm_shmem);
		key->shared.pgoff = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
	} else {
		key->both.offset |= FUT_OFF_MMSHARED;
		key->private.mm = mm;
		key->private.address = address;
	}
	mmap_read_unlock(mm);
	return 0;
}

/*
 * Linux: futex_get_value_locked(). Read the futex word with a bucket lock
 * held. A page fault cannot be handled here (it may sleep): a page not
 * present gives -EFAULT at once (Linux: pagefault_disable(); here the
 * spinlock's preempt count makes the fault handler refuse), and the
 * caller drops the lock, faults the page in with get_user() and retries.
 */
int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	return get_user(*dest, from);
}

/* Linux: futex_q_lock(). Lock the bucket q's key hashes to. */
struct futex_hash_bucket *futex_q_lock(struct futex_q *q)
{
	struct futex_hash_bucket *hb = futex_hash(&q->key);

	spin_lock(&hb->lock);
	return hb;
}

/*
 * Linux: futex_queue(). Put q (current's) on hb, which the caller locked,
 * and unlock it. The caller has set its task state first, so a wake-up
 * from here on is not lost.
 */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	q->task = current;
	q->lock_ptr = &hb->lock;
	list_add_tail(&q->list, &hb->chain);
	spin_unlock(&hb->lock);
}

/*
 * Linux: futex_unqueue(). Take q off its bucket if a waker has not done so
 * already. Returns 1 if it was still queued (not woken), 0 if woken. The
 * bucket may change under us (FUTEX_REQUEUE moves waiters): lock_ptr is
 * read again once its lock is held.
 */
int futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock_ptr;

retry:
	lock_ptr = __atomic_load_n(&q->lock_ptr, __ATOMIC_ACQUIRE);
	if (!lock_ptr)
		return 0;
	spin_lock(lock_ptr);
	if (lock_ptr != q->lock_ptr) {
		spin_unlock(lock_ptr);
		goto retry;
	}
	list_del_init(&q->list);
	spin_unlock(lock_ptr);
	return 1;
}

/*
 * Linux: futex_wake_mark() + wake_up_q(). Wake q's task; the caller holds
 * q's bucket lock. Linux collects the tasks and wakes them after unlocking;
 * waking under the lock is simpler and as safe: the woken task cannot
 * leave futex_unqueue() (and free its futex_q) until lock_ptr is NULL, and
 * clearing it is the last thing done with q here.
 */
void futex_wake_mark(struct futex_q *q)
{
	list_del_init(&q->list);
	wake_up_state(q->task, TASK_NORMAL);
	__atomic_store_n(&q->lock_ptr, NULL, __ATOMIC_RELEASE);
}

/*
 * Linux: handle_futex_death(). curr dies holding the robust futex at
 * uaddr (or was taking or releasing it: pending_op): if the word names
 * curr as owner, mark it FUTEX_OWNER_DIED, keeping FUTEX_WAITERS, and wake
 * one waiter, whose lock call then returns EOWNERDEAD. Returns -1 if the
 * list cannot be trusted further (bad address), else 0.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, bool pi,
			      bool pending_op)
{
	u32 uval, nval, mval;

	if ((unsigned long)uaddr % sizeof(*uaddr))
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	/* Released, but the waiter the unlock was to wake may not have been
	 * woken before the owner died: wake one, so it is not stranded. */
	if (pending_op && !pi && !uval) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)curr->pid)
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval))
		return -1;
	if (nval != uval)
		goto retry;	/* a waiter set FUTEX_WAITERS meanwhile */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Linux: fetch_robust_entry(). A list pointer; its low bit marks a PI futex. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

#define ROBUST_LIST_LIMIT 2048	/* Linux's bound: a circular list in user memory may never end */

/*
 * Linux: exit_robust_list(). Walk curr's robust list (user memory: every
 * read may fail, and the walk then stops) and release each futex it holds.
 * The entry being locked or unlocked (list_op_pending) is done last.
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, next_pi, pip;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi) ||
	    get_user(futex_offset, &head->futex_offset) ||
	    fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((void __user *)entry + futex_offset, curr, pi, false))
			return;
		if (rc || !--limit)
			return;
		entry = next_entry;
		pi = next_pi;
	}
	if (pending)
		handle_futex_death((void __user *)pending + futex_offset, curr, pip, true);
}

/* Linux: futex_exit_release() (and futex_exec_release(): exec does the same). */
void futex_exit_release(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}
