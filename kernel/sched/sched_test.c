/*
 * Tests for the scheduler and kernel threads: threads run, take turns,
 * are preempted by the timer, and are freed after they exit.
 */
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/slab.h>

struct thread_result {
	struct completion done;
	pid_t pid_seen;	/* the thread's own pid, as it saw it */
	int ran;
};

static int record_and_exit(void *arg)
{
	struct thread_result *r = arg;

	r->pid_seen = current->pid;
	r->ran = 1;
	complete(&r->done);
	return 0;
}

/* Yield until the task count drops back to `threads` (dead threads freed). */
static bool wait_for_nr_threads(int threads)
{
	for (int i = 0; i < 1000 && READ_ONCE(nr_threads) != threads; i++)
		yield();
	return READ_ONCE(nr_threads) == threads;
}

static void kthread_runs_and_exits_test(struct ktest *test)
{
	struct thread_result r = { .pid_seen = -1 };
	int before = READ_ONCE(nr_threads);
	int pids_before = nr_pids_in_use();
	unsigned long pages_before = ktest_free_pages();

	init_completion(&r.done);
	pid_t pid = kernel_thread(record_and_exit, &r, "ktest-thread", 0);
	KTEST_ASSERT_TRUE(test, pid > 0);
	wait_for_completion(&r.done);
	KTEST_EXPECT_EQ(test, r.ran, 1);
	KTEST_EXPECT_EQ(test, r.pid_seen, pid);	/* kernel_thread returned the child's pid */
	KTEST_EXPECT_TRUE(test, wait_for_nr_threads(before));
	/* Its task_struct, kernel stack and pid were all given back (the
	 * final put happens after its last switch away, maybe on another CPU:
	 * ktest_free_pages() waits for that). */
	unsigned long pages_after = ktest_free_pages();

	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids_before);
	KTEST_EXPECT_EQ(test, pages_after, pages_before);
}

#define ROUNDS 50
static int turns[2 * ROUNDS];
static int nturns;

static int take_turns(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		turns[nturns++] = (int)(long)arg;
		yield();
	}
	return 0;
}

/* Two threads that yield after each step alternate strictly (round-robin). */
static void yield_alternates_test(struct ktest *test)
{
	int before = READ_ONCE(nr_threads);

	ktest_pin_to_this_cpu(true);	/* strict alternation needs one CPU */
	nturns = 0;
	KTEST_ASSERT_TRUE(test, kernel_thread(take_turns, (void *)0L, "turns-0", 0) > 0);
	KTEST_ASSERT_TRUE(test, kernel_thread(take_turns, (void *)1L, "turns-1", 0) > 0);
	KTEST_ASSERT_TRUE(test, wait_for_nr_threads(before));
	KTEST_EXPECT_EQ(test, nturns, 2 * ROUNDS);
	int switches = 0;
	for (int i = 1; i < nturns; i++)
		switches += turns[i] != turns[i - 1];
	KTEST_EXPECT_GE(test, switches, 2 * ROUNDS - 3);
	ktest_pin_to_this_cpu(false);
}

static volatile bool spin_stop;
static volatile unsigned long spin_count[2];

static int spin_forever(void *arg)
{
	int me = (int)(long)arg;

	while (!spin_stop)
		spin_count[me]++;	/* never yields: only the timer can switch us out */
	return 0;
}

/* Two CPU-bound threads both make progress: the timer preempts them. */
static void preemption_test(struct ktest *test)
{
	int before = READ_ONCE(nr_threads);

	printk("        # preemption_test: two threads spin without yielding; if the run\n"
	       "        # stops here, the timer interrupt does not preempt kernel code\n");
	ktest_pin_to_this_cpu(true);	/* all three share one CPU */
	spin_stop = false;
	spin_count[0] = spin_count[1] = 0;
	KTEST_ASSERT_TRUE(test, kernel_thread(spin_forever, (void *)0L, "spin-0", 0) > 0);
	KTEST_ASSERT_TRUE(test, kernel_thread(spin_forever, (void *)1L, "spin-1", 0) > 0);
	unsigned long until = jiffies + HZ / 2;
	while ((long)(jiffies - until) < 0)
		yield();	/* we get the CPU back only when a spinner is preempted */
	unsigned long c0 = spin_count[0], c1 = spin_count[1];
	spin_stop = true;
	KTEST_EXPECT_GT(test, c0, 0);
	KTEST_EXPECT_GT(test, c1, 0);
	KTEST_EXPECT_TRUE(test, wait_for_nr_threads(before));
	ktest_pin_to_this_cpu(false);
}

KTEST_SUITE(sched, KTEST_CASE(kthread_runs_and_exits_test), KTEST_CASE(yield_alternates_test),
	    KTEST_CASE(preemption_test));
