/*
 * Tests for pidfds (kernel/pidfd.c) and CLONE_PIDFD in copy_process: a
 * fork asking for a pidfd can fail at each of its allocations and gives
 * everything back (pid, file, fd, memory); and a pidfd keeps its struct
 * pid exactly until both the file and the task have let go of it, in
 * either order.
 *
 * The test task plays a user process: an fd table of its own and one page
 * of user memory, where CLONE_PIDFD stores the fd. Its children run a
 * kernel function that exits at once.
 */
#include <linux/ktest.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
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
#include <asm/unistd.h>

/* What the test task had before it played a user process. */
struct user_like {
	struct files_struct *saved_files;
	struct mm_struct *mm;
	int __user *word;	/* where CLONE_PIDFD puts the fd */
};

static bool become_user_like(struct ktest *test, struct user_like *u)
{
	int err;
	struct files_struct *files = dup_fd(&init_files, &err);
	unsigned long addr;

	u->mm = mm_alloc();
	if (!KTEST_EXPECT_NOT_NULL(test, files) || !KTEST_EXPECT_NOT_NULL(test, u->mm))
		return false;
	u->saved_files = current->files;
	current->files = files;
	kthread_use_mm(u->mm);
	addr = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	u->word = (int __user *)addr;
	/* Touched now, so that storing the fd later allocates no page. */
	return KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(addr)) &&
	       KTEST_EXPECT_EQ(test, put_user(-1, u->word), 0);
}

static void back_to_kernel(struct user_like *u)
{
	kthread_unuse_mm(u->mm);
	mmput(u->mm);
	exit_files(current);
	current->files = u->saved_files;
}

static int child_exits(void *arg)
{
	do_exit(0);
}

/* A child asking for a pidfd in *u->word; its pid, or -errno. */
static pid_t fork_with_pidfd(struct user_like *u)
{
	struct kernel_clone_args args = {
		.flags = CLONE_PIDFD, .pidfd = u->word, .exit_signal = SIGCHLD, .fn = child_exits,
	};

	return kernel_clone(&args);
}

/*
 * Make the 1st, 2nd, 3rd ... allocation of a CLONE_PIDFD fork fail until
 * one gets through: each failure leaves pids, open files and memory as
 * they were, and no fd behind (the next fd is still the lowest free one).
 */
static void pidfd_fork_fault_injection_test(struct ktest *test)
{
	struct user_like u;
	int failures = 0;

	KTEST_ASSERT_TRUE(test, become_user_like(test, &u));
	unsigned long pages = ktest_free_pages();
	int pids = nr_pids_in_use(), files = get_nr_files();

	for (int n = 1; n < 500; n++) {
		int fd = -1;

		current->fail_nth = n;
		pid_t pid = fork_with_pidfd(&u);
		current->fail_nth = 0;
		if (pid < 0) {
			/* EFAULT: storing the fd needed a copy-on-write copy of
			 * the page (the fork made it read-only), which failed. */
			if (!KTEST_EXPECT_TRUE(test, pid == -ENOMEM || pid == -EAGAIN ||
						     pid == -ENFILE || pid == -EFAULT))
				printk("        # allocation %d failed: the fork said %d\n", n, pid);
			failures++;
		} else {
			KTEST_EXPECT_EQ(test, get_user(fd, u.word), 0);
			KTEST_EXPECT_EQ(test, fd, 0);	/* the lowest fd: none was left behind */
			KTEST_EXPECT_EQ(test, close_fd(fd), 0);
			KTEST_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
		}
		KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
		KTEST_EXPECT_EQ(test, get_nr_files(), files);
		if (!KTEST_EXPECT_EQ(test, ktest_free_pages(), pages))
			printk("        # after failing allocation %d of the fork\n", n);
		if (pid > 0)
			break;
	}
	printk("        # %d allocations of a CLONE_PIDFD fork each failed in turn\n", failures);
	KTEST_EXPECT_GE(test, failures, 12);	/* fork's 10 or more, plus inode, dentry, file */
	back_to_kernel(&u);
}

/*
 * The pidfd holds the child's struct pid, not its number: as in Linux the
 * number is free once the child is reaped, and the struct (a slab object)
 * once the pidfd is closed too, in either order. Through a stale pidfd the
 * child is not found: pidfd_send_signal says ESRCH.
 */
static void pidfd_lifetime_test(struct ktest *test)
{
	struct user_like u;
	int fd = -1;

	KTEST_ASSERT_TRUE(test, become_user_like(test, &u));
	int pids = nr_pids_in_use(), files = get_nr_files();
	unsigned long objects = slab_active_objects();

	/* Reaped first, then closed. */
	pid_t pid = fork_with_pidfd(&u);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		goto out;
	KTEST_EXPECT_EQ(test, get_user(fd, u.word), 0);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);	/* the number is free at reaping */
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_pidfd_send_signal, fd, 0, 0, 0, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(test, close_fd(fd), 0);
	KTEST_EXPECT_EQ(test, slab_active_objects(), objects);	/* the struct pid too, now */

	/* Closed first, then reaped. */
	pid = fork_with_pidfd(&u);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		goto out;
	KTEST_EXPECT_EQ(test, get_user(fd, u.word), 0);
	KTEST_EXPECT_EQ(test, close_fd(fd), 0);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
	KTEST_EXPECT_EQ(test, get_nr_files(), files);
	KTEST_EXPECT_EQ(test, slab_active_objects(), objects);
out:
	back_to_kernel(&u);
}

KTEST_SUITE(pidfd, KTEST_CASE(pidfd_fork_fault_injection_test), KTEST_CASE(pidfd_lifetime_test));
