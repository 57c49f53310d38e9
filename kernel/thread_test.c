/*
 * Tests for threads as a whole (kernel/fork.c, kernel/exit.c,
 * kernel/futex/): a user program that creates and joins 10,000 threads
 * with musl's pthreads (/bin/thread_leak, from the initramfs) leaves free
 * pages, slab objects, pids and tasks exactly as they were. Each thread
 * costs a task_struct, a kernel stack, a pid, a futex wake at exit and a
 * reap; one lost on every create or exit would show 10,000 times over.
 */
#include <linux/ktest.h>
#include <linux/binfmts.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>

static const char *const thread_leak_argv[] = { "/bin/thread_leak", "-q", NULL };
static const char *const thread_leak_envp[] = { NULL };

/* The child: become /bin/thread_leak (ret_from_fork then enters user mode). */
static int exec_thread_leak(void *arg)
{
	return kernel_execve(thread_leak_argv[0], thread_leak_argv, thread_leak_envp);
}

/* Run /bin/thread_leak to its end; its wait status, or -1. */
static int run_thread_leak(struct ktest *test)
{
	int status = -1;
	pid_t pid = user_mode_thread(exec_thread_leak, NULL, SIGCHLD);

	if (!KTEST_EXPECT_GT(test, pid, 0) || !KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid))
		return -1;
	return status;
}

/*
 * Run the program once first: the first run of any program allocates
 * things that stay (the page cache has no eviction, the dcache keeps the
 * path), which are not leaks. Then count, run it again, and count again.
 */
static void thread_create_join_leak_test(struct ktest *test)
{
	unsigned long pages, objects;
	int pids, threads;

	KTEST_ASSERT_EQ(test, run_thread_leak(test), 0);
	pages = ktest_free_pages();
	objects = slab_active_objects();
	pids = nr_pids_in_use();
	threads = READ_ONCE(nr_threads);
	KTEST_EXPECT_EQ(test, run_thread_leak(test), 0);	/* exit status 0: all joins right */
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), pages);
	KTEST_EXPECT_EQ(test, slab_active_objects(), objects);
	printk("        # 10,000 pthread_create/join: free pages %lu -> %lu, slab objects %lu -> %lu\n",
	       pages, ktest_free_pages(), objects, slab_active_objects());
}

KTEST_SUITE(threads, KTEST_CASE(thread_create_join_leak_test));
