/*
 * clone_clear_sighand: clone3's CLONE_CLEAR_SIGHAND gives the child the
 * parent's signal actions with every handler reset to SIG_DFL, as execve
 * does; SIG_IGN stays SIG_IGN. Without the flag the child inherits the
 * handlers. (Only the actions are compared: no signal is sent.)
 */
#include "clone.h"

static void handler(int sig)
{
	(void)sig;
}

static void *action_of(int sig)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa))
		return (void *)-1;
	return (void *)sa.sa_handler;
}

/* Exit 0 if SIGUSR1 and SIGTERM are SIG_DFL and SIGUSR2 SIG_IGN; else which is not. */
static int child_cleared(void *arg)
{
	(void)arg;
	if (action_of(SIGUSR1) != (void *)SIG_DFL)
		return 1;
	if (action_of(SIGTERM) != (void *)SIG_DFL)
		return 2;
	if (action_of(SIGUSR2) != (void *)SIG_IGN)
		return 3;
	return 0;
}

/* Exit 0 if the child still has the parent's handler for SIGUSR1. */
static int child_inherited(void *arg)
{
	(void)arg;
	return action_of(SIGUSR1) == (void *)handler ? 0 : 1;
}

int main(void)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART };
	pid_t pid;

	check_start();
	OK(sigaction(SIGUSR1, &sa, NULL));
	OK(sigaction(SIGTERM, &sa, NULL));
	signal(SIGUSR2, SIG_IGN);

	args.flags = CLONE_CLEAR_SIGHAND;
	pid = (pid_t)OK(clone3_fn(&args, sizeof(args), child_cleared, NULL));
	EXPECT_EXIT(pid, 0, "CLONE_CLEAR_SIGHAND child (1: SIGUSR1, 2: SIGTERM kept a handler; "
			    "3: SIGUSR2 lost SIG_IGN)");
	printf("CLONE_CLEAR_SIGHAND: the child's handlers are SIG_DFL: yes\n");
	printf("CLONE_CLEAR_SIGHAND: SIG_IGN stays SIG_IGN: yes\n");
	PROP(action_of(SIGUSR1) == (void *)handler, "the parent keeps its handlers");

	args.flags = 0;
	pid = (pid_t)OK(clone3_fn(&args, sizeof(args), child_inherited, NULL));
	EXPECT_EXIT(pid, 0, "child without CLONE_CLEAR_SIGHAND");
	printf("without CLONE_CLEAR_SIGHAND: the child has the parent's handler: yes\n");
	pass();
}
