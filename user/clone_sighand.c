/*
 * clone_sighand: with CLONE_SIGHAND (which needs CLONE_VM) parent and child
 * share one table of signal actions, so an action the child sets is the
 * parent's; without it the child has a copy. (SIG_IGN only: no handler
 * needs to run.)
 */
#include "clone.h"

static int child_ignores(void *arg)
{
	return signal((int)(long)arg, SIG_IGN) == SIG_ERR;
}

static void *action_of(int sig)
{
	struct sigaction sa;

	OK(sigaction(sig, NULL, &sa));
	return (void *)sa.sa_handler;
}

int main(void)
{
	pid_t pid;

	check_start();
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_SIGHAND | SIGCHLD, child_ignores,
				 (void *)(long)SIGUSR1, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "CLONE_SIGHAND child");
	PROP(action_of(SIGUSR1) == (void *)SIG_IGN,
	     "CLONE_SIGHAND: SIG_IGN set by the child is the parent's action");

	pid = (pid_t)OK(clone_fn(CLONE_VM | SIGCHLD, child_ignores, (void *)(long)SIGUSR2, NULL, NULL,
				 NULL));
	EXPECT_EXIT(pid, 0, "child without CLONE_SIGHAND");
	PROP(action_of(SIGUSR2) == (void *)SIG_DFL,
	     "without CLONE_SIGHAND: the parent's action stays SIG_DFL");
	pass();
}
