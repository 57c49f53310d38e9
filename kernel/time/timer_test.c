/* Tests for kernel timers and schedule_timeout(), kernel/time/timer.c. */
#include <linux/ktest.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <asm/rtc.h>

static void sleep_at_least_test(struct ktest *test)
{
	unsigned long before = jiffies;

	set_current_state(TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_EQ(test, schedule_timeout(5), 0);	/* ran out: nothing left */
	KTEST_EXPECT_GE(test, jiffies - before, 5);
	KTEST_EXPECT_LT(test, jiffies - before, 5 + HZ);	/* and not absurdly longer */
}

static struct task_struct *waker_target;

static void wake_target(struct timer_list *t)
{
	wake_up_process(waker_target);
}

/* Woken early by someone else, schedule_timeout() returns the ticks left. */
static void early_wake_returns_left_test(struct ktest *test)
{
	struct timer_list waker;

	waker_target = current;
	timer_setup(&waker, wake_target);
	waker.expires = jiffies + 2;
	add_timer(&waker);
	set_current_state(TASK_UNINTERRUPTIBLE);
	long left = schedule_timeout(50);
	del_timer(&waker);
	KTEST_EXPECT_GT(test, left, 30);
	KTEST_EXPECT_LE(test, left, 49);
}

static int fired[3], nfired;

static void record_fire(struct timer_list *t)
{
	fired[nfired++] = (int)(t->expires % 100);
}

/* Timers fire in the order of their expiry, not of add_timer(); a deleted one never. */
static void timers_fire_in_order_test(struct ktest *test)
{
	struct timer_list t[4];
	unsigned long base = jiffies - jiffies % 100 + 100;	/* expires % 100 names each */
	int offsets[4] = { 3, 1, 2, 4 };

	nfired = 0;
	for (int i = 0; i < 4; i++) {
		timer_setup(&t[i], record_fire);
		t[i].expires = base + offsets[i];
		add_timer(&t[i]);
	}
	KTEST_EXPECT_EQ(test, del_timer(&t[3]), 1);	/* cancel the last one */
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule_timeout((long)(base + 6 - jiffies));
	KTEST_ASSERT_EQ(test, nfired, 3);
	KTEST_EXPECT_EQ(test, fired[0], 1);
	KTEST_EXPECT_EQ(test, fired[1], 2);
	KTEST_EXPECT_EQ(test, fired[2], 3);
	KTEST_EXPECT_EQ(test, del_timer(&t[0]), 0);	/* already fired: not pending */
}

/* The RTC gives a date after 2020-01-01 (QEMU starts it at the host's time). */
static void rtc_plausible_test(struct ktest *test)
{
	KTEST_EXPECT_GT(test, read_persistent_clock(), 1577836800L);
}

KTEST_SUITE(timers, KTEST_CASE(sleep_at_least_test), KTEST_CASE(early_wake_returns_left_test),
	    KTEST_CASE(timers_fire_in_order_test), KTEST_CASE(rtc_plausible_test));
