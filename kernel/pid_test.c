/* Tests for pid allocation, kernel/pid.c. */
#include <linux/ktest.h>
#include <linux/pid.h>
#include <linux/slab.h>

void pid_set_last(pid_t nr);

static void pid_increasing_test(struct ktest *test)
{
	struct pid *a = alloc_pid(NULL, 0), *b = alloc_pid(NULL, 0);

	KTEST_ASSERT_TRUE(test, !IS_ERR(a) && !IS_ERR(b));
	KTEST_EXPECT_EQ(test, b->nr, a->nr + 1);	/* handed out in order */
	put_pid(a);
	put_pid(b);
}

static void pid_not_reused_at_once_test(struct ktest *test)
{
	struct pid *a = alloc_pid(NULL, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(a));
	pid_t freed = a->nr;
	int in_use = nr_pids_in_use();

	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use - 1);
	struct pid *b = alloc_pid(NULL, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(b));
	KTEST_EXPECT_NE(test, b->nr, freed);
	put_pid(b);
}

static void pid_wraps_to_reserved_test(struct ktest *test)
{
	pid_set_last(PID_MAX_DEFAULT - 1);
	struct pid *a = alloc_pid(NULL, 0);

	KTEST_ASSERT_TRUE(test, !IS_ERR(a));
	KTEST_EXPECT_GE(test, a->nr, RESERVED_PIDS);
	KTEST_EXPECT_LT(test, a->nr, PID_MAX_DEFAULT);
	put_pid(a);
}

static void pid_refcount_test(struct ktest *test)
{
	struct pid *a = alloc_pid(NULL, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(a));
	int in_use = nr_pids_in_use();

	get_pid(a);
	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use);	/* one reference left */
	put_pid(a);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use - 1);
}

/* clone3's set_tid: a free number is handed out as asked (even below
 * RESERVED_PIDS, and out of order); a taken one is EEXIST, one out of
 * range or a second namespace level EINVAL. (The ktest task is root.) */
static void pid_set_tid_test(struct ktest *test)
{
	struct pid *a = alloc_pid(NULL, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(a));
	pid_t nr = a->nr, bad[2] = { 0, PID_MAX_DEFAULT };

	KTEST_EXPECT_EQ(test, PTR_ERR(alloc_pid(&nr, 1)), -EEXIST);
	put_pid(a);
	struct pid *b = alloc_pid(&nr, 1);
	KTEST_ASSERT_TRUE(test, !IS_ERR(b));
	KTEST_EXPECT_EQ(test, b->nr, nr);
	put_pid(b);
	KTEST_EXPECT_EQ(test, PTR_ERR(alloc_pid(&bad[0], 1)), -EINVAL);
	KTEST_EXPECT_EQ(test, PTR_ERR(alloc_pid(&bad[1], 1)), -EINVAL);
	KTEST_EXPECT_EQ(test, PTR_ERR(alloc_pid(&nr, 2)), -EINVAL);
}

/* When every number is taken, alloc_pid() fails with EAGAIN (fork's errno
 * then, as Linux's), and each number comes back when freed. */
static void pid_exhaustion_test(struct ktest *test)
{
	struct pid **all = kcalloc(PID_MAX_DEFAULT, sizeof(*all), GFP_KERNEL);
	int in_use = nr_pids_in_use(), n = 0;
	struct pid *p;

	KTEST_ASSERT_NOT_NULL(test, all);
	while (!IS_ERR(p = alloc_pid(NULL, 0)) && n < PID_MAX_DEFAULT)
		all[n++] = p;
	KTEST_EXPECT_EQ(test, PTR_ERR(p), -EAGAIN);
	/* Numbers 1..299 are never handed out again after the first wrap. */
	KTEST_EXPECT_GE(test, in_use + n, PID_MAX_DEFAULT - RESERVED_PIDS);
	while (n)
		put_pid(all[--n]);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), in_use);
	kfree(all);
}

KTEST_SUITE(pid, KTEST_CASE(pid_increasing_test), KTEST_CASE(pid_not_reused_at_once_test),
	    KTEST_CASE(pid_wraps_to_reserved_test), KTEST_CASE(pid_refcount_test), KTEST_CASE(pid_set_tid_test),
	    KTEST_CASE(pid_exhaustion_test));
