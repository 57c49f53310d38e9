/* Tests for pid allocation, kernel/pid.c. */
#include <linux/ktest.h>
#include <linux/pid.h>

void pid_set_last(pid_t nr);

static void pid_increasing_test(struct ktest *test)
{
	struct pid *a = alloc_pid(), *b = alloc_pid();

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_EQ(test, b->nr, a->nr + 1);	/* handed out in order */
	put_pid(a);
	put_pid(b);
}

static void pid_not_reused_at_once_test(struct ktest *test)
{
	struct pid *a = alloc_pid();
	KTEST_ASSERT_NOT_NULL(test, a);
	pid_t freed = a->nr;
	int in_use = nr_pids_in_use();

	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use - 1);
	struct pid *b = alloc_pid();
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_NE(test, b->nr, freed);
	put_pid(b);
}

static void pid_wraps_to_reserved_test(struct ktest *test)
{
	pid_set_last(PID_MAX_DEFAULT - 1);
	struct pid *a = alloc_pid();

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_EXPECT_GE(test, a->nr, RESERVED_PIDS);
	KTEST_EXPECT_LT(test, a->nr, PID_MAX_DEFAULT);
	put_pid(a);
}

static void pid_refcount_test(struct ktest *test)
{
	struct pid *a = alloc_pid();
	KTEST_ASSERT_NOT_NULL(test, a);
	int in_use = nr_pids_in_use();

	get_pid(a);
	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use);	/* one reference left */
	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use - 1);
}

KTEST_SUITE(pid, KTEST_CASE(pid_increasing_test), KTEST_CASE(pid_not_reused_at_once_test),
	    KTEST_CASE(pid_wraps_to_reserved_test), KTEST_CASE(pid_refcount_test));
