/*
 * sig_pending: a blocked signal stays pending (rt_sigpending shows it, no
 * handler runs) until it is unblocked, then runs once: a standard signal
 * sent twice meanwhile is delivered once, a real-time signal queued twice
 * twice, in order, each with its value. SIGKILL and SIGSTOP cannot be
 * blocked or caught. sigsuspend waits with a temporary mask, runs the
 * handler, fails with EINTR, and puts the old mask back.
 */
#include "sig.h"

static volatile int usr1, rt_count, rt_values[4];

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void on_rt(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	if (rt_count < 4)
		rt_values[rt_count] = si->si_value.sival_int;
	rt_count++;
}

static bool pending(int sig)
{
	sigset_t set;

	OK(sigpending(&set));
	return sigismember(&set, sig);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_rt, .sa_flags = SA_SIGINFO };
	sigset_t block, old, now;
	pid_t parent = getpid(), pid;
	int r;

	check_start();
	set_action(SIGUSR1, on_usr1, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGRTMIN);
	OK(sigprocmask(SIG_BLOCK, &block, &old));
	OK(kill(getpid(), SIGUSR1));
	OK(kill(getpid(), SIGUSR1));
	PROP(pending(SIGUSR1) && usr1 == 0, "blocked SIGUSR1: pending, the handler has not run");
	PROP(!pending(SIGUSR2), "SIGUSR2 (never sent) is not pending");
	OK(sigprocmask(SIG_UNBLOCK, &block, NULL));
	CHECK(usr1 == 1 && !pending(SIGUSR1), "after unblocking: %d calls, %s pending", usr1,
	      pending(SIGUSR1) ? "still" : "not");
	printf("sent twice while blocked, delivered once on unblocking: yes\n");

	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGRTMIN, &sa, NULL));
	OK(sigprocmask(SIG_BLOCK, &block, NULL));
	OK(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 1 }));
	OK(sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 2 }));
	OK(sigprocmask(SIG_UNBLOCK, &block, NULL));
	CHECK(rt_count == 2 && rt_values[0] == 1 && rt_values[1] == 2,
	      "real-time signal queued twice: %d deliveries, values %d %d", rt_count, rt_values[0],
	      rt_values[1]);
	printf("a real-time signal queued twice: delivered twice, values in order\n");

	sigfillset(&block);
	OK(sigprocmask(SIG_SETMASK, &block, NULL));
	OK(sigprocmask(SIG_SETMASK, NULL, &now));
	PROP(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP) && sigismember(&now, SIGTERM),
	     "blocking everything leaves SIGKILL and SIGSTOP unblocked");
	EXPECT_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERR(signal(SIGSTOP, SIG_IGN) == SIG_ERR ? -1 : 0, EINVAL);
	printf("sigaction on SIGKILL or SIGSTOP: EINVAL\n");

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	OK(sigprocmask(SIG_SETMASK, &block, NULL));
	pid = xfork();
	if (pid == 0) {
		wait_for_state(parent, 'S');
		OK(kill(parent, SIGUSR1));
		exit(0);
	}
	usr1 = 0;
	r = sigsuspend(&old);	/* old: SIGUSR1 not blocked */
	CHECK(r == -1 && errno == EINTR && usr1 == 1, "sigsuspend: got %d (%s), handler ran %d times", r,
	      errname(errno), usr1);
	printf("sigsuspend: the handler runs, then EINTR\n");
	OK(sigprocmask(SIG_SETMASK, NULL, &now));
	PROP(sigismember(&now, SIGUSR1), "after sigsuspend the old mask (SIGUSR1 blocked) is back");
	EXPECT_EXIT(pid, 0, "signalling child");
	pass();
}
