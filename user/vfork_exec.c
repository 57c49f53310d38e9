/*
 * vfork_exec: the vfork parent resumes when the child execs, not only when
 * it exits. The child execs this program again in a mode that waits for a
 * pipe to close: the parent is back while that program still runs. Then
 * vfork + execve of /bin/hello, and a failed execve whose errno the parent
 * sees in the memory it shared with the child.
 *
 *     vfork_exec --wait     (the exec'd mode: read stdin to EOF, exit 42)
 */
#include <fcntl.h>
#include "proc.h"

static volatile int child_errno;

int main(int argc, char **argv)
{
	char *wait_argv[] = { "vfork_exec", "--wait", NULL };
	char *hello_argv[] = { "hello", NULL };
	char *none_argv[] = { "no-such-program", NULL };
	char *envp[] = { NULL }, c;
	const char *self = bin_path("vfork_exec"), *hello = bin_path("hello");
	int fds[2], status;
	pid_t pid;

	check_start();
	if (argc == 2 && !strcmp(argv[1], "--wait")) {
		while (read(0, &c, 1) > 0)
			;
		exit(42);
	}

	OK(pipe2(fds, O_CLOEXEC));	/* the exec'd child keeps only its dup2'd stdin */
	pid = vfork();
	CHECK(pid != -1, "vfork: %s", errname(errno));
	if (pid == 0) {
		dup2(fds[0], 0);
		execve(self, wait_argv, envp);
		child_errno = errno;
		_exit(127);
	}
	CHECK(child_errno == 0, "execve(%s): expected to run, got %s", self, errname(child_errno));
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);
	printf("parent resumed while the exec'd child still runs: yes\n");
	OK(close(fds[1]));
	EXPECT_EXIT(pid, 42, "exec'd child");
	printf("after the pipe closed, the exec'd child exited with 42: yes\n");

	pid = vfork();
	if (pid == 0) {
		execve(hello, hello_argv, envp);
		_exit(127);
	}
	EXPECT_EXIT(pid, 0, "/bin/hello");
	printf("vfork + execve of hello: it ran and exited 0\n");

	pid = vfork();
	if (pid == 0) {
		execve("/no/such/program", none_argv, envp);
		child_errno = errno;
		_exit(127);
	}
	EXPECT_EXIT(pid, 127, "child whose execve failed");
	CHECK(child_errno == ENOENT, "expected the child's execve to fail with ENOENT, got %s",
	      errname(child_errno));
	printf("failed execve: the child's ENOENT is in the parent's memory, exit 127: yes\n");
	pass();
}
