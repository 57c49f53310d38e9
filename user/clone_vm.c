/*
 * clone_vm: with CLONE_VM the child runs in its parent's address space, so
 * its writes are the parent's; without it the child has a copy-on-write
 * copy (as after fork), and its writes stay its own.
 */
#include "clone.h"

static volatile int shared = 1;

static int child_writes(void *arg)
{
	shared = (int)(long)arg;
	return shared == (int)(long)arg ? 0 : 1;
}

int main(void)
{
	pid_t pid;

	check_start();
	pid = (pid_t)OK(clone_fn(CLONE_VM | SIGCHLD, child_writes, (void *)42L, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "CLONE_VM child");
	CHECK(shared == 42, "CLONE_VM: expected the child's 42 in the parent, got %d", shared);
	printf("CLONE_VM: the child's write is the parent's: yes\n");

	pid = (pid_t)OK(clone_fn(SIGCHLD, child_writes, (void *)7L, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "child without CLONE_VM");
	CHECK(shared == 42, "without CLONE_VM: expected the parent's 42 unchanged, got %d", shared);
	printf("without CLONE_VM: the child wrote its own copy, the parent's is unchanged: yes\n");
	pass();
}
