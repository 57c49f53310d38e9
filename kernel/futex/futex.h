/*
 * The futex implementation's own declarations. Linux: kernel/futex/futex.h.
 *
 * A sleeping waiter is a struct futex_q on its own kernel stack, queued
 * on one of a fixed number of hash buckets, chosen by its futex_key: the
 * name of the futex word that all its users agree on, whatever address
 * each of them sees it at.
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/futex.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct mm_struct;
struct task_struct;

/* do_futex() flags, from the op's flag bits. */
#define FLAGS_SHARED 0x01	/* no FUTEX_PRIVATE_FLAG: other processes may use the word */
#define FLAGS_CLOCKRT 0x02	/* FUTEX_CLOCK_REALTIME */

/*
 * Linux: union futex_key. Which futex word. Three kinds, told apart by
 * the low bits of offset:
 *   private (FUTEX_PRIVATE_FLAG): this mm, this address;
 *   shared, in private memory (FUT_OFF_MMSHARED): also the mm and the
 *     address, as no other process can see this memory (a page shared
 *     copy-on-write after fork is, to the futex, two different words);
 *   shared, in MAP_SHARED memory (FUT_OFF_INODE): the shmem object and the
 *     page's index in it, which every process mapping it agrees on.
 * offset is the word's place in its page; a futex word is 4-byte aligned,
 * so its two low bits are free for the kind.
 */
union futex_key {
	struct {
		u64 i_seq;	/* shmem_object_seq() of the object */
		unsigned long pgoff;	/* the page's index in the object */
		unsigned int offset;
	} shared;
	struct {
		struct mm_struct *mm;
		unsigned long address;	/* the page's user address */
		unsigned int offset;
	} private;
	struct {
		u64 ptr;
		unsigned long word;
		unsigned int offset;
	} both;	/* for comparing and hashing, whatever the kind */
};

#define FUT_OFF_INODE 1
#define FUT_OFF_MMSHARED 2

/*
 * Linux: struct futex_q. One waiter. While it is queued, lock_ptr points
 * at its bucket's lock; a waker takes it off the list and then sets
 * lock_ptr to NULL (the last thing it does with the futex_q), which is how
 * the waiter knows it was woken rather than timed out or signalled.
 */
struct futex_q {
	struct list_head list;	/* on the bucket's chain */
	struct task_struct *task;
	spinlock_t *lock_ptr;	/* the bucket lock while queued, NULL once woken */
	union futex_key key;
	u32 bitset;	/* FUTEX_WAKE_BITSET wakes it if this and its bitset meet */
};

/* Linux: struct futex_hash_bucket. Waiters in arrival order (Linux: by priority). */
struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;	/* of futex_q */
};

/* core.c */
int get_futex_key(u32 __user *uaddr, bool fshared, union futex_key *key);
struct futex_hash_bucket *futex_hash(union futex_key *key);
bool futex_match(union futex_key *a, union futex_key *b);
int futex_get_value_locked(u32 *dest, u32 __user *from);
struct futex_hash_bucket *futex_q_lock(struct futex_q *q);
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
int futex_unqueue(struct futex_q *q);
void futex_wake_mark(struct futex_q *q);

/* waitwake.c, requeue.c */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, const u64 *abs_time, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_requeue, const u32 *cmpval);

#endif
