/*
 * Tests for the fork path as a whole (kernel/fork.c, kernel/exit.c): every
 * allocation in copy_process can fail and gives everything back; many
 * fork/exit/wait cycles and a fork storm leak nothing.
 *
 * The test task plays a user process: it gets an address space with some
 * touched pages (so copy_mm really copies page tables, copy-on-write), and
 * forks children that run a kernel function which exits at once.
 */
#include <linux/ktest.h>
#include <linux/fdtable.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/clone.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define TOUCHED_PAGES 16

/* Give the test task an address space with TOUCHED_PAGES pages in it. */
static struct mm_struct *become_user_like(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	kthread_use_mm(mm);
	unsigned long addr = vm_mmap(NULL, 0, TOUCHED_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr) || clear_user((void __user *)addr, TOUCHED_PAGES * PAGE_SIZE)) {
		KTEST_EXPECT_TRUE(test, false);
		kthread_unuse_mm(mm);
		mmput(mm);
		return NULL;
	}
	return mm;
}

static void back_to_kernel(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

static int child_exits(void *arg)
{
	do_exit((int)(long)arg << 8);
}

static pid_t fork_child(int (*fn)(void *), void *arg)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD, .fn = fn, .fn_arg = arg };

	return kernel_clone(&args);
}

/*
 * Make the 1st, 2nd, 3rd ... allocation of a fork fail, until a fork gets
 * through: each failed fork returns ENOMEM (or EAGAIN) and leaves exactly
 * the memory, pids and tasks there were before.
 */
static void fork_fault_injection_test(struct ktest *test)
{
	struct mm_struct *mm = become_user_like(test);
	KTEST_ASSERT_NOT_NULL(test, mm);
	unsigned long pages = ktest_free_pages();
	int pids = nr_pids_in_use(), threads = READ_ONCE(nr_threads), failures = 0;

	for (int n = 1; n < 500; n++) {
		current->fail_nth = n;
		pid_t pid = fork_child(child_exits, (void *)7L);
		bool injected = current->fail_nth == 0;

		current->fail_nth = 0;
		if (pid < 0) {
			KTEST_EXPECT_TRUE(test, injected);
			KTEST_EXPECT_TRUE(test, pid == -ENOMEM || pid == -EAGAIN);
			failures++;
		} else {
			int status = -1;
			KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
			KTEST_EXPECT_EQ(test, status, 7 << 8);
		}
		unsigned long free_now = ktest_free_pages();	/* first: lets exits finish */

		KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
		KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
		if (!KTEST_EXPECT_EQ(test, free_now, pages))
			printk("        # after failing allocation %d of the fork\n", n);
		if (pid > 0)
			break;	/* the fork made fewer than n allocations: all tried */
	}
	printk("        # %d allocations of fork each failed in turn, nothing leaked\n", failures);
	/* task_struct, stack, fd table, fs_struct, sighand, signal, mm, pgd,
	 * page tables (3 levels), pid: at least these can fail. */
	KTEST_EXPECT_GE(test, failures, 10);
	back_to_kernel(mm);
}

/* 10,000 fork + exit + wait cycles leave memory, pids and tasks as they were. */
static void fork_exit_wait_cycles_test(struct ktest *test)
{
	struct mm_struct *mm = become_user_like(test);
	KTEST_ASSERT_NOT_NULL(test, mm);
	unsigned long pages = ktest_free_pages();
	int pids = nr_pids_in_use(), threads = READ_ONCE(nr_threads);

	for (int i = 0; i < 10000; i++) {
		pid_t pid = fork_child(child_exits, (void *)(long)(i & 0x7f));
		int status = -1;

		if (!KTEST_EXPECT_GT(test, pid, 0) ||
		    !KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid) ||
		    !KTEST_EXPECT_EQ(test, status, (i & 0x7f) << 8))
			break;
	}
	unsigned long free_now = ktest_free_pages();	/* first: lets exits finish */

	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
	KTEST_EXPECT_EQ(test, free_now, pages);
	back_to_kernel(mm);
}

static DECLARE_WAIT_QUEUE_HEAD(storm_wq);
static bool storm_over;

static int child_waits_for_storm_end(void *arg)
{
	wait_event(storm_wq, READ_ONCE(storm_over));
	do_exit(0);
}

/*
 * Fork until the kernel refuses (memory or pids run out), with every child
 * still alive; then let them all exit and reap them. Nothing may be lost.
 */
static void fork_storm_test(struct ktest *test)
{
	struct mm_struct *mm = become_user_like(test);
	KTEST_ASSERT_NOT_NULL(test, mm);
	unsigned long pages = ktest_free_pages();
	int pids = nr_pids_in_use(), threads = READ_ONCE(nr_threads), n = 0;
	pid_t pid, *children = kcalloc(PID_MAX_DEFAULT, sizeof(pid_t), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, children);
	storm_over = false;
	while (n < PID_MAX_DEFAULT && (pid = fork_child(child_waits_for_storm_end, NULL)) > 0)
		children[n++] = pid;
	printk("        # fork storm: %d children alive, then fork said %d\n", n, pid);
	KTEST_EXPECT_TRUE(test, pid == -ENOMEM || pid == -EAGAIN);
	KTEST_EXPECT_GT(test, n, 100);
	WRITE_ONCE(storm_over, true);
	wake_up(&storm_wq);
	for (int i = 0; i < n; i++)
		KTEST_EXPECT_EQ(test, kernel_wait(children[i], NULL), children[i]);
	kfree(children);
	unsigned long free_now = ktest_free_pages();	/* first: lets exits finish */

	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
	KTEST_EXPECT_EQ(test, free_now, pages);
	back_to_kernel(mm);
}

KTEST_SUITE(fork, KTEST_CASE(fork_fault_injection_test), KTEST_CASE(fork_exit_wait_cycles_test),
	    KTEST_CASE(fork_storm_test));
