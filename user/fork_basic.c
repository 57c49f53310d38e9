/*
 * fork_basic: fork returns 0 in the child and the child's pid in the
 * parent; the child has its own pid and its getppid() is the parent; the
 * parent's wait4 returns that same pid; two children get different pids.
 */
#include "proc.h"

int main(void)
{
	pid_t parent, pid, pid2;

	check_start();
	parent = getpid();
	pid = xfork();
	if (pid == 0) {
		printf("child: fork returned 0: yes\n");
		PROP(getpid() != parent, "child: getpid() differs from the parent's");
		PROP(getppid() == parent, "child: getppid() is the parent's pid");
		exit(0);
	}
	/* The child printed first: the parent prints only after wait4 returns. */
	EXPECT_EXIT(pid, 0, "child");
	PROP(pid > 0 && pid != parent, "parent: fork returned a positive pid, not its own");
	printf("parent: wait4 returned the pid fork returned: yes\n");
	PROP(getpid() == parent, "parent: getpid() unchanged by fork");
	pid2 = xfork();
	if (pid2 == 0)
		exit(0);
	EXPECT_EXIT(pid2, 0, "second child");
	PROP(pid2 != pid && pid2 != parent, "a second child gets another pid");
	EXPECT_ERR(wait(NULL), ECHILD);
	printf("wait with no children left: ECHILD\n");
	pass();
}
