/*
 * sig.h: helpers for the signal tests (issue 5): install a handler, read
 * the clock. (proc.h's wait_for_state() waits until another process is
 * asleep in the kernel, so a signal sent then surely interrupts a blocking
 * call rather than arriving before it.)
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

/* Milliseconds on the monotonic clock. */
static inline long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

#endif /* USER_SIG_H */
