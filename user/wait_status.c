/*
 * wait_status: every kind of wait status and wait4's errors. Exit codes 0,
 * 1 and 255 come back as WIFEXITED/WEXITSTATUS; SIGKILL and a segfault as
 * WIFSIGNALED/WTERMSIG; WNOHANG returns 0 while the child runs; wait with
 * no children is ECHILD; unknown option bits are EINVAL.
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "proc.h"

/* A child that runs until its stdin-like pipe closes, then exits with code. */
static pid_t child_until_eof(int fds[2], int code)
{
	pid_t pid;
	char c;

	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		exit(code);
	}
	close(fds[0]);
	return pid;
}

int main(void)
{
	static const int codes[] = { 0, 1, 255 };
	struct rlimit no_core = { 0, 0 };
	int fds[2], status = 0;
	pid_t pid;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	EXPECT_ERR(wait(&status), ECHILD);
	EXPECT_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
	printf("wait and waitpid(WNOHANG) with no children: ECHILD\n");

	for (int i = 0; i < 3; i++) {
		pid = xfork();
		if (pid == 0)
			exit(codes[i]);
		status = reap(pid);
		CHECK(WIFEXITED(status) && !WIFSIGNALED(status) && WEXITSTATUS(status) == codes[i],
		      "expected exited with %d, got %s", codes[i], status_str(status));
		printf("exit(%d): WIFEXITED, WEXITSTATUS %d\n", codes[i], WEXITSTATUS(status));
	}

	pid = child_until_eof(fds, 9);
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);
	EXPECT_EQ(waitpid(-1, &status, WNOHANG), 0);
	printf("WNOHANG while the child runs: returns 0\n");
	close(fds[1]);
	EXPECT_EXIT(pid, 9, "child");
	printf("after its pipe closes, the child exits with 9, reaped\n");

	pid = child_until_eof(fds, 0);
	OK(kill(pid, SIGKILL));
	status = reap(pid);
	CHECK(WIFSIGNALED(status) && !WIFEXITED(status) && WTERMSIG(status) == SIGKILL,
	      "expected killed by SIGKILL, got %s", status_str(status));
	printf("SIGKILL: WIFSIGNALED, WTERMSIG SIGKILL\n");
	close(fds[1]);

	pid = xfork();
	if (pid == 0) {
		volatile int *volatile null = NULL;
		setrlimit(RLIMIT_CORE, &no_core);	/* no core file, no WCOREDUMP */
		*null = 1;
		exit(0);
	}
	status = reap(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "expected killed by SIGSEGV, got %s", status_str(status));
	printf("store to NULL: WIFSIGNALED, WTERMSIG SIGSEGV\n");

	EXPECT_ERR(syscall(SYS_wait4, -1, &status, 0x1000, NULL), EINVAL);
	EXPECT_ERR(syscall(SYS_wait4, -1, &status, WNOWAIT, NULL), EINVAL);
	printf("wait4 with an unknown option bit or WNOWAIT: EINVAL\n");
	EXPECT_ERR(wait(&status), ECHILD);
	pass();
}
