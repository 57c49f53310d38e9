/*
 * clone_vfork_stack: CLONE_VFORK stops the parent until the child exits or
 * execs, whatever stack the child runs on: CLONE_VM|CLONE_VFORK with a
 * stack of its own is how posix_spawn() starts a program. Without CLONE_VM
 * the child's writes stay its own even so.
 */
#include "clone.h"
#include <fcntl.h>
#include <spawn.h>
#include <time.h>

extern char **environ;
static volatile int step;
static const char *self;
static int done[2] = { -1, -1 };	/* the last child says "done" here, just before it exits */

/* Take a while, so a parent that did not wait would be seen running. */
static int child_dawdles(void *arg)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	(void)arg;
	step = 1;
	nanosleep(&ts, NULL);
	step = 2;
	if (done[1] >= 0)
		write(done[1], "x", 1);
	return 0;
}

/* Run this program again with an argument: it exits 7 at once. */
static int child_execs(void *arg)
{
	char *argv[] = { (char *)self, "child", NULL };

	(void)arg;
	step = 3;
	execve(self, argv, environ);
	return 127;
}

int main(int argc, char **argv)
{
	char *spawn_argv[] = { NULL, "child", NULL };
	pid_t pid;
	char c;

	if (argc > 1 && argv[1])
		return 7;
	check_start();
	self = bin_path(TEST_NAME);
	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_VFORK | SIGCHLD, child_dawdles, NULL, NULL, NULL,
				 NULL));
	CHECK(step == 2, "CLONE_VM|CLONE_VFORK: expected the child finished (step 2), got step %d",
	      step);
	printf("CLONE_VM|CLONE_VFORK, own stack: the parent resumes only after the child exits: yes\n");
	EXPECT_EXIT(pid, 0, "vfork child");

	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_VFORK | SIGCHLD, child_execs, NULL, NULL, NULL,
				 NULL));
	PROP(step == 3, "CLONE_VM|CLONE_VFORK, own stack: the parent resumes once the child execs");
	EXPECT_EXIT(pid, 7, "the exec'd child");

	step = 0;
	xpipe(done);
	OK(fcntl(done[0], F_SETFL, O_NONBLOCK));
	pid = (pid_t)OK(clone_fn(CLONE_VFORK | SIGCHLD, child_dawdles, NULL, NULL, NULL, NULL));
	PROP(read(done[0], &c, 1) == 1,
	     "CLONE_VFORK without CLONE_VM: the parent resumes only after the child is done");
	PROP(step == 0, "CLONE_VFORK without CLONE_VM: the child's writes were to its own copy");
	EXPECT_EXIT(pid, 0, "CLONE_VFORK child");

	spawn_argv[0] = (char *)self;
	CHECK(posix_spawn(&pid, self, NULL, NULL, spawn_argv, environ) == 0, "posix_spawn failed");
	EXPECT_EXIT(pid, 7, "posix_spawn's child");
	printf("posix_spawn (CLONE_VM|CLONE_VFORK on a stack of its own) runs the program: yes\n");
	pass();
}
