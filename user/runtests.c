/*
 * runtests: run the user tests inside one system, the same way
 * user/check-linux.sh runs them natively, so one boot can run them all.
 *
 *     runtests [-v] [-i ISSUE] [-l LIST] [-e EXPECTED_DIR] [NAME...]
 *
 * Defaults: LIST /etc/forklift/tests.list, EXPECTED_DIR
 * /etc/forklift/expected, programs from $FORKLIFT_BIN or /bin. For each
 * test in the list (only those of issue <= ISSUE with -i, only the NAMEs
 * given, if any) it forks, points the child's stdout at a pipe, execs
 * /bin/NAME (or `expect_signal SIGNAL /bin/NAME` for a program that must
 * die), reads all the output, reaps the child, and compares: exit 0 and
 * stdout equal to EXPECTED_DIR/NAME.out. Prints "ok NAME" or "FAIL NAME"
 * with what differed, then "N passed, N failed"; exits 1 if any failed.
 * -v prints "# NAME" before each test, so a hang shows which one. There is
 * no timeout here (no signals yet): the harness's timeout on the boot is it.
 */
#include <fcntl.h>
#include "proc.h"

#define OUT_MAX (256 * 1024)

static char got[OUT_MAX], want[OUT_MAX];

/* Read fd to EOF into buf (at most max - 1 bytes, NUL-terminated); return the length. */
static long read_all(int fd, char *buf, long max)
{
	long total = 0, n;

	while ((n = read(fd, buf + total, max - 1 - total)) > 0)
		total += n;
	buf[total] = 0;
	return total;
}

/* Show where got and want first differ, the way diff would start. */
static void show_difference(const char *name)
{
	const char *g = got, *w = want;
	int line = 1;

	while (*g && *g == *w) {
		if (*g == '\n')
			line++;
		g++, w++;
	}
	while (g > got && g[-1] != '\n')
		g--, w--;
	printf("    first difference from expected/%s.out, line %d:\n", name, line);
	printf("    expected: %.*s\n", (int)strcspn(w, "\n"), *w ? w : "(end of output)");
	printf("    got:      %.*s\n", (int)strcspn(g, "\n"), *g ? g : "(end of output)");
}

/* Run one test; return 1 if it passed. */
static int run_one(const char *name, const char *expect, const char *expected_dir)
{
	char path[512], prog[512];
	int fds[2], fd, status;
	long len;
	pid_t pid;

	snprintf(prog, sizeof(prog), "%s", bin_path(name));
	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		char *pass_argv[] = { (char *)name, NULL };
		char *sig_argv[] = { "expect_signal", (char *)expect, prog, NULL };
		dup2(fds[1], 1);
		close(fds[0]), close(fds[1]);
		if (!strcmp(expect, "pass"))
			execv(prog, pass_argv);
		else
			execv(bin_path("expect_signal"), sig_argv);
		printf("FAIL: %s: execv: %s\n", name, errname(errno));
		exit(127);
	}
	close(fds[1]);
	read_all(fds[0], got, sizeof(got));
	close(fds[0]);
	status = reap(pid);

	snprintf(path, sizeof(path), "%s/%s.out", expected_dir, name);
	fd = open(path, O_RDONLY);
	len = fd >= 0 ? read_all(fd, want, sizeof(want)) : -1;
	if (fd >= 0)
		close(fd);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !strncmp(got, "SKIP: ", 6)) {
		printf("ok %s # %.*s\n", name, (int)strcspn(got, "\n"), got);
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && len >= 0 && !strcmp(got, want)) {
		printf("ok %s\n", name);
		return 1;
	}
	printf("FAIL %s (%s)\n", name, len < 0 ? "no expected output file" : status_str(status));
	if (len >= 0)
		show_difference(name);
	return 0;
}

int main(int argc, char **argv)
{
	const char *list = "/etc/forklift/tests.list", *expected = "/etc/forklift/expected";
	static char text[64 * 1024];
	int max_issue = 1 << 30, verbose = 0, passed = 0, failed = 0, opt, fd;
	char *line, *save;

	check_start();
	while ((opt = getopt(argc, argv, "vi:l:e:")) != -1) {
		if (opt == 'v')
			verbose = 1;
		else if (opt == 'i')
			max_issue = atoi(optarg);
		else if (opt == 'l')
			list = optarg;
		else if (opt == 'e')
			expected = optarg;
		else
			CHECK(0, "usage: runtests [-v] [-i ISSUE] [-l LIST] [-e EXPECTED_DIR] [NAME...]");
	}
	fd = open(list, O_RDONLY);
	CHECK(fd >= 0, "open(%s): %s", list, errname(errno));
	read_all(fd, text, sizeof(text));
	close(fd);

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[64], expect[16];
		int issue, wanted = optind == argc;

		if (line[0] == '#' || sscanf(line, "%63s %15s %d", name, expect, &issue) != 3)
			continue;
		for (int i = optind; i < argc; i++)
			wanted |= !strcmp(argv[i], name);
		if (!wanted || issue > max_issue)
			continue;
		if (verbose)
			printf("# %s\n", name);
		if (run_one(name, expect, expected))
			passed++;
		else
			failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
