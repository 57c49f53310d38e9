/*
 * clone_cleartid: CLONE_CHILD_CLEARTID makes the kernel write 0 to the
 * child's child_tid word when it exits (pthread_join waits on that word;
 * the futex wake that goes with it is not checked here). The write goes to
 * the child's memory: with CLONE_VM that is the parent's.
 */
#include "clone.h"

static volatile pid_t ctid;

static int child_returns(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	pid_t pid;

	check_start();
	ctid = -1;
	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_CHILD_CLEARTID | SIGCHLD, child_returns, NULL, NULL,
				 NULL, (pid_t *)&ctid));
	EXPECT_EXIT(pid, 0, "CLONE_CHILD_CLEARTID child");
	CHECK(ctid == 0, "CLONE_CHILD_CLEARTID: expected 0 in child_tid after the exit, got %d",
	      (int)ctid);
	printf("CLONE_CHILD_CLEARTID with CLONE_VM: child_tid is 0 once the child has exited: yes\n");

	ctid = -1;
	pid = (pid_t)OK(clone_fn(CLONE_CHILD_CLEARTID | SIGCHLD, child_returns, NULL, NULL, NULL,
				 (pid_t *)&ctid));
	EXPECT_EXIT(pid, 0, "child without CLONE_VM");
	PROP(ctid == -1, "without CLONE_VM: only the child's copy is cleared, the parent's word stays");
	pass();
}
