/*
 * pipe: a blocking read waits for a writer; read returns 0 (end of file)
 * only when every write end is closed; with no reader left a write gets
 * EPIPE, or kills the writer with SIGPIPE if it has not ignored it; 1 MiB
 * goes through intact; O_NONBLOCK gives EAGAIN; the wrong end gives EBADF.
 */
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include "proc.h"

#define BIG (1 << 20)

/* CLOCK_MONOTONIC in seconds. */
static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* A read on an empty pipe sleeps until a writer (100 ms later) writes. */
static void blocking_read(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	int fds[2];
	char buf[8];
	double t0;
	pid_t pid;

	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		close(fds[0]);
		nanosleep(&pause, NULL);
		EXPECT_EQ(write(fds[1], "late", 4), 4);
		exit(0);
	}
	OK(close(fds[1]));
	t0 = now();
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 4);
	PROP(now() - t0 > 0.05 && !memcmp(buf, "late", 4),
	     "read on an empty pipe blocks until the writer writes (100 ms later)");
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);
	printf("read returns 0 once the only writer has exited: yes\n");
	EXPECT_EXIT(pid, 0, "writer");
	OK(close(fds[0]));
}

/* End of file only after the last write end closes; EAGAIN, EBADF, EINVAL. */
static void end_of_file(void)
{
	int fds[2], dup_w;
	char buf[8];

	OK(pipe2(fds, O_NONBLOCK));
	dup_w = OK(dup(fds[1]));
	EXPECT_ERR(read(fds[0], buf, 1), EAGAIN);
	printf("O_NONBLOCK read of an empty pipe with writers: EAGAIN\n");
	EXPECT_EQ(write(fds[1], "ab", 2), 2);
	OK(close(fds[1]));
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 2);
	EXPECT_ERR(read(fds[0], buf, 1), EAGAIN);
	printf("data written before one writer closed is read; another writer is left: EAGAIN\n");
	OK(close(dup_w));
	EXPECT_EQ(read(fds[0], buf, 1), 0);
	printf("after the last write end closes: end of file (0)\n");
	EXPECT_ERR(write(fds[0], "x", 1), EBADF);
	OK(pipe(fds));
	EXPECT_ERR(read(fds[1], buf, 1), EBADF);
	printf("writing the read end, reading the write end: EBADF\n");
	EXPECT_EQ(read(fds[0], buf, 0), 0);
	OK(close(fds[0]));
	OK(close(fds[1]));
	EXPECT_ERR(pipe2(fds, 0x12345678), EINVAL);
	printf("pipe2 with unknown flags: EINVAL\n");
}

/* Writing with no reader: EPIPE if SIGPIPE is ignored, else death by SIGPIPE. */
static void no_readers(void)
{
	int fds[2];
	pid_t pid;

	xpipe(fds);
	OK(close(fds[0]));
	signal(SIGPIPE, SIG_IGN);
	EXPECT_ERR(write(fds[1], "x", 1), EPIPE);
	printf("write with no reader, SIGPIPE ignored: EPIPE\n");
	signal(SIGPIPE, SIG_DFL);
	pid = xfork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		exit(0);
	}
	EXPECT_KILLED(pid, SIGPIPE, "writer with no reader");
	printf("write with no reader, SIGPIPE default: the writer dies by SIGPIPE\n");
	OK(close(fds[1]));
}

/* 1 MiB in one write() by a child, read in odd-sized pieces by the parent. */
static void large_transfer(void)
{
	unsigned char *buf = malloc(BIG);
	long total = 0, n;
	int fds[2], ok = 1;
	pid_t pid;

	CHECK(buf != NULL, "malloc 1 MiB: NULL");
	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		close(fds[0]);
		for (long i = 0; i < BIG; i++)
			buf[i] = (unsigned char)(i * 7 + (i >> 10));
		EXPECT_EQ(write(fds[1], buf, BIG), BIG);
		exit(0);
	}
	OK(close(fds[1]));
	while ((n = read(fds[0], buf + total, total + 4001 <= BIG ? 4001 : BIG - total)) > 0)
		total += n;
	CHECK(n == 0, "read: expected end of file, got %ld (%s)", n, errname(errno));
	for (long i = 0; i < total; i++)
		ok &= buf[i] == (unsigned char)(i * 7 + (i >> 10));
	EXPECT_EQ(total, BIG);
	PROP(ok, "1 MiB written in one write() arrives whole and in order");
	EXPECT_EXIT(pid, 0, "writer");
	OK(close(fds[0]));
	free(buf);
}

int main(void)
{
	check_start();
	signal(SIGCHLD, SIG_DFL);
	blocking_read();
	end_of_file();
	no_readers();
	large_transfer();
	pass();
}
