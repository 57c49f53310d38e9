/*
 * clone_settid: CLONE_PARENT_SETTID stores the child's tid in the parent's
 * memory before clone returns; CLONE_CHILD_SETTID stores it in the child's
 * memory when the child first runs (both in one memory with CLONE_VM).
 * Both equal the pid clone returns and the child's own gettid().
 */
#include "clone.h"

static volatile pid_t ptid, ctid, child_tid;

/* Exit 0 if the child's copy of ctid holds its tid. */
static int child_checks(void *arg)
{
	(void)arg;
	child_tid = sys_gettid();
	return ctid == sys_gettid() ? 0 : 1;
}

int main(void)
{
	pid_t pid;

	check_start();
	pid = (pid_t)OK(clone_fn(CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, child_checks,
				 NULL, (pid_t *)&ptid, NULL, (pid_t *)&ctid));
	CHECK(ptid == pid, "CLONE_PARENT_SETTID: expected the child's pid in parent_tid, got %s",
	      ptid ? "another number" : "0");
	printf("CLONE_PARENT_SETTID: parent_tid holds the child's tid when clone returns: yes\n");
	EXPECT_EXIT(pid, 0, "CLONE_CHILD_SETTID child (its child_tid must be its tid)");
	printf("CLONE_CHILD_SETTID: the child's child_tid holds its tid: yes\n");
	PROP(ctid == 0, "without CLONE_VM the parent's child_tid word is untouched");

	ptid = 0;
	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
				 child_checks, NULL, (pid_t *)&ptid, NULL, (pid_t *)&ctid));
	EXPECT_EXIT(pid, 0, "CLONE_VM child");
	PROP(ptid == pid && ctid == pid && child_tid == pid,
	     "with CLONE_VM: parent_tid, child_tid and the child's gettid() are its pid");
	pass();
}
