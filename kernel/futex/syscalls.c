/*
 * The futex system calls: futex(2) and the robust-list pair.
 * Linux: kernel/futex/syscalls.c.
 *
 * Offered: FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
 * FUTEX_REQUEUE, FUTEX_CMP_REQUEUE, each private or shared. The priority-
 * inheritance operations (FUTEX_LOCK_PI and the rest) give ENOSYS, as in
 * a Linux built without CONFIG_FUTEX_PI; FUTEX_WAKE_OP gives ENOSYS too
 * (glibc's old condition variables used it; musl never does).
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "futex.h"

/*
 * Linux: do_futex(). The flag bits of op become FLAGS_*, the rest picks
 * the operation. FUTEX_CLOCK_REALTIME only means something to an operation
 * that takes an absolute deadline; with any other, ENOSYS.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, const u64 *abs_time, u32 __user *uaddr2,
	      u32 val2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, abs_time, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, (int)val, (int)val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, (int)val, (int)val2, &val3);
	}
	return -ENOSYS;
}

/* Linux: futex_cmd_has_timeout(). Is the 4th argument a timeout (else a count)? */
static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/*
 * Linux: futex_init_timeout(). The deadline in ns: FUTEX_WAIT's timeout is
 * relative (to now on CLOCK_MONOTONIC); the others' are absolute, on
 * CLOCK_REALTIME if op says so, else CLOCK_MONOTONIC. -EINVAL for a
 * negative time or tv_nsec outside [0, 1e9).
 */
static int futex_init_timeout(int cmd, const struct __kernel_timespec *ts, u64 *t)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	/* Linux saturates at KTIME_MAX; 2^63 ns is 292 years. */
	if ((u64)ts->tv_sec >= (1ULL << 63) / NSEC_PER_SEC - 1)
		*t = 1ULL << 63;
	else
		*t = (u64)ts->tv_sec * NSEC_PER_SEC + (u64)ts->tv_nsec;
	if (cmd == FUTEX_WAIT)
		*t += local_clock();
	return 0;
}

/*
 * futex(uaddr, op, val, timeout or val2, uaddr2, val3). The timeout is
 * read and checked first, before anything else about the call: a bad one
 * is EFAULT or EINVAL whatever the other arguments are.
 */
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	int ret, cmd = op & FUTEX_CMD_MASK;
	u64 t, *tp = NULL;

	if (utime && futex_cmd_has_timeout(cmd)) {
		struct __kernel_timespec ts;

		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		ret = futex_init_timeout(cmd, &ts, &t);
		if (ret)
			return ret;
		tp = &t;
	}
	return do_futex(uaddr, op, val, tp, uaddr2, (u32)(unsigned long)utime, val3);
}

/*
 * Linux: sys_set_robust_list(). Where this thread's list of held robust
 * mutexes starts; the kernel walks it when the thread dies. Only the one
 * size of head Linux knows is accepted.
 */
SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* Linux: sys_get_robust_list(). Thread pid's (0: our own) robust list head. */
SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p = current;
	unsigned long flags;

	if (pid) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid(pid);
		head = p ? p->robust_list : NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!p)
			return -ESRCH;
	} else {
		head = p->robust_list;
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}
