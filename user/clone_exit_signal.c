/*
 * clone_exit_signal: a child whose exit signal is not SIGCHLD (SIGUSR1, or
 * 0 for none) is a "clone" child: wait without __WCLONE or __WALL does not
 * see it (ECHILD), __WCLONE and __WALL do; __WCLONE in turn does not see
 * an ordinary child. The parent gets the exit signal asked for: SIGUSR1,
 * held blocked until the child is reaped, then kills it.
 */
#include "clone.h"

static int child_returns(void *arg)
{
	return (int)(long)arg;
}

int main(void)
{
	sigset_t usr1;
	pid_t pid, middle;
	int status;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	signal(SIGUSR1, SIG_DFL);
	middle = xfork();
	if (middle == 0) {
		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
		pid = (pid_t)OK(clone_fn(SIGUSR1, child_returns, (void *)3L, NULL, NULL, NULL));
		EXPECT_ERR(waitpid(pid, &status, 0), ECHILD);
		printf("exit signal SIGUSR1: waitpid without __WCLONE: ECHILD\n");
		CHECK(waitpid(pid, &status, __WCLONE) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 3, "waitpid(__WCLONE): expected the child, exited with 3");
		printf("exit signal SIGUSR1: waitpid with __WCLONE reaps it: yes\n");
		OK(sigprocmask(SIG_UNBLOCK, &usr1, NULL));	/* the pending SIGUSR1 kills us */
		exit(0);
	}
	EXPECT_KILLED(middle, SIGUSR1, "the parent of the SIGUSR1 child");
	printf("exit signal SIGUSR1: the parent got SIGUSR1: yes\n");

	pid = (pid_t)OK(clone_fn(0, child_returns, (void *)4L, NULL, NULL, NULL));
	EXPECT_ERR(waitpid(pid, &status, 0), ECHILD);
	printf("exit signal 0: waitpid without __WCLONE: ECHILD\n");
	CHECK(waitpid(pid, &status, __WALL) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 4,
	      "waitpid(__WALL): expected the child, exited with 4");
	printf("exit signal 0: waitpid with __WALL reaps it: yes\n");

	pid = (pid_t)OK(clone_fn(SIGCHLD, child_returns, (void *)5L, NULL, NULL, NULL));
	EXPECT_ERR(waitpid(pid, &status, __WCLONE), ECHILD);
	printf("exit signal SIGCHLD: waitpid with __WCLONE: ECHILD\n");
	EXPECT_EXIT(pid, 5, "SIGCHLD child");
	printf("exit signal SIGCHLD: a plain waitpid reaps it: yes\n");
	pass();
}
