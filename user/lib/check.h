/*
 * check.h: the self-checking helpers every user test shares.
 *
 * A test is one behaviour. It calls check_start() first, prints properties
 * (never raw pids, addresses or times: "child pid differs from parent: yes"),
 * checks with CHECK/PROP/EXPECT_*, and ends with pass(). A failed check prints
 *
 *     FAIL: <test>: <file>:<line>: <what was expected, what happened>
 *
 * and exits 1, in a forked child as in the parent (whose check of the child's
 * status then fails too). The same binary runs on Linux and on Forklift, so
 * the expected output in user/expected/ holds for both: Linux is the oracle.
 */
#ifndef USER_CHECK_H
#define USER_CHECK_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The build passes -DTEST_NAME='"name"' (the binary's name, e.g. hello-pie). */
#ifndef TEST_NAME
#define TEST_NAME __FILE__
#endif

/*
 * Start a test. stdout becomes unbuffered, so lines written by a parent and
 * its children appear in the order they were written (on a pipe as on the
 * serial console), and fork never duplicates unflushed output.
 */
static inline void check_start(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
}

/* errno's name ("EFAULT"), which reads better than strerror's text. */
static inline const char *errname(int e)
{
	static char other[24];

	switch (e) {
	case 0: return "no error";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EIO: return "EIO";
	case E2BIG: return "E2BIG";
	case ENOEXEC: return "ENOEXEC";
	case EBADF: return "EBADF";
	case ECHILD: return "ECHILD";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EEXIST: return "EEXIST";
	case EXDEV: return "EXDEV";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EINVAL: return "EINVAL";
	case EMFILE: return "EMFILE";
	case ENOTTY: return "ENOTTY";
	case ESPIPE: return "ESPIPE";
	case EPIPE: return "EPIPE";
	case ERANGE: return "ERANGE";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case ENOSYS: return "ENOSYS";
	case ENOTEMPTY: return "ENOTEMPTY";
	case ELOOP: return "ELOOP";
	case ETIMEDOUT: return "ETIMEDOUT";
	case EDEADLK: return "EDEADLK";
	}
	snprintf(other, sizeof(other), "errno %d", e);
	return other;
}

/* Print the FAIL line and exit 1. Use the macros below, which add file:line. */
__attribute__((noreturn, format(printf, 3, 4)))
static inline void check_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL: %s: %s:%d: ", TEST_NAME, file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

/* The test passed: print the final line and exit 0. */
__attribute__((noreturn))
static inline void pass(void)
{
	printf("PASS: %s\n", TEST_NAME);
	exit(0);
}

/* Print "SKIP: <test>: <why>" and exit 0: a check that cannot apply here. */
__attribute__((noreturn))
static inline void skip(const char *why)
{
	printf("SKIP: %s: %s\n", TEST_NAME, why);
	exit(0);
}

/* CHECK(cond, "expected X, got %d", y): fail with the message unless cond. */
#define CHECK(cond, ...)                                                \
	do {                                                            \
		if (!(cond))                                            \
			check_fail(__FILE__, __LINE__, __VA_ARGS__);    \
	} while (0)

/* PROP(cond, "text"): print "text: yes", or fail saying it was not so. */
#define PROP(cond, text)                                                \
	do {                                                            \
		if (cond)                                               \
			printf("%s: yes\n", (text));                    \
		else                                                    \
			check_fail(__FILE__, __LINE__,                  \
				   "%s: expected yes, got no (%s is false)", \
				   (text), #cond);                      \
	} while (0)

/* EXPECT_EQ(actual, expected) for integers. */
#define EXPECT_EQ(actual, expected)                                     \
	do {                                                            \
		long long a_ = (long long)(actual);                     \
		long long e_ = (long long)(expected);                   \
		CHECK(a_ == e_, "%s: expected %lld, got %lld",          \
		      #actual, e_, a_);                                 \
	} while (0)

/* EXPECT_ERR(call, EFAULT): the call must return -1 with that errno. */
#define EXPECT_ERR(call, err)                                           \
	do {                                                            \
		errno = 0;                                              \
		long r_ = (long)(call);                                 \
		int e_ = errno;                                         \
		CHECK(r_ == -1 && e_ == (err),                          \
		      "%s: expected -1 with %s, got %ld with %s",       \
		      #call, errname(err), r_,                          \
		      r_ == -1 ? errname(e_) : "no error");             \
	} while (0)

/* OK(call): the call must not return -1; evaluates to its result. */
#define OK(call)                                                        \
	({                                                              \
		long r_ = (long)(call);                                 \
		int e_ = errno;                                         \
		CHECK(r_ != -1, "%s: expected success, got -1 with %s", \
		      #call, errname(e_));                              \
		r_;                                                     \
	})

#endif /* USER_CHECK_H */
