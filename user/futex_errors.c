/*
 * futex_errors: what futex(2) says to calls that cannot sleep or are
 * wrong: EAGAIN when the word no longer holds the value, ETIMEDOUT after
 * a relative or absolute timeout, EINVAL for a misaligned word, a bad
 * timeout or an empty bitset, EFAULT for a bad word or timeout pointer,
 * ENOSYS for an operation that does not exist. Also the robust-list pair.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"
#include "futex.h"

#define P FUTEX_PRIVATE_FLAG

static uint32_t word_pair[2] __attribute__((aligned(8)));

/* A relative FUTEX_WAIT of ms milliseconds: ETIMEDOUT, not earlier than asked. */
static void relative_timeout(int op, int ms)
{
	volatile uint32_t *w = &word_pair[0];
	struct timespec ts = { 0, ms * 1000000L };
	long long start = now_ns(CLOCK_MONOTONIC), slept;

	EXPECT_ERR(futex(w, op, 0, &ts, NULL, 0), ETIMEDOUT);
	slept = now_ns(CLOCK_MONOTONIC) - start;
	CHECK(slept >= ms * 1000000LL, "woke after %lld ns, before the %d ms timeout", slept, ms);
}

/* An absolute FUTEX_WAIT_BITSET deadline ms from now on the clock op names. */
static void absolute_timeout(int op, int ms)
{
	clockid_t c = op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC;
	long long deadline = now_ns(c) + ms * 1000000LL;
	struct timespec ts = { deadline / 1000000000, deadline % 1000000000 };

	EXPECT_ERR(futex(&word_pair[0], op, 0, &ts, NULL, FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	CHECK(now_ns(c) >= deadline, "woke before the absolute deadline");
}

int main(void)
{
	volatile uint32_t *w = &word_pair[0];
	struct timespec bad_nsec = { 0, 1000000000 }, neg_sec = { -1, 0 }, zero = { 0, 0 };
	void *unmapped;

	check_start();

	/* The word no longer holds the value the caller saw. */
	*w = 1;
	EXPECT_ERR(futex(w, FUTEX_WAIT | P, 0, NULL, NULL, 0), EAGAIN);
	EXPECT_ERR(futex(w, FUTEX_WAIT, 0, NULL, NULL, 0), EAGAIN);
	printf("FUTEX_WAIT on a word that changed: EAGAIN (private and shared)\n");
	*w = 0;

	relative_timeout(FUTEX_WAIT | P, 30);
	relative_timeout(FUTEX_WAIT, 30);
	EXPECT_ERR(futex(w, FUTEX_WAIT | P, 0, &zero, NULL, 0), ETIMEDOUT);
	printf("FUTEX_WAIT with a relative timeout: ETIMEDOUT, not early (also for 0)\n");
	absolute_timeout(FUTEX_WAIT_BITSET | P, 30);
	absolute_timeout(FUTEX_WAIT_BITSET | P | FUTEX_CLOCK_REALTIME, 30);
	EXPECT_ERR(futex(w, FUTEX_WAIT_BITSET | P, 0, &zero, NULL, ~0U), ETIMEDOUT);
	printf("FUTEX_WAIT_BITSET with an absolute deadline (monotonic, realtime, past): "
	       "ETIMEDOUT\n");

	/* EINVAL: the word, the timeout, the bitset. */
	EXPECT_ERR(futex((uint32_t *)((char *)w + 1), FUTEX_WAIT | P, 0, NULL, NULL, 0), EINVAL);
	EXPECT_ERR(futex((uint32_t *)((char *)w + 2), FUTEX_WAKE | P, 1, NULL, NULL, 0), EINVAL);
	printf("a word not 4-byte aligned: EINVAL\n");
	EXPECT_ERR(futex(w, FUTEX_WAIT | P, 0, &bad_nsec, NULL, 0), EINVAL);
	EXPECT_ERR(futex(w, FUTEX_WAIT | P, 0, &neg_sec, NULL, 0), EINVAL);
	EXPECT_ERR(futex((uint32_t *)((char *)w + 1), FUTEX_WAIT | P, 0, &bad_nsec, NULL, 0),
		   EINVAL);
	printf("a timeout with tv_nsec >= 1e9 or tv_sec < 0: EINVAL\n");
	EXPECT_ERR(futex(w, FUTEX_WAIT_BITSET | P, 0, NULL, NULL, 0), EINVAL);
	EXPECT_ERR(futex(w, FUTEX_WAKE_BITSET | P, 1, NULL, NULL, 0), EINVAL);
	printf("an empty bitset: EINVAL\n");
	EXPECT_ERR(futex_requeue(w, FUTEX_CMP_REQUEUE | P, 1, -1, &word_pair[1], 0), EINVAL);
	printf("FUTEX_CMP_REQUEUE with a negative count: EINVAL\n");

	/* EFAULT: a word nobody can read, a timeout pointer that is bad. */
	unmapped = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(unmapped != MAP_FAILED, "mmap failed");
	OK(munmap(unmapped, 4096));
	EXPECT_ERR(futex(NULL, FUTEX_WAIT | P, 0, NULL, NULL, 0), EFAULT);
	EXPECT_ERR(futex(unmapped, FUTEX_WAIT | P, 0, NULL, NULL, 0), EFAULT);
	EXPECT_ERR(futex((uint32_t *)0xffff800000000000UL, FUTEX_WAIT | P, 0, NULL, NULL, 0),
		   EFAULT);
	printf("FUTEX_WAIT on an unmapped or kernel address: EFAULT\n");
	EXPECT_ERR(futex(unmapped, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
	EXPECT_EQ(futex(unmapped, FUTEX_WAKE | P, 1, NULL, NULL, 0), 0);
	printf("FUTEX_WAKE on an unmapped word: EFAULT if shared, 0 if private (never read)\n");
	EXPECT_ERR(futex(w, FUTEX_WAIT | P, 0, unmapped, NULL, 0), EFAULT);
	printf("a timeout pointer that is not mapped: EFAULT\n");

	/* Nobody waits: wakes and requeues find no one. */
	EXPECT_EQ(futex(w, FUTEX_WAKE | P, 1, NULL, NULL, 0), 0);
	EXPECT_EQ(futex(w, FUTEX_WAKE, 100, NULL, NULL, 0), 0);
	EXPECT_EQ(futex_requeue(w, FUTEX_CMP_REQUEUE | P, 1, 1, &word_pair[1], 0), 0);
	EXPECT_ERR(futex_requeue(w, FUTEX_CMP_REQUEUE | P, 1, 1, &word_pair[1], 7), EAGAIN);
	printf("FUTEX_WAKE with no waiter: 0; FUTEX_CMP_REQUEUE: 0, or EAGAIN if the word "
	       "differs\n");

	/* Operations that do not exist, or a flag an operation cannot take. */
	EXPECT_ERR(futex(w, FUTEX_FD, 0, NULL, NULL, 0), ENOSYS);
	EXPECT_ERR(futex(w, 99 | P, 0, NULL, NULL, 0), ENOSYS);
	EXPECT_ERR(futex(w, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0), ENOSYS);
	EXPECT_ERR(futex(w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, &zero, NULL, 0), ENOSYS);
	printf("FUTEX_FD (removed), an unknown op, FUTEX_CLOCK_REALTIME on WAKE/WAIT: ENOSYS\n");

	/* The robust list: one size of head only; get returns what set stored. */
	struct { void *next; long offset; void *pending; } head = { &head, 0, NULL };
	void *got;
	size_t len;
	EXPECT_ERR(syscall(SYS_set_robust_list, &head, sizeof(head) - 1), EINVAL);
	EXPECT_EQ(syscall(SYS_set_robust_list, &head, sizeof(head)), 0);
	EXPECT_EQ(syscall(SYS_get_robust_list, 0, &got, &len), 0);
	PROP(got == (void *)&head && len == sizeof(head),
	     "get_robust_list returns the head set_robust_list stored, and its size");
	EXPECT_ERR(syscall(SYS_set_robust_list, &head, 0), EINVAL);
	printf("set_robust_list with the wrong size: EINVAL\n");
	pass();
}
