/*
 * many_children: 64 children, child i exits with status i. The parent
 * reaps them with wait() in whatever order they finish; each pid is reaped
 * exactly once with its own index; then wait() says ECHILD.
 */
#include "proc.h"

#define N 64

int main(void)
{
	pid_t pids[N];
	int seen[N] = { 0 }, status;

	check_start();
	for (int i = 0; i < N; i++) {
		pids[i] = xfork();
		if (pids[i] == 0)
			exit(i);
	}
	for (int n = 0; n < N; n++) {
		pid_t pid = wait(&status);
		int i = 0;

		CHECK(pid > 0, "wait #%d: expected a child, got -1 with %s", n, errname(errno));
		while (i < N && pids[i] != pid)
			i++;
		CHECK(i < N, "wait #%d: returned a pid that is not one of our children", n);
		CHECK(!seen[i], "child %d was reaped twice", i);
		seen[i] = 1;
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == i,
		      "child %d: expected exited with %d, got %s", i, i, status_str(status));
	}
	printf("%d children forked, each reaped once with its own exit status: yes\n", N);
	EXPECT_ERR(wait(&status), ECHILD);
	printf("then wait: ECHILD\n");
	pass();
}
