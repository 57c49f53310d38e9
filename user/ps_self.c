/*
 * ps_self: ps lists processes from /proc/<pid>/stat. Its output starts
 * with the header "  PID  PPID STATE CMD"; its own line shows this test as
 * its parent, state R (it is running: it reads its own stat) and CMD ps;
 * this test's line shows the test's own parent, state S or R (it is
 * waiting for ps's output, or just woke) and CMD ps_self; pid 1 is listed
 * with parent 0. Without /proc, ps must say "ps: /proc is not available"
 * and exit 1: the test checks that, then SKIPs.
 */
#include <fcntl.h>
#include "proc.h"

static char out[1 << 20];

/* The line of ps's output for pid: its PPID, state and CMD; 0 if there is none. */
static int find(int pid, int *ppid, char *state, char *cmd)
{
	for (char *line = strchr(out, '\n'); line; line = strchr(line + 1, '\n')) {
		int p;
		if (sscanf(line + 1, "%d %d %c %63s", &p, ppid, state, cmd) == 4 && p == pid)
			return 1;
	}
	return 0;
}

int main(void)
{
	int fds[2], status, ppid, fd;
	long n, total = 0;
	char state, cmd[64];
	pid_t pid;

	check_start();
	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]), close(fds[1]);
		execl(bin_path("ps"), "ps", (char *)NULL);
		printf("FAIL: %s: execl(%s): %s\n", TEST_NAME, bin_path("ps"), errname(errno));
		exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], out + total, sizeof(out) - 1 - total)) > 0)
		total += n;
	close(fds[0]);
	status = reap(pid);

	fd = open("/proc/self/stat", O_RDONLY);
	if (fd >= 0)
		close(fd);
	if (fd < 0) {
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1 &&
		      !strcmp(out, "ps: /proc is not available\n"),
		      "ps without /proc: expected \"ps: /proc is not available\" and exited with 1, "
		      "got \"%s\" and %s", out, status_str(status));
		skip("no /proc here: ps said \"ps: /proc is not available\" and exited with 1");
	}
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "ps: expected exited with 0, got %s",
	      status_str(status));
	PROP(!strncmp(out, "  PID  PPID STATE CMD\n", 22), "ps's first line is \"  PID  PPID STATE CMD\"");
	CHECK(find(pid, &ppid, &state, cmd), "ps lists no line for itself (pid %d)", (int)pid);
	CHECK(ppid == getpid() && state == 'R' && !strcmp(cmd, "ps"),
	      "ps's own line: expected PPID %d (the test), state R, CMD ps; got %d, %c, %s",
	      (int)getpid(), ppid, state, cmd);
	printf("ps's own line: PPID is this test, state R, CMD ps: yes\n");
	CHECK(find(getpid(), &ppid, &state, cmd), "ps lists no line for this test");
	CHECK(ppid == getppid() && (state == 'S' || state == 'R') && !strcmp(cmd, TEST_NAME),
	      "this test's line: expected PPID %d, state S or R, CMD %s; got %d, %c, %s",
	      (int)getppid(), TEST_NAME, ppid, state, cmd);
	printf("this test's line: its parent, state S or R, CMD %s: yes\n", TEST_NAME);
	PROP(find(1, &ppid, &state, cmd) && ppid == 0, "pid 1 is listed, with PPID 0");
	pass();
}
