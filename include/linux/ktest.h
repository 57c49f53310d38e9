/*
 * ktest: in-kernel unit tests, in the spirit of Linux's KUnit, reporting
 * KTAP (Documentation/dev-tools/ktap.rst) on the console.
 *
 * A suite is a list of cases, declared beside the code it tests:
 *
 *	static void buddy_split_test(struct ktest *test)
 *	{
 *		struct page *p = alloc_pages(GFP_KERNEL, 3);
 *		KTEST_ASSERT_NOT_NULL(test, p);
 *		KTEST_EXPECT_EQ(test, page_order(p), 3);
 *		...
 *	}
 *	KTEST_SUITE(buddy, KTEST_CASE(buddy_split_test), ...);
 *
 * Booting with "ktest" runs every suite; "ktest=buddy,slab" runs the named
 * ones. Then the kernel powers off: exit code 0 if all passed, else 1.
 * EXPECT records a failure and goes on; ASSERT also ends the case.
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/kernel.h>

struct ktest {
	const char *name;	/* the running case */
	bool failed;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *test);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	unsigned long nr_cases;
};

#define KTEST_CASE(fn) { #fn, fn }

#define KTEST_SUITE(suite, ...)                                                  \
	static const struct ktest_case suite##_ktest_cases[] = { __VA_ARGS__ };  \
	static const struct ktest_suite suite##_ktest_suite __used             \
		__section(".ktest_suites") __aligned(8) = {                       \
			#suite, suite##_ktest_cases, ARRAY_SIZE(suite##_ktest_cases) \
		}

void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

#define KTEST_EXPECT_TRUE(test, cond)                                                \
	({                                                                           \
		bool __ok = !!(cond);                                                \
		if (!__ok)                                                           \
			ktest_fail(test, __FILE__, __LINE__, "expected %s to be true", \
				   #cond);                                           \
		__ok;                                                                \
	})
#define KTEST_EXPECT_FALSE(test, cond) KTEST_EXPECT_TRUE(test, !(cond))

#define __KTEST_EXPECT_CMP(test, a, op, b)                                          \
	({                                                                          \
		long __a = (long)(a), __b = (long)(b);                              \
		bool __ok = __a op __b;                                             \
		if (!__ok)                                                          \
			ktest_fail(test, __FILE__, __LINE__,                        \
				   "expected %s %s %s, but %s == %ld (%#lx), %s == %ld (%#lx)", \
				   #a, #op, #b, #a, __a, __a, #b, __b, __b);        \
		__ok;                                                               \
	})
#define KTEST_EXPECT_EQ(t, a, b) __KTEST_EXPECT_CMP(t, a, ==, b)
#define KTEST_EXPECT_NE(t, a, b) __KTEST_EXPECT_CMP(t, a, !=, b)
#define KTEST_EXPECT_LT(t, a, b) __KTEST_EXPECT_CMP(t, a, <, b)
#define KTEST_EXPECT_LE(t, a, b) __KTEST_EXPECT_CMP(t, a, <=, b)
#define KTEST_EXPECT_GT(t, a, b) __KTEST_EXPECT_CMP(t, a, >, b)
#define KTEST_EXPECT_GE(t, a, b) __KTEST_EXPECT_CMP(t, a, >=, b)
#define KTEST_EXPECT_NULL(t, p) __KTEST_EXPECT_CMP(t, p, ==, NULL)
#define KTEST_EXPECT_NOT_NULL(t, p) __KTEST_EXPECT_CMP(t, p, !=, NULL)
#define KTEST_EXPECT_STREQ(test, a, b)                                              \
	({                                                                          \
		const char *__a = (a), *__b = (b);                                  \
		bool __ok = !strcmp(__a, __b);                                      \
		if (!__ok)                                                          \
			ktest_fail(test, __FILE__, __LINE__,                        \
				   "expected %s == %s, but \"%s\" != \"%s\"", #a, #b, \
				   __a, __b);                                       \
		__ok;                                                               \
	})

/* The ASSERT forms end the test case when they fail. */
#define KTEST_ASSERT_TRUE(t, c) do { if (!KTEST_EXPECT_TRUE(t, c)) return; } while (0)
#define KTEST_ASSERT_EQ(t, a, b) do { if (!KTEST_EXPECT_EQ(t, a, b)) return; } while (0)
#define KTEST_ASSERT_NE(t, a, b) do { if (!KTEST_EXPECT_NE(t, a, b)) return; } while (0)
#define KTEST_ASSERT_NOT_NULL(t, p) do { if (!KTEST_EXPECT_NOT_NULL(t, p)) return; } while (0)

/*
 * Free pages once the system has settled, for exact leak checks: yield a
 * few times and wait until no task is still exiting on any CPU (exited
 * tasks make their last switch away and drop their stacks and address
 * spaces), return every cache's empty slabs, then count. Equal before and
 * after a test means nothing leaked.
 */
unsigned long ktest_free_pages(void);

/*
 * pin: run the calling test, and the threads it creates from then on
 * (they inherit it), on the CPU it is on now only; !pin: on every CPU
 * again. For tests of what one CPU shows: strict turn-taking, a lazily
 * borrowed mm.
 */
void ktest_pin_to_this_cpu(bool pin);

/*
 * Call system call nr with these arguments in the registers user space
 * puts them in, through the same table do_syscall_64() uses: a test sees
 * exactly what a user program would get back (the result or -errno).
 */
long ktest_syscall(unsigned int nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* Run the suites the command line asked for ("ktest"/"ktest=a,b"), if any;
 * then power off with 0 (all passed) or 1. Returns if none were asked for. */
void ktest_run_requested(void);

#endif
