/*
 * sig_tgkill: tgkill(tgid, tid, sig) and tkill(tid, sig) signal one
 * thread, with si_code SI_TKILL. Errors: EINVAL for a tgid or tid <= 0 or
 * a bad signal; ESRCH for a tid that does not exist or is not in tgid.
 * Signal 0 only checks.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include "sig.h"

static volatile int count, code;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	count++;
	code = si->si_code;
}

static long tgkill(pid_t tgid, pid_t tid, int sig)
{
	return syscall(SYS_tgkill, tgid, tid, sig);
}

static long tkill(pid_t tid, int sig)
{
	return syscall(SYS_tkill, tid, sig);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	pid_t me = getpid(), tid = (pid_t)syscall(SYS_gettid), gone, child;

	check_start();
	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGUSR1, &sa, NULL));
	OK(tgkill(me, tid, SIGUSR1));
	CHECK(count == 1 && code == SI_TKILL, "tgkill: %d calls, si_code %d", count, code);
	printf("tgkill to this thread: the handler runs, si_code SI_TKILL\n");
	OK(tkill(tid, SIGUSR1));
	CHECK(count == 2 && code == SI_TKILL, "tkill: %d calls, si_code %d", count, code);
	printf("tkill to this thread: the handler runs, si_code SI_TKILL\n");
	OK(tgkill(me, tid, 0));
	printf("signal 0: succeeds, nothing sent: %s\n", count == 2 ? "yes" : "no");

	EXPECT_ERR(tgkill(0, tid, SIGUSR1), EINVAL);
	EXPECT_ERR(tgkill(-1, tid, SIGUSR1), EINVAL);
	EXPECT_ERR(tgkill(me, 0, SIGUSR1), EINVAL);
	EXPECT_ERR(tgkill(me, -5, SIGUSR1), EINVAL);
	EXPECT_ERR(tgkill(me, tid, 65), EINVAL);
	EXPECT_ERR(tgkill(me, tid, -1), EINVAL);
	EXPECT_ERR(tkill(0, SIGUSR1), EINVAL);
	EXPECT_ERR(tkill(tid, 65), EINVAL);
	printf("tgid or tid <= 0, or a bad signal: EINVAL\n");

	gone = xfork();
	if (gone == 0)
		exit(0);
	EXPECT_EXIT(gone, 0, "child");
	EXPECT_ERR(tgkill(gone, gone, SIGUSR1), ESRCH);
	EXPECT_ERR(tkill(gone, SIGUSR1), ESRCH);
	printf("a tid that no longer exists: ESRCH\n");

	child = xfork();
	if (child == 0) {
		for (;;)
			pause();
	}
	EXPECT_ERR(tgkill(child, tid, SIGUSR1), ESRCH);
	EXPECT_ERR(tgkill(me, child, SIGUSR1), ESRCH);
	printf("a tid that is not in that thread group: ESRCH\n");
	OK(tgkill(child, child, SIGKILL));
	EXPECT_KILLED(child, SIGKILL, "child");
	printf("tgkill(child, child, SIGKILL): the child dies\n");
	pass();
}
