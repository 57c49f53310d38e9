/*
 * clone_parent: a child made with CLONE_PARENT is its creator's sibling:
 * its parent is the creator's parent, which gets its exit signal and reaps
 * it; the creator cannot wait for it (ECHILD).
 */
#include "clone.h"

static pid_t grandparent;

/* Exit 0 if our parent is the grandparent, as CLONE_PARENT says. */
static int child_checks_ppid(void *arg)
{
	(void)arg;
	return getppid() == grandparent ? 0 : 1;
}

int main(void)
{
	int link[2], status, reaped = 0;
	pid_t middle, sibling = 0, pid;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	grandparent = getpid();
	xpipe(link);
	middle = xfork();
	if (middle == 0) {
		/* Legacy clone ignores an exit signal with CLONE_PARENT: the
		 * sibling gets ours (SIGCHLD), so a plain wait sees it. */
		pid = (pid_t)OK(clone_fn(CLONE_PARENT | SIGUSR1, child_checks_ppid, NULL, NULL, NULL,
					 NULL));
		CHECK(write(link[1], &pid, sizeof(pid)) == sizeof(pid), "write: %s", errname(errno));
		EXPECT_ERR(waitpid(pid, NULL, __WALL), ECHILD);
		exit(0);
	}
	close(link[1]);
	CHECK(read(link[0], &sibling, sizeof(sibling)) == sizeof(sibling), "read of the pid");
	printf("the creator cannot wait for its CLONE_PARENT child (ECHILD): yes\n");
	while ((pid = waitpid(-1, &status, 0)) > 0) {
		CHECK(pid == middle || pid == sibling, "waitpid: a child we did not expect");
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: expected exited with 0, got %s",
		      pid == middle ? "the creator" : "the CLONE_PARENT child", status_str(status));
		reaped++;
	}
	EXPECT_EQ(reaped, 2);
	printf("the grandparent reaps both the creator and its CLONE_PARENT child: yes\n");
	printf("the CLONE_PARENT child's getppid() is the grandparent: yes\n");
	pass();
}
