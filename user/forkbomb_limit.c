/*
 * forkbomb_limit: RLIMIT_NPROC bounds the processes a user may have. With
 * the limit at 8, forking children that stay alive fails with EAGAIN before
 * an 8th process of ours exists; after all are reaped, fork works again.
 *
 * Linux does not apply the limit to root (uid 0; also CAP_SYS_RESOURCE or
 * CAP_SYS_ADMIN). So the test first becomes an unprivileged user (uid and
 * gid 54321, used by nothing else), where the limit applies, and the count
 * is exact: the test process plus 7 children. Where that is impossible
 * (setresuid fails, e.g. unimplemented), it tries as root and, if no fork
 * fails, says so with a SKIP line instead of pretending to pass.
 */
#define _GNU_SOURCE	/* setresuid, setresgid */
#include <sys/resource.h>
#include "proc.h"

#define LIMIT 8
#define MAX_TRY 64	/* more than LIMIT: a missing limit shows, a bomb does not happen */
#define UNPRIVILEGED 54321

int main(void)
{
	struct rlimit rl = { LIMIT, LIMIT };
	pid_t kids[MAX_TRY];
	int release[2], n = 0, fork_errno = 0, as_root;
	char c;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	as_root = setresgid(UNPRIVILEGED, UNPRIVILEGED, UNPRIVILEGED) != 0 ||
		  setresuid(UNPRIVILEGED, UNPRIVILEGED, UNPRIVILEGED) != 0;
	if (as_root)
		fprintf(stderr, "forkbomb_limit: cannot become uid %d (%s); trying as uid %d\n",
			UNPRIVILEGED, errname(errno), (int)getuid());
	OK(setrlimit(RLIMIT_NPROC, &rl));
	xpipe(release);

	while (n < MAX_TRY) {
		pid_t pid = fork();

		if (pid == -1) {
			fork_errno = errno;
			break;
		}
		if (pid == 0) {
			close(release[1]);
			while (read(release[0], &c, 1) > 0)
				;
			_exit(0);
		}
		kids[n++] = pid;
	}
	OK(close(release[1]));
	for (int i = 0; i < n; i++)
		EXPECT_EXIT(kids[i], 0, "child");
	EXPECT_ERR(wait(NULL), ECHILD);

	if (as_root && fork_errno == 0 && getuid() == 0)
		skip("root is exempt from RLIMIT_NPROC (as on Linux) and setresuid failed");
	CHECK(fork_errno == EAGAIN, "fork #%d: expected EAGAIN at RLIMIT_NPROC %d, got %s", n + 1,
	      LIMIT, fork_errno ? errname(fork_errno) : "no failure in 64 forks");
	printf("with RLIMIT_NPROC %d, fork fails with EAGAIN: yes\n", LIMIT);
	CHECK(n < LIMIT, "expected fewer than %d children before EAGAIN, got %d", LIMIT, n);
	if (!as_root)
		CHECK(n == LIMIT - 1, "as the only process of uid %d: expected %d children, got %d",
		      UNPRIVILEGED, LIMIT - 1, n);
	printf("fewer than %d children were created before it: yes\n", LIMIT);
	printf("all children reaped, then wait: ECHILD\n");
	pid_t pid = xfork();
	if (pid == 0)
		_exit(3);
	EXPECT_EXIT(pid, 3, "child after the storm");
	printf("after reaping, fork works again: yes\n");
	pass();
}
