/*
 * fork_tree: a binary tree of processes 4 levels below the root. Each node
 * forks two children, reaps exactly those two, and exits with the number of
 * processes in its subtree; the root counts 1 + 2 + 4 + 8 + 16 = 31.
 */
#include "proc.h"

#define DEPTH 4

/* Build the subtree under the calling process; return its size. */
static int subtree(int depth)
{
	pid_t kids[2];
	int count = 1;

	if (depth == DEPTH)
		return 1;
	for (int k = 0; k < 2; k++) {
		kids[k] = xfork();
		if (kids[k] == 0)
			exit(subtree(depth + 1));
	}
	for (int k = 0; k < 2; k++) {
		int status = reap(kids[k]);
		CHECK(WIFEXITED(status), "depth %d: child %s", depth, status_str(status));
		count += WEXITSTATUS(status);
	}
	EXPECT_ERR(wait(NULL), ECHILD);	/* grandchildren were never ours */
	return count;
}

int main(void)
{
	int n;

	check_start();
	n = subtree(0);
	EXPECT_EQ(n, 31);
	printf("processes in the tree of depth %d: %d\n", DEPTH, n);
	printf("every node reaped exactly its own two children: yes\n");
	pass();
}
