/*
 * Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, time,
 * nanosleep, clock_nanosleep. Linux: kernel/time/posix-timers.c,
 * posix-stubs.c, time.c, hrtimer.c (nanosleep).
 *
 * CLOCK_MONOTONIC is the TSC since boot (local_clock()); CLOCK_REALTIME is
 * that plus the wall-clock time the RTC gave at boot (settimeofday is not
 * offered). Sleeps are timer ticks (1/HZ s), rounded up, as a tick-based
 * kernel without high-resolution timers does.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <asm/rtc.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

static u64 boot_wall_ns;	/* the wall-clock time at local_clock() == 0 */

/* Linux: timekeeping_init(). */
void timekeeping_init(void)
{
	boot_wall_ns = read_persistent_clock() * NSEC_PER_SEC - local_clock();
}

/* The time of clock `which` in nanoseconds, or -EINVAL for an unknown clock. */
static long long clock_read_ns(clockid_t which)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return boot_wall_ns + local_clock();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return local_clock();
	case CLOCK_PROCESS_CPUTIME_ID:	/* one thread per process, until threads */
	case CLOCK_THREAD_CPUTIME_ID:
		return task_sched_runtime(current);
	default:
		return -EINVAL;
	}
}

/* Linux: ktime_get_real_ns(). CLOCK_REALTIME in ns (futex timeouts). */
u64 ktime_get_real_ns(void)
{
	return clock_read_ns(CLOCK_REALTIME);
}

static struct __kernel_timespec ns_to_timespec(u64 ns)
{
	return (struct __kernel_timespec){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which, struct __kernel_timespec __user *, tp)
{
	long long ns = clock_read_ns(which);
	struct __kernel_timespec ts;

	if (ns < 0)
		return ns;
	ts = ns_to_timespec(ns);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts = { 0, 1 };	/* the TSC: nanoseconds */

	if (clock_read_ns(which) < 0)
		return -EINVAL;
	if (which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = NSEC_PER_SEC / HZ;
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	u64 ns = clock_read_ns(CLOCK_REALTIME);
	struct __kernel_old_timeval t = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / NSEC_PER_USEC };

	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = clock_read_ns(CLOCK_REALTIME) / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * A sleep interrupted by a signal: the time left goes to the user's rmtp
 * (if any), and the call is to go on through restart_syscall unless a
 * handler runs (then it fails with EINTR). Linux: nanosleep_copyout().
 */
static long nanosleep_copyout(struct restart_block *restart, u64 left)
{
	struct __kernel_timespec rem = ns_to_timespec(left);

	if (restart->nanosleep.rmtp && copy_to_user(restart->nanosleep.rmtp, &rem, sizeof(rem)))
		return -EFAULT;
	return -ERESTART_RESTARTBLOCK;
}

/*
 * Sleep until clock `which` reads `expires` (ns), interruptibly, in whole
 * ticks. 0 when the time has come; -ERESTART_RESTARTBLOCK (time left
 * written out) if a signal came first. Linux: do_nanosleep().
 */
static long do_nanosleep(clockid_t which, u64 expires)
{
	for (;;) {
		u64 now = clock_read_ns(which);

		if (now >= expires)
			break;
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			return nanosleep_copyout(&current->restart_block, expires - now);
		}
		schedule_timeout(DIV_ROUND_UP(expires - now, NSEC_PER_SEC / HZ));
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* Linux: hrtimer_nanosleep_restart(). restart_syscall after a stop or an
 * ignored signal: sleep on to the same deadline. */
static long nanosleep_restart(struct restart_block *restart)
{
	return do_nanosleep(restart->nanosleep.clockid, restart->nanosleep.expires);
}

static int get_timespec(struct __kernel_timespec *ts, const struct __kernel_timespec __user *u)
{
	if (copy_from_user(ts, u, sizeof(*ts)))
		return -EFAULT;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	return 0;
}

/*
 * Linux: hrtimer_nanosleep(). Sleep ns on clock which (until ns, if abs).
 * Interrupted, a relative sleep is restarted with what is left (or fails
 * with EINTR and the time left in rmtp, if a handler runs); an absolute
 * one simply starts again (ERESTARTNOHAND).
 */
static long nanosleep_common(clockid_t which, bool abs, u64 ns,
			     struct __kernel_timespec __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	u64 expires = abs ? ns : clock_read_ns(which) + ns;
	long ret;

	restart->fn = do_no_restart_syscall;
	restart->nanosleep.rmtp = abs ? NULL : rmtp;
	ret = do_nanosleep(which, expires);
	if (ret != -ERESTART_RESTARTBLOCK)
		return ret;
	if (abs)
		return -ERESTARTNOHAND;
	restart->nanosleep.clockid = which;
	restart->nanosleep.expires = expires;
	restart->fn = nanosleep_restart;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;
	int err = get_timespec(&ts, rqtp);

	if (err)
		return err;
	return nanosleep_common(CLOCK_MONOTONIC, false, ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which, int, flags,
		const struct __kernel_timespec __user *, rqtp, struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;
	long long now = clock_read_ns(which);
	int err;

	if (now < 0 || which == CLOCK_THREAD_CPUTIME_ID || which == CLOCK_PROCESS_CPUTIME_ID)
		return -EINVAL;	/* (Linux sleeps on CPU-time clocks; not offered here) */
	err = get_timespec(&ts, rqtp);
	if (err)
		return err;
	return nanosleep_common(which, flags & TIMER_ABSTIME, ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec,
				rmtp);
}
