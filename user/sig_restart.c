/*
 * sig_restart: a read blocked on an empty pipe, interrupted by a signal.
 * With a handler installed with SA_RESTART the read starts again after the
 * handler and returns the data; without SA_RESTART it fails with EINTR. A
 * signal that is ignored (SIGWINCH's default) does not interrupt it at
 * all, and neither does being stopped and continued: the read goes on.
 */
#include "sig.h"

static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* A child that waits until the parent sleeps, sends it sig, waits until it
 * sleeps again (or a little, if the read is expected to end), then writes. */
static pid_t poke(int sig, int fd, int again)
{
	pid_t parent = getpid(), pid = xfork();

	if (pid == 0) {
		wait_for_state(parent, 'S');
		OK(kill(parent, sig));
		if (again)
			wait_for_state(parent, 'S');
		else
			msleep(100);
		send_byte(fd, 'x');
		exit(0);
	}
	return pid;
}

/* Read one byte from fd: its count, or -errno. */
static int read1(int fd)
{
	char c;
	ssize_t n = read(fd, &c, 1);

	return n < 0 ? -errno : (int)n;
}

int main(void)
{
	int p[2], n;
	pid_t pid;

	check_start();
	xpipe(p);
	set_action(SIGUSR1, on_usr1, SA_RESTART);
	pid = poke(SIGUSR1, p[1], 1);
	n = read1(p[0]);
	CHECK(n == 1 && handled == 1, "SA_RESTART: read gave %d (%s), handler ran %d times", n,
	      n < 0 ? errname(-n) : "bytes", handled);
	printf("SA_RESTART: the handler runs, then read restarts and returns the byte\n");
	EXPECT_EXIT(pid, 0, "poking child");

	set_action(SIGUSR1, on_usr1, 0);
	pid = poke(SIGUSR1, p[1], 0);
	n = read1(p[0]);
	CHECK(n == -EINTR && handled == 2, "no SA_RESTART: read gave %d, handler ran %d times", n, handled);
	printf("no SA_RESTART: read fails with EINTR after the handler\n");
	EXPECT_EXIT(pid, 0, "poking child");
	CHECK(read1(p[0]) == 1, "the byte is still in the pipe");

	pid = poke(SIGWINCH, p[1], 0);
	n = read1(p[0]);
	CHECK(n == 1, "SIGWINCH: read gave %d", n);
	printf("SIGWINCH (ignored by default): read is not interrupted\n");
	EXPECT_EXIT(pid, 0, "poking child");

	pid = xfork();
	if (pid == 0) {
		n = read1(p[0]);
		exit(n == 1 ? 0 : 10 + (n < 0 ? -n : 0));
	}
	wait_for_state(pid, 'S');
	OK(kill(pid, SIGSTOP));
	wait_for_state(pid, 'T');
	OK(kill(pid, SIGCONT));
	wait_for_state(pid, 'S');
	send_byte(p[1], 'y');
	EXPECT_EXIT(pid, 0, "reader stopped and continued");
	printf("stopped and continued in read: the read goes on and returns the byte\n");
	pass();
}
