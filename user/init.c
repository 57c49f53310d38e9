/*
 * init: the first user program. The kernel runs /sbin/init as pid 1 with
 * fds 0, 1 and 2 on the console.
 *
 *     init [once | --once] [RC]
 *
 * 1. It prints a banner: the kernel's name and release (uname) and a hint
 *    to type help.
 * 2. If the start-up script RC exists (default /etc/rc), it runs
 *    `/bin/sh RC` and waits for it.
 * 3. It starts the shell, /bin/sh, in a session of its own (setsid) with
 *    the console as its controlling terminal (TIOCSCTTY, where the kernel
 *    has it), and waits, reaping every child that exits meanwhile: orphans
 *    are handed to pid 1, and only its wait4(-1, ...) lets them go. When
 *    the shell exits, a new one starts.
 *
 * Once mode, for tests and scripted boots: with the word `once` (Linux
 * hands init the command-line words it does not know, and everything after
 * `--`) or `--once`, init does not loop: it exits with RC's status if an
 * RC ran, else with the status of one shell on the console. The kernel
 * then powers off with that status, so a boot can run a test script:
 *
 *     make run EXTRA_ROOTFS=mydir CMDLINE="init=/sbin/init once"
 *     (with the script in mydir/etc/rc)
 *
 * Not pid 1 (run natively, as the test init_once does): once mode, and no
 * /etc/rc unless RC is given. $FORKLIFT_BIN, the test runners' variable,
 * then stands for /bin.
 *
 * As pid 1 it must not exit by accident (the machine powers off): it exits
 * only in once mode, when /bin/sh cannot be run at all (status 127), or
 * when the shell ends and stdin is not a terminal (isatty: the console
 * must answer TIOCGWINSZ), since a new shell would only meet the same end
 * of input; it exits with the shell's status then.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include "proc.h"		/* status_str() */

extern char **environ;

static char sh_path[512] = "/bin/sh";

/*
 * Start `sh [script]` in a new session whose controlling terminal is the
 * console. Return its pid; or -1 with *err = 0 if fork failed (try again),
 * or with *err = execve's errno if the shell could not be run: the child
 * sends it through a pipe that a successful execve closes (O_CLOEXEC).
 */
static pid_t spawn_shell(const char *script, int *err)
{
	char *argv[] = { "sh", (char *)script, NULL };
	int fds[2];
	pid_t pid;

	*err = 0;
	fflush(stdout);		/* or the child would print the banner again */
	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, "init: pipe2: %s\n", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		setsid();	/* the shell leads a new session... */
		ioctl(0, TIOCSCTTY, 0);	/* ...the console's; no tty (a pipe): fine */
		execve(sh_path, argv, environ);
		*err = errno;
		write(fds[1], err, sizeof(*err));
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	else if (read(fds[0], err, sizeof(*err)) == sizeof(*err))
		waitpid(pid, NULL, 0);	/* execve failed: *err says why */
	close(fds[0]);
	return *err ? -1 : pid;
}

/*
 * Run `sh [script]` and return its wait status. Every other child that
 * exits meanwhile (an orphan) is reaped and forgotten.
 */
static int run_shell(const char *script)
{
	pid_t pid, r;
	int err, ws = 0;

	while ((pid = spawn_shell(script, &err)) < 0) {
		if (err) {
			fprintf(stderr, "init: cannot run %s: %s\n", sh_path, strerror(err));
			exit(127);
		}
		sleep(1);	/* out of memory or processes: wait, then try again */
	}
	do
		r = wait4(-1, &ws, 0, NULL);
	while (r != pid && (r > 0 || errno == EINTR));
	return ws;
}

/* The exit status that stands for a wait status: the code, or 128 + the signal. */
static int exit_code(int ws)
{
	return WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : WEXITSTATUS(ws);
}

int main(int argc, char **argv)
{
	const char *bin = getenv("FORKLIFT_BIN"), *rc = NULL;
	int once = getpid() != 1, named = 0, fd, ws;
	struct utsname u;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "once") || !strcmp(argv[i], "--once"))
			once = 1;
		else
			rc = argv[i], named = 1;
	}
	if (!rc && getpid() == 1)
		rc = "/etc/rc";
	if (bin && *bin)
		snprintf(sh_path, sizeof(sh_path), "%s/sh", bin);
	setenv("PATH", "/bin:/sbin", 0);	/* unless the kernel gave one */
	setenv("HOME", "/", 0);

	if (uname(&u) == 0)
		printf("\n%s %s (%s) on %s\n", u.sysname, u.release, u.version, u.machine);
	printf("Type help at the prompt for the shell's built-ins and programs.\n\n");

	fd = rc ? open(rc, O_RDONLY) : -1;
	if (fd >= 0) {
		close(fd);
		ws = run_shell(rc);
		if (once)
			return exit_code(ws);
	} else if (rc && (named || errno != ENOENT)) {	/* only /etc/rc may be missing */
		fprintf(stderr, "init: %s: %s\n", rc, strerror(errno));
		if (once)
			return 127;
	}
	for (;;) {
		ws = run_shell(NULL);
		/* A shell whose stdin is no terminal ended at end of input: the
		 * next one would find nothing to read, and so on for ever. */
		if (once || !isatty(0))
			return exit_code(ws);
		printf("init: the shell %s; starting a new one\n", status_str(ws));
	}
}
