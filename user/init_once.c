/*
 * init_once: init when it is not pid 1 (as here) is in once mode: it prints
 * its banner (the kernel's name and release, from uname, and a hint to type
 * help), runs the start-up script it is given with the shell and exits with
 * that script's status; given none, it runs one shell on its stdin and
 * exits with that shell's status; given a script that is missing, it says
 * so and exits 127. (As pid 1 it restarts the shell instead: that needs a
 * boot.) Natively init is $FORKLIFT_BIN/init; on Forklift /sbin/init.
 */
#include <fcntl.h>
#include <sys/utsname.h>
#include "proc.h"

static char out[16384];

/* Run init with argument arg (or none), stdin the text input; return its wait status, output in out. */
static int run_init(const char *arg, const char *input)
{
	const char *bin = getenv("FORKLIFT_BIN");
	char init[512];
	int in[2], res[2], status;
	long n, total = 0;
	pid_t pid;

	snprintf(init, sizeof(init), "%s", bin && *bin ? bin_path("init") : "/sbin/init");
	xpipe(in);
	xpipe(res);
	pid = xfork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(res[1], 1);
		dup2(res[1], 2);
		close(in[0]), close(in[1]), close(res[0]), close(res[1]);
		execl(init, "init", arg, (char *)NULL);
		printf("FAIL: %s: execl(%s): %s\n", TEST_NAME, init, errname(errno));
		exit(127);
	}
	close(in[0]);
	close(res[1]);
	EXPECT_EQ(write(in[1], input, strlen(input)), (long)strlen(input));
	close(in[1]);
	while ((n = read(res[0], out + total, sizeof(out) - 1 - total)) > 0)
		total += n;
	out[total] = 0;
	close(res[0]);
	status = reap(pid);
	return status;
}

int main(void)
{
	char rc[64], banner[256];
	struct utsname u;
	int fd, status;

	check_start();
	OK(uname(&u));
	snprintf(banner, sizeof(banner), "\n%s %s (", u.sysname, u.release);
	snprintf(rc, sizeof(rc), "/tmp/init_once.%d.rc", (int)getpid());
	fd = OK(open(rc, O_WRONLY | O_CREAT | O_TRUNC, 0644));
	EXPECT_EQ(write(fd, "echo the start-up script ran\nexit 7\n", 36), 36);
	OK(close(fd));

	status = run_init(rc, "");
	CHECK(!strncmp(out, banner, strlen(banner)),
	      "init's first line: expected \"%s...\", got \"%.60s\"", banner + 1, out);
	PROP(strstr(out, "Type help"), "init's banner names the kernel (uname) and says: type help");
	CHECK(strstr(out, "\nthe start-up script ran\n"), "init with a script: its output is missing: \"%s\"", out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "init with a script: expected exited with 7, got %s", status_str(status));
	printf("init with a start-up script: ran it and exited with its status (7): yes\n");
	OK(unlink(rc));

	status = run_init(NULL, "echo the shell read this\nexit 5\n");
	CHECK(strstr(out, "\nthe shell read this\n"), "init with no script: the shell's output is missing: \"%s\"", out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5,
	      "init with no script: expected exited with 5, got %s", status_str(status));
	printf("init with no script: ran the shell on its stdin and exited with its status (5): yes\n");

	status = run_init(rc, "");
	CHECK(strstr(out, "init: /tmp/init_once.") && strstr(out, ": No such file or directory\n"),
	      "init with a missing script: expected it said so, got \"%s\"", out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 127,
	      "init with a missing script: expected exited with 127, got %s", status_str(status));
	printf("init with a missing script: said so and exited with 127: yes\n");
	pass();
}
