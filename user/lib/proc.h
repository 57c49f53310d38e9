/*
 * proc.h: helpers for the fork/exit/wait tests (issue 4): signal names,
 * wait-status text, checked fork/wait/pipe, one-byte messages between a
 * parent and a child, another process's state from /proc, and where the
 * other test programs live.
 */
#ifndef USER_PROC_H
#define USER_PROC_H

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

/* A signal's name ("SIGSEGV"), for messages and expected output. */
static inline const char *signame(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
		[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
		[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
		[SIGTSTP] = "SIGTSTP", [SIGSYS] = "SIGSYS",
	};
	static char other[16];

	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) && names[sig])
		return names[sig];
	snprintf(other, sizeof(other), "signal %d", sig);
	return other;
}

/* The number of a signal given by name ("SIGSEGV" or "SEGV") or number; -1 if none. */
static inline int signum(const char *name)
{
	for (int sig = 1; sig < 65; sig++) {
		const char *n = signame(sig);
		if (!strcmp(name, n) || !strcmp(name, n + 3))
			return sig;
	}
	return atoi(name) > 0 ? atoi(name) : -1;
}

/* A wait status in words: "exited with 3", "killed by SIGSEGV". */
static inline const char *status_str(int status)
{
	static char buf[48];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited with %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by %s", signame(WTERMSIG(status)));
	else if (WIFSTOPPED(status))
		snprintf(buf, sizeof(buf), "stopped by %s", signame(WSTOPSIG(status)));
	else
		snprintf(buf, sizeof(buf), "raw status 0x%x", status);
	return buf;
}

/* fork() that must succeed. */
#define xfork() ((pid_t)OK(fork()))

/* Reap pid (blocking) and return its wait status; wait4 must return pid. */
static inline int reap(pid_t pid)
{
	int status = 0;
	pid_t r;

	do
		r = waitpid(pid, &status, 0);
	while (r == -1 && errno == EINTR);
	CHECK(r == pid, "waitpid(child): expected the child's pid, got %d (%s)",
	      (int)r, r == -1 ? errname(errno) : "another pid");
	return status;
}

/* Reap pid and require that it exited with code; who names it in the message. */
#define EXPECT_EXIT(pid, code, who)                                        \
	do {                                                               \
		int s_ = reap(pid);                                        \
		CHECK(WIFEXITED(s_) && WEXITSTATUS(s_) == (code),          \
		      "%s: expected exited with %d, got %s", (who), (code), \
		      status_str(s_));                                     \
	} while (0)

/* Reap pid and require that it was killed by sig. */
#define EXPECT_KILLED(pid, sig, who)                                       \
	do {                                                               \
		int s_ = reap(pid);                                        \
		CHECK(WIFSIGNALED(s_) && WTERMSIG(s_) == (sig),            \
		      "%s: expected killed by %s, got %s", (who),          \
		      signame(sig), status_str(s_));                       \
	} while (0)

/* pipe() that must succeed. */
#define xpipe(fds) ((void)OK(pipe(fds)))

/* Send one byte on a pipe: a "go ahead" between parent and child. */
static inline void send_byte(int fd, char c)
{
	CHECK(write(fd, &c, 1) == 1, "write of a sync byte: %s", errname(errno));
}

/* Wait for one byte from a pipe and return it. */
static inline char recv_byte(int fd)
{
	char c = 0;
	ssize_t n;

	do
		n = read(fd, &c, 1);
	while (n == -1 && errno == EINTR);
	CHECK(n == 1, "read of a sync byte: expected 1 byte, got %ld (%s)",
	      (long)n, n == -1 ? errname(errno) : "end of file");
	return c;
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

/* Wait (up to 4 s) until pid is in state (S asleep, T stopped, Z zombie). */
static inline void wait_for_state(pid_t pid, char state)
{
	for (int i = 0; i < 2000; i++) {
		if (proc_state(pid) == state)
			return;
		msleep(2);
	}
	CHECK(0, "process never reached state %c (it is in %c)", state, proc_state(pid));
}

/*
 * Where the other test programs are: $FORKLIFT_BIN (the native runner sets
 * it to build/user/bin), else /bin (the initramfs).
 */
static inline const char *bin_path(const char *name)
{
	static char buf[4][512];
	static int next;
	const char *dir = getenv("FORKLIFT_BIN");
	char *p = buf[next++ % 4];

	snprintf(p, sizeof(buf[0]), "%s/%s", dir && *dir ? dir : "/bin", name);
	return p;
}

#endif /* USER_PROC_H */
