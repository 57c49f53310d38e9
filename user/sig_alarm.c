/*
 * sig_alarm: alarm() and setitimer(ITIMER_REAL). alarm(1) interrupts a
 * pause with SIGALRM from the kernel (si_code SI_KERNEL); alarm returns
 * the seconds left of the previous alarm, alarm(0) cancels. As a watchdog,
 * an alarm with SIGALRM's default action ends a stuck child. A periodic
 * setitimer fires again and again (5 counted), getitimer reads the
 * interval back, and a zero value stops it. Bad timevals are EINVAL.
 */
#include <sys/time.h>
#include "sig.h"

static volatile int alarms, code;

static void on_alrm(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	alarms++;
	code = si->si_code;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_alrm, .sa_flags = SA_SIGINFO };
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } }, got;
	sigset_t block, old;
	unsigned left;
	pid_t pid;
	int r;

	check_start();
	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGALRM, &sa, NULL));
	CHECK(alarm(5) == 0, "alarm: no previous alarm expected");
	left = alarm(0);
	CHECK(left == 5, "alarm(0) after alarm(5): expected 5 seconds left, got %u", left);
	printf("alarm(0) after alarm(5): returns 5 and cancels\n");
	CHECK(alarm(0) == 0, "alarm(0) again: expected 0");

	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	OK(sigprocmask(SIG_BLOCK, &block, &old));
	alarm(1);
	r = sigsuspend(&old);
	CHECK(r == -1 && errno == EINTR && alarms == 1, "waiting for the alarm: %d (%s), %d SIGALRM", r,
	      errname(errno), alarms);
	printf("alarm(1): SIGALRM interrupts the wait, si_code %s\n",
	       code == SI_KERNEL ? "SI_KERNEL" : "other");

	pid = xfork();
	if (pid == 0) {
		signal(SIGALRM, SIG_DFL);
		OK(sigprocmask(SIG_SETMASK, &old, NULL));
		alarm(1);
		for (;;)
			;	/* stuck: the watchdog ends it */
	}
	EXPECT_KILLED(pid, SIGALRM, "child stuck in a loop");
	printf("alarm as a watchdog: the stuck child dies of SIGALRM\n");

	alarms = 0;
	OK(setitimer(ITIMER_REAL, &it, NULL));
	OK(getitimer(ITIMER_REAL, &got));
	printf("getitimer: interval %ld us\n", (long)got.it_interval.tv_usec);
	while (alarms < 5)
		sigsuspend(&old);
	it.it_value.tv_usec = 0;
	OK(setitimer(ITIMER_REAL, &it, &got));
	PROP(got.it_interval.tv_usec == 20000, "setitimer returns the old interval");
	OK(sigprocmask(SIG_SETMASK, &old, NULL));
	msleep(100);
	CHECK(alarms == 5, "after stopping the timer: expected 5 SIGALRM, got %d", alarms);
	printf("a periodic timer: 5 SIGALRM counted, none after it is stopped\n");
	OK(getitimer(ITIMER_REAL, &got));
	PROP(got.it_value.tv_sec == 0 && got.it_value.tv_usec == 0, "getitimer: stopped (value 0)");

	it.it_value.tv_usec = 1000000;
	EXPECT_ERR(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	it.it_value.tv_usec = -1;
	EXPECT_ERR(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	EXPECT_ERR(setitimer(7, &it, NULL), EINVAL);
	EXPECT_ERR(getitimer(7, &got), EINVAL);
	printf("tv_usec out of range, or an unknown timer: EINVAL\n");
	pass();
}
