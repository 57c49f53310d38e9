/*
 * Futexes ("fast user-space mutexes"): an int in user memory that threads
 * change with atomic instructions, and the kernel's part, futex(2): sleep
 * while the int still holds a value (FUTEX_WAIT), wake sleepers
 * (FUTEX_WAKE). musl's mutexes, condition variables and pthread_join are
 * built on them. Linux: include/uapi/linux/futex.h, include/linux/futex.h;
 * the code is in kernel/futex/.
 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/types.h>

/* futex(2) operations (uapi linux/futex.h). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2	/* removed in Linux 2.6.26: ENOSYS */
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_LOCK_PI2 13

#define FUTEX_PRIVATE_FLAG 128	/* only threads of this mm use the word */
#define FUTEX_CLOCK_REALTIME 256	/* the absolute timeout is CLOCK_REALTIME */
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_BITSET_MATCH_ANY 0xffffffff

/* Robust futexes: the list head user space registers (set_robust_list). */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;	/* the held locks, a circular list through user memory */
	long futex_offset;	/* from a list entry to its futex word */
	struct robust_list __user *list_op_pending;	/* a lock being taken or released */
};

/* Bits of a robust futex word: the owner's tid in the rest. */
#define FUTEX_WAITERS 0x80000000
#define FUTEX_OWNER_DIED 0x40000000
#define FUTEX_TID_MASK 0x3fffffff

struct task_struct;

/*
 * Linux: kernel/futex/syscalls.c do_futex(). Run futex operation op on
 * uaddr. abs_time: the deadline in ns on the operation's clock, or NULL to
 * wait without one. Returns what futex(2) returns, or -errno.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, const u64 *abs_time, u32 __user *uaddr2,
	      u32 val2, u32 val3);

/* Linux: futex_init(). The hash buckets; at boot, before any task. */
void futex_init(void);

/* Linux: futex_exit_release(). A thread leaves its mm (exit, exec): its
 * robust futexes are released, with FUTEX_OWNER_DIED, and a waiter woken. */
void futex_exit_release(struct task_struct *tsk);

#endif
