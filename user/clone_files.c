/*
 * clone_files: with CLONE_FILES parent and child share one fd table, so a
 * file the child opens is open in the parent, and one it closes is closed
 * there; without it the child has a copy (as after fork).
 */
#include "clone.h"
#include <fcntl.h>

/* Open /dev/null; exit with the fd's number. */
static int child_opens(void *arg)
{
	(void)arg;
	return open("/dev/null", O_RDONLY);
}

/* Close the fd in arg; exit 0 if that worked. */
static int child_closes(void *arg)
{
	return close((int)(long)arg) == 0 ? 0 : 1;
}

/* Reap pid, which must have exited with a status that is a sane fd number. */
static int reap_fd(pid_t pid)
{
	int status = reap(pid);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) > 2 && WEXITSTATUS(status) < 255,
	      "child: expected an fd number as exit status, got %s", status_str(status));
	return WEXITSTATUS(status);
}

int main(void)
{
	pid_t pid;
	int fd, mine;

	check_start();
	pid = (pid_t)OK(clone_fn(CLONE_FILES | SIGCHLD, child_opens, NULL, NULL, NULL, NULL));
	fd = reap_fd(pid);
	PROP(fcntl(fd, F_GETFD) != -1, "CLONE_FILES: an fd the child opened is open in the parent");

	pid = (pid_t)OK(clone_fn(CLONE_FILES | SIGCHLD, child_closes, (void *)(long)fd, NULL, NULL,
				 NULL));
	EXPECT_EXIT(pid, 0, "CLONE_FILES child closing");
	EXPECT_ERR(fcntl(fd, F_GETFD), EBADF);
	printf("CLONE_FILES: an fd the child closed is closed in the parent: yes\n");

	pid = (pid_t)OK(clone_fn(SIGCHLD, child_opens, NULL, NULL, NULL, NULL));
	fd = reap_fd(pid);
	EXPECT_ERR(fcntl(fd, F_GETFD), EBADF);
	printf("without CLONE_FILES: an fd the child opened is not open in the parent: yes\n");

	mine = OK(open("/dev/null", O_RDONLY));
	pid = (pid_t)OK(clone_fn(SIGCHLD, child_closes, (void *)(long)mine, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "child closing its copy");
	PROP(fcntl(mine, F_GETFD) != -1,
	     "without CLONE_FILES: the child closing its copy leaves the parent's fd open");
	close(mine);
	pass();
}
