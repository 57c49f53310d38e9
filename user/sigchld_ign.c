/*
 * sigchld_ign: with SIGCHLD set to SIG_IGN, children are reaped as they
 * exit (no zombies): wait blocks until all have exited, then fails with
 * ECHILD (200 rounds of it). Back at SIG_DFL, a child is a zombie again and wait gets it.
 */
#include <signal.h>
#include "proc.h"

int main(void)
{
	int status;
	pid_t pid;

	check_start();
	signal(SIGCHLD, SIG_IGN);
	/* Many rounds: on SMP a wait that counted a child already being
	 * released (EXIT_DEAD) slept forever once that child was gone. */
	for (int round = 0; round < 200; round++) {
		for (int i = 0; i < 3; i++)
			if (xfork() == 0)
				exit(5 + i);
		EXPECT_ERR(wait(&status), ECHILD);
	}
	printf("SIG_IGN: wait waits for the 3 children, then ECHILD: yes\n");
	pid = xfork();
	if (pid == 0)
		exit(9);
	EXPECT_ERR(waitpid(pid, &status, 0), ECHILD);
	printf("SIG_IGN: waitpid for one child: ECHILD, no status\n");

	signal(SIGCHLD, SIG_DFL);
	pid = xfork();
	if (pid == 0)
		exit(8);
	EXPECT_EXIT(pid, 8, "child after SIG_DFL");
	printf("SIG_DFL again: the child is reaped with its status 8\n");
	pass();
}
