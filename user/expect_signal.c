/*
 * expect_signal: the runner for programs whose point is to die.
 *
 *     expect_signal SIGSEGV /bin/segv [ARGS...]
 *
 * runs the program in a child (fork + execve), lets its output through, and
 * passes if it was killed by that signal. The PASS/FAIL line names the
 * program, not the runner. Core dumps are turned off first.
 */
#include <libgen.h>
#include <sys/resource.h>
#include "proc.h"

int main(int argc, char **argv)
{
	struct rlimit no_core = { 0, 0 };
	const char *name;
	int sig, status;
	pid_t pid;

	check_start();
	CHECK(argc >= 3, "usage: expect_signal SIGNAL PROGRAM [ARGS...]");
	sig = signum(argv[1]);
	CHECK(sig > 0, "unknown signal %s", argv[1]);
	name = basename(strdup(argv[2]));
	pid = xfork();
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);	/* no core files; errors do not matter */
		execv(argv[2], argv + 2);
		printf("FAIL: %s: execv(%s): %s\n", name, argv[2], errname(errno));
		_exit(127);
	}
	status = reap(pid);
	if (WIFSIGNALED(status) && WTERMSIG(status) == sig) {
		printf("%s was killed by %s: yes\n", name, signame(sig));
		printf("PASS: %s\n", name);
		return 0;
	}
	printf("FAIL: %s: expected killed by %s, got %s\n", name, signame(sig), status_str(status));
	return 1;
}
