/*
 * orphan: when a process exits, its children go to the nearest subreaper.
 * The test process makes itself a subreaper (prctl PR_SET_CHILD_SUBREAPER);
 * its child forks a grandchild and exits; the grandchild's getppid() turns
 * into the subreaper's pid, and the subreaper reaps it.
 */
#include <sys/prctl.h>
#include <time.h>
#include "proc.h"

int main(void)
{
	pid_t reaper = getpid(), middle, grandchild;
	int is_reaper = 0, status;

	check_start();
	OK(prctl(PR_SET_CHILD_SUBREAPER, 1));
	OK(prctl(PR_GET_CHILD_SUBREAPER, &is_reaper));
	PROP(is_reaper == 1, "PR_GET_CHILD_SUBREAPER reports 1");
	middle = xfork();
	if (middle == 0) {
		pid_t me = getpid();

		if (xfork() == 0) {
			/* Grandchild: wait (at most 10 s) for the middle child to die. */
			struct timespec ms = { 0, 1000000 };
			for (int i = 0; getppid() == me && i < 10000; i++)
				nanosleep(&ms, NULL);
			CHECK(getppid() == reaper, "grandchild: expected the subreaper as parent, got %s",
			      getppid() == me ? "still the middle child after 10 s" : "another pid");
			printf("grandchild: after its parent exited, getppid() is the subreaper: yes\n");
			exit(7);
		}
		exit(0);
	}
	EXPECT_EXIT(middle, 0, "middle child");
	grandchild = wait(&status);
	CHECK(grandchild > 0 && grandchild != middle, "wait: expected the grandchild, got %s",
	      grandchild > 0 ? "the middle child again" : errname(errno));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "grandchild: expected exited with 7, got %s", status_str(status));
	printf("subreaper: reaped the orphaned grandchild, exit status 7: yes\n");
	EXPECT_ERR(wait(NULL), ECHILD);
	pass();
}
