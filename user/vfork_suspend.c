/*
 * vfork_suspend: after vfork, the parent does not run until the child
 * _exits, and the child runs in the parent's memory (Linux's CLONE_VM), so
 * its writes are there when the parent resumes. The child writes 1, sleeps
 * 100 ms, then writes 2: a parent that ran during the sleep would see 1.
 */
#include <time.h>
#include "proc.h"

static volatile int step;
static volatile pid_t child_pid;

int main(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	volatile int on_stack = 0;
	pid_t pid, parent = getpid();

	check_start();
	pid = vfork();
	CHECK(pid != -1, "vfork: expected a child, got %s", errname(errno));
	if (pid == 0) {
		/* Only stores and system calls here: this is the parent's memory. */
		step = 1;
		nanosleep(&pause, NULL);
		step = 2;
		on_stack = getppid() == parent ? 3 : -3;
		child_pid = getpid();
		_exit(5);
	}
	PROP(step == 2, "parent resumed only after the child's last store (not during its sleep)");
	PROP(on_stack != 0, "the child's store to the parent's stack is visible");
	PROP(on_stack == 3, "the child's getppid() was the parent");
	PROP(child_pid == pid, "vfork returned the pid the child saw as its own");
	EXPECT_EXIT(pid, 5, "vfork child");
	printf("the child is reaped with exit status 5: yes\n");
	pass();
}
