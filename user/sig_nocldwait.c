/*
 * sig_nocldwait: with SA_NOCLDWAIT, children leave no zombies: a wait
 * waits until they have all exited, then fails with ECHILD. Linux still
 * sends SIGCHLD to a handler installed with SA_NOCLDWAIT (CLD_EXITED).
 */
#include <sys/wait.h>
#include "sig.h"

static volatile int chld_count, chld_code;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	chld_count++;
	chld_code = si->si_code;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | SA_NOCLDWAIT | SA_RESTART };
	int status;
	pid_t pid;

	check_start();
	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGCHLD, &sa, NULL));
	pid = xfork();
	if (pid == 0)
		exit(4);
	EXPECT_ERR(waitpid(pid, &status, 0), ECHILD);
	printf("SA_NOCLDWAIT: waitpid waits, then ECHILD (no zombie to reap)\n");
	for (int i = 0; i < 500 && chld_count == 0; i++)
		msleep(2);
	CHECK(chld_count == 1, "expected 1 SIGCHLD, got %d", chld_count);
	printf("the handler still gets SIGCHLD: %s\n", chld_code == CLD_EXITED ? "CLD_EXITED" : "other");
	PROP(kill(pid, 0) == -1 && errno == ESRCH, "the child is gone (kill(pid, 0): ESRCH)");
	pass();
}
