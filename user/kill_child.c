/*
 * kill_child: kill() ends a sleeping child. SIGKILL and SIGTERM (whose
 * default action is to terminate) kill a child sleeping in nanosleep or
 * blocked in read; the parent sees WTERMSIG. kill(pid, 0) tests existence;
 * a bad signal number is EINVAL; a reaped pid is ESRCH.
 */
#include <signal.h>
#include <time.h>
#include "proc.h"

/* Fork a child that says it is ready, then blocks: in nanosleep, or in read. */
static pid_t sleeper(int in_read)
{
	int ready[2], block[2];
	pid_t pid;

	xpipe(ready);
	xpipe(block);
	pid = xfork();
	if (pid == 0) {
		struct timespec long_time = { 1000, 0 };
		char c;

		send_byte(ready[1], 'r');
		if (in_read)
			read(block[0], &c, 1);		/* block[1] stays open: blocks */
		else
			nanosleep(&long_time, NULL);
		exit(0);
	}
	recv_byte(ready[0]);
	close(ready[0]), close(ready[1]), close(block[0]);
	return pid;	/* block[1] is leaked on purpose, so the read never returns */
}

int main(void)
{
	pid_t pid;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	pid = sleeper(0);
	PROP(kill(pid, 0) == 0, "kill(child, 0) succeeds while it sleeps");
	EXPECT_ERR(kill(pid, 12345), EINVAL);
	EXPECT_ERR(kill(pid, -1), EINVAL);
	printf("kill with signal 12345 or -1: EINVAL\n");
	OK(kill(pid, SIGKILL));
	EXPECT_KILLED(pid, SIGKILL, "child sleeping in nanosleep");
	printf("SIGKILL to a child in nanosleep: WTERMSIG SIGKILL\n");
	EXPECT_ERR(kill(pid, 0), ESRCH);
	printf("kill after it was reaped: ESRCH\n");

	pid = sleeper(1);
	OK(kill(pid, SIGKILL));
	EXPECT_KILLED(pid, SIGKILL, "child blocked in read");
	printf("SIGKILL to a child blocked in read: WTERMSIG SIGKILL\n");

	pid = sleeper(0);
	OK(kill(pid, SIGTERM));
	EXPECT_KILLED(pid, SIGTERM, "child sleeping in nanosleep");
	printf("SIGTERM (default action) to a sleeping child: WTERMSIG SIGTERM\n");
	pass();
}
