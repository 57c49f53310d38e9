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
 * Sleep for `ns` nanoseconds, interruptibly. Returns 0, or -EINTR with the
 * time left in *left_ns when a signal came first.
 * Linux: hrtimer_nanosleep() -> do_nanosleep().
 */
static long do_nanosleep(u64 ns, u64 *left_ns)
{
	u64 start = local_clock();
	long ticks = DIV_ROUND_UP(ns, NSEC_PER_SEC / HZ) + 1;	/* +1: the current tick is partly gone */

	while (ticks > 0) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			u64 slept = local_clock() - start;
			*left_ns = slept < ns ? ns - slept : 0;
			return -EINTR;
		}
		ticks = schedule_timeout(ticks);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int get_timespec(struct __kernel_timespec *ts, const struct __kernel_timespec __user *u)
{
	if (copy_from_user(ts, u, sizeof(*ts)))
		return -EFAULT;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	return 0;
}

static long nanosleep_common(u64 ns, struct __kernel_timespec __user *rmtp)
{
	u64 left;
	long ret = do_nanosleep(ns, &left);

	if (ret == -EINTR && rmtp) {
		struct __kernel_timespec rem = ns_to_timespec(left);

		if (copy_to_user(rmtp, &rem, sizeof(rem)))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct __kernel_timespec ts;
	int err = get_timespec(&ts, rqtp);

	if (err)
		return err;
	return nanosleep_common(ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec, rmtp);
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
	u64 ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (flags & TIMER_ABSTIME)
		return nanosleep_common(ns > (u64)now ? ns - now : 0, NULL);
	return nanosleep_common(ns, rmtp);
}
