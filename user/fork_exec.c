/*
 * fork_exec: fork + execve + wait, the way a shell runs a command. The
 * exec'd program gets exactly the argv and envp passed, a fresh image (a
 * global the parent changed is back to its initial value), the fds without
 * FD_CLOEXEC (those with it are closed), and the same parent. execve of a
 * missing file is ENOENT, of a directory EACCES, of an executable file
 * that is not ELF (nor #!) ENOEXEC.
 *
 *     fork_exec --child PARENT_PID "two words" ""    (the exec'd mode)
 */
#include <fcntl.h>
#include <sys/stat.h>
#include "proc.h"

extern char **environ;
static int image_global = 1;	/* the parent sets 2 before forking */

/* The exec'd side: check what came through execve, exit 42 if all is well. */
static void exec_child(int argc, char **argv)
{
	PROP(argc == 5 && !strcmp(argv[3], "two words") && !strcmp(argv[4], ""),
	     "exec'd child: argv arrived exactly (\"two words\", \"\")");
	PROP(getppid() == atoi(argv[2]), "exec'd child: getppid() is the parent that forked it");
	PROP(environ[0] && !strcmp(environ[0], "FORKLIFT_X=y") && !environ[1],
	     "exec'd child: the environment is exactly the one passed");
	PROP(image_global == 1, "exec'd child: a fresh image (the parent's change to a global is gone)");
	PROP(fcntl(10, F_GETFD) == 0, "exec'd child: fd 10 (no FD_CLOEXEC) is still open");
	EXPECT_ERR(fcntl(11, F_GETFD), EBADF);
	printf("exec'd child: fd 11 (FD_CLOEXEC) was closed: yes\n");
	exit(42);
}

/* fork, execve path in the child, return the errno execve failed with. */
static int exec_errno(const char *path)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	pid_t pid = xfork();
	int status;

	if (pid == 0) {
		execve(path, argv, envp);
		exit(errno);
	}
	status = reap(pid);
	CHECK(WIFEXITED(status), "execve(%s) child: %s", path, status_str(status));
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	char parent[16], script[64], *envp[] = { "FORKLIFT_X=y", NULL };
	int fd, fds[2];
	pid_t pid;

	check_start();
	if (argc >= 2 && !strcmp(argv[1], "--child"))
		exec_child(argc, argv);

	image_global = 2;
	snprintf(parent, sizeof(parent), "%d", (int)getpid());
	xpipe(fds);
	OK(dup2(fds[0], 10));
	OK(dup3(fds[1], 11, O_CLOEXEC));
	pid = xfork();
	if (pid == 0) {
		char *cargv[] = { "fork_exec", "--child", parent, "two words", "", NULL };
		execve(bin_path("fork_exec"), cargv, envp);
		printf("FAIL: %s: execve(%s): %s\n", TEST_NAME, bin_path("fork_exec"), errname(errno));
		exit(127);
	}
	EXPECT_EXIT(pid, 42, "exec'd child");
	printf("parent: the exec'd child exited with 42\n");

	EXPECT_EQ(exec_errno("/no/such/file"), ENOENT);
	EXPECT_EQ(exec_errno("/tmp"), EACCES);
	snprintf(script, sizeof(script), "/tmp/fork_exec-test.%d", (int)getpid());
	fd = OK(open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755));
	EXPECT_EQ(write(fd, "not an executable\n", 18), 18);
	OK(close(fd));
	EXPECT_EQ(exec_errno(script), ENOEXEC);
	OK(unlink(script));
	printf("execve of a missing file: ENOENT; a directory: EACCES; a non-ELF file: ENOEXEC\n");
	pass();
}
