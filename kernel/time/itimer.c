/*
 * Interval timers: alarm(), setitimer() and getitimer() with ITIMER_REAL:
 * SIGALRM to the process when a wall-clock time has passed, and again
 * every interval if one is set. One per process (signal_struct), kept
 * across exec, not inherited by fork, stopped when the last thread exits.
 * Linux: kernel/time/itimer.c, with an hrtimer; here a kernel timer, so
 * times are rounded up to ticks (1/HZ s).
 *
 * ITIMER_VIRTUAL and ITIMER_PROF (timers on the process's CPU time) are
 * not offered: setitimer and getitimer return EINVAL for them.
 *
 * Locking: the timer is armed and disarmed, and it_real_incr changed,
 * under the process's sighand->siglock; the expiry function takes
 * tasklist_lock and siglock to send SIGALRM and re-arm.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/time.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

#define TICK_NSEC (NSEC_PER_SEC / HZ)
#define USEC_PER_SEC 1000000L

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;	/* the period; 0: fire once */
	struct __kernel_old_timeval it_value;	/* time left until it fires; 0: disarmed */
};

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	return (struct __kernel_old_timeval){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / NSEC_PER_USEC };
}

/* Ticks for ns nanoseconds, rounded up: a timer never fires early. */
static unsigned long ns_to_ticks(u64 ns)
{
	return DIV_ROUND_UP(ns, TICK_NSEC);
}

/*
 * Linux: it_real_fn(). The timer fired (interrupt context): SIGALRM to
 * the process, from the kernel (si_code SI_KERNEL), and the next period.
 */
void it_real_fn(struct timer_list *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct, real_timer);
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	/* Some thread of the process: exit_itimers() stops the timer before the last one goes. */
	p = list_first_entry(&sig->thread_head, struct task_struct, thread_node);
	spin_lock(&p->sighand->siglock);
	send_signal_locked(SIGALRM, SEND_SIG_PRIV, p, PIDTYPE_TGID);
	/* setitimer may have re-armed it meanwhile; then that stands. */
	if (sig->it_real_incr && !timer_pending(timer)) {
		timer->expires = jiffies + ns_to_ticks(sig->it_real_incr);
		add_timer(timer);
	}
	spin_unlock(&p->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The time until ITIMER_REAL fires, and its interval. Caller holds siglock. */
static void get_real_timer(struct signal_struct *sig, struct __kernel_old_itimerval *value)
{
	u64 left = 0;

	if (timer_pending(&sig->real_timer)) {
		long ticks = (long)(sig->real_timer.expires - jiffies);

		left = ticks > 0 ? ticks * TICK_NSEC : NSEC_PER_USEC;	/* due: "1 us" */
	}
	value->it_value = ns_to_timeval(left);
	value->it_interval = ns_to_timeval(sig->it_real_incr);
}

/* Linux: do_getitimer(). */
static int do_getitimer(int which, struct __kernel_old_itimerval *value)
{
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	get_real_timer(current->signal, value);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}

/*
 * Linux: do_setitimer(). Arm ITIMER_REAL for value (0: disarm) and report
 * the old setting in ovalue. The old setting is stopped first (waiting
 * for its function if it runs right now), so it cannot fire after this.
 */
static int do_setitimer(int which, struct __kernel_old_itimerval *value,
			struct __kernel_old_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	u64 expires = timeval_to_ns(&value->it_value);
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
again:
	spin_lock_irqsave(&current->sighand->siglock, flags);
	if (ovalue)
		get_real_timer(sig, ovalue);
	/* If the old setting is firing on another CPU, let it finish first. */
	if (try_to_del_timer_sync(&sig->real_timer) < 0) {
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
		cpu_relax();
		goto again;
	}
	sig->it_real_incr = timeval_to_ns(&value->it_interval);
	if (expires) {
		sig->real_timer.expires = jiffies + ns_to_ticks(expires);
		add_timer(&sig->real_timer);
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}

/*
 * The last thread of the process is exiting: stop the timer, and wait for
 * its function if it is running right now, so nothing touches the
 * signal_struct once it is freed. Linux: do_exit() -> hrtimer_cancel().
 */
void exit_itimers(struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	sig->it_real_incr = 0;	/* the function will not re-arm it */
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	del_timer_sync(&sig->real_timer);
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < (long)USEC_PER_SEC;
}

/* Linux: sys_getitimer(). */
SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval get;
	int err = do_getitimer(which, &get);

	if (!err && copy_to_user(value, &get, sizeof(get)))
		err = -EFAULT;
	return err;
}

/* Linux: sys_setitimer(). A NULL value means "disarm", as Linux still allows. */
SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval set = { 0 }, get;
	int err;

	if (value) {
		if (copy_from_user(&set, value, sizeof(set)))
			return -EFAULT;
		if (!timeval_valid(&set.it_value) || !timeval_valid(&set.it_interval))
			return -EINVAL;
	}
	err = do_setitimer(which, &set, ovalue ? &get : NULL);
	if (!err && ovalue && copy_to_user(ovalue, &get, sizeof(get)))
		err = -EFAULT;
	return err;
}

/*
 * Linux: sys_alarm() -> alarm_setitimer(). SIGALRM in `seconds` (0:
 * cancel). Returns the seconds that were left of the previous alarm,
 * rounded to the nearest, and at least 1 if one was pending.
 */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval it_new = { .it_value = { seconds, 0 } }, it_old;

	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	if ((!it_old.it_value.tv_sec && it_old.it_value.tv_usec) || it_old.it_value.tv_usec >= 500000)
		it_old.it_value.tv_sec++;
	return it_old.it_value.tv_sec;
}
