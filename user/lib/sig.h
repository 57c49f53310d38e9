/*
 * sig.h: helpers for the signal tests (issue 5): install a handler, and
 * wait until another process is asleep in the kernel (its state in
 * /proc/PID/stat is S), so a signal sent then surely interrupts a
 * blocking call rather than arriving before it.
 */
#ifndef USER_SIG_H
#define USER_SIG_H

#include <fcntl.h>
#include <stdbool.h>
#include <signal.h>
#include <time.h>
#include "proc.h"

/* sigaction() with an empty sa_mask, that must succeed. */
static inline void set_action(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	OK(sigaction(sig, &sa, NULL));
}

/* The state letter of pid (R, S, D, T, Z), from /proc/PID/stat; 0 if unreadable. */
static inline char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* Sleep ms milliseconds (restarting after a handler). */
static inline void msleep(long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&t, &t) == -1 && errno == EINTR)
		;
}

/* Wait until pid sleeps interruptibly (state S) or is stopped (T). */
static inline void wait_sleeping(pid_t pid, char state)
{
	for (int i = 0; i < 2000; i++) {
		if (proc_state(pid) == state)
			return;
		msleep(2);
	}
	CHECK(0, "process never reached state %c (it is in %c)", state, proc_state(pid));
}

/* Milliseconds on the monotonic clock. */
static inline long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

#endif /* USER_SIG_H */
