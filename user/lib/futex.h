/*
 * futex.h: futex(2) for the tests that call it directly (musl has no
 * wrapper). Returns the call's result, or -1 with errno, like syscall().
 */
#ifndef USER_FUTEX_H
#define USER_FUTEX_H

#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The operations and flags (Linux's uapi linux/futex.h, which musl lacks). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffffU

static inline long futex(volatile uint32_t *uaddr, int op, uint32_t val,
			 const struct timespec *timeout, volatile uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

/* The 4th argument as a count (val2) instead of a timeout: the requeue ops. */
static inline long futex_requeue(volatile uint32_t *uaddr, int op, uint32_t nr_wake,
				 long nr_requeue, volatile uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, nr_wake, nr_requeue, uaddr2, val3);
}

/* Nanoseconds on clock c. */
static inline long long now_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

#endif
