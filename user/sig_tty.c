/*
 * sig_tty: the terminal's job control. tcsetpgrp() makes a process group
 * the terminal's foreground group; a ^C typed at the terminal then sends
 * SIGINT to that group, ^\ SIGQUIT, ^Z SIGTSTP (which stops it). The
 * typing is simulated with TIOCSTI, which puts a byte into the terminal's
 * input as if typed (ECHO is off meanwhile, so nothing is printed).
 * tcsetpgrp to a group that does not exist: ESRCH; a negative one: EINVAL.
 * Needs a terminal on stdin: natively (stdin is /dev/null) it skips.
 */
#include <sys/ioctl.h>
#include <termios.h>
#include "sig.h"

/* A child in a process group of its own, in the foreground, waiting for signals. */
static pid_t foreground_child(void)
{
	int ready[2];
	pid_t pid;

	xpipe(ready);
	pid = xfork();
	if (pid == 0) {
		OK(setpgid(0, 0));
		send_byte(ready[1], 'r');
		for (;;)
			pause();
	}
	recv_byte(ready[0]);
	close(ready[0]), close(ready[1]);
	OK(tcsetpgrp(0, pid));
	CHECK(tcgetpgrp(0) == pid, "tcgetpgrp: expected the child's group");
	return pid;
}

static void type(char c)
{
	OK(ioctl(0, TIOCSTI, &c));
}

int main(void)
{
	struct termios saved, quiet;
	sigset_t ttou;
	pid_t old_fg, pid;
	int status;

	check_start();
	if (!isatty(0))
		skip("stdin is not a terminal");
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);	/* as a shell: may set the foreground from the background */
	OK(sigprocmask(SIG_BLOCK, &ttou, NULL));
	OK(tcgetattr(0, &saved));
	quiet = saved;
	quiet.c_lflag &= ~ECHO;
	OK(tcsetattr(0, TCSANOW, &quiet));
	old_fg = tcgetpgrp(0);

	EXPECT_ERR(tcsetpgrp(0, -1), EINVAL);
	pid = xfork();
	if (pid == 0)
		exit(0);
	EXPECT_EXIT(pid, 0, "child");
	EXPECT_ERR(tcsetpgrp(0, pid), ESRCH);
	printf("tcsetpgrp: EINVAL for -1, ESRCH for a group that does not exist\n");

	pid = foreground_child();
	type(saved.c_cc[VINTR]);
	EXPECT_KILLED(pid, SIGINT, "foreground child");
	printf("^C: the foreground group gets SIGINT\n");

	pid = foreground_child();
	type(saved.c_cc[VQUIT]);
	EXPECT_KILLED(pid, SIGQUIT, "foreground child");
	printf("^\\: the foreground group gets SIGQUIT\n");

	pid = foreground_child();
	type(saved.c_cc[VSUSP]);
	OK(waitpid(pid, &status, WUNTRACED));
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP, "^Z: expected stopped by SIGTSTP, got %s",
	      status_str(status));
	printf("^Z: the foreground group stops (SIGTSTP)\n");
	OK(kill(pid, SIGKILL));
	EXPECT_KILLED(pid, SIGKILL, "stopped child");

	if (old_fg > 0)
		tcsetpgrp(0, old_fg);
	OK(tcsetattr(0, TCSANOW, &saved));
	pass();
}
