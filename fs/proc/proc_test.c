/*
 * Tests of /proc: a kernel thread's stat line parses back to its pid,
 * name, state and parent with 52 fields; comm is read through the VFS; a
 * pid that does not exist is ENOENT; writing is refused.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/ktest.h>
#include <linux/pid.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>

static struct completion go;

static int sleeper(void *arg)
{
	wait_for_completion(&go);
	return 0;
}

/* Parse a decimal (with optional '-') at *s; move *s past it. */
static long parse_long(const char **s)
{
	long v = 0, sign = 1;

	if (**s == '-')
		sign = -1, (*s)++;
	while (**s >= '0' && **s <= '9')
		v = v * 10 + (*(*s)++ - '0');
	return sign * v;
}

/* Has the task with this pid been reaped (a kernel thread reaps itself)? */
static bool proc_pid_gone(int pid)
{
	struct task_struct *task;
	unsigned long flags;
	bool gone;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid(pid);
	gone = !task;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return gone;
}

static void proc_stat_kthread_test(struct ktest *test)
{
	struct task_struct *task;
	const char *p;
	char line[512];
	unsigned long flags;
	int pid, ppid = -2, fields = 2, len;

	init_completion(&go);
	pid = kernel_thread(sleeper, NULL, "ktest-proc", 0);
	KTEST_EXPECT_GT(test, pid, 0);
	for (int i = 0; i < 100000; i++) {
		spin_lock_irqsave(&tasklist_lock, flags);
		task = find_task_by_pid(pid);
		ppid = task ? task->real_parent->tgid : -1;
		len = task ? (int)READ_ONCE(task->__state) : -1;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (len == TASK_UNINTERRUPTIBLE)
			break;
		yield();
	}
	KTEST_EXPECT_EQ(test, len, TASK_UNINTERRUPTIBLE);	/* asleep in wait_for_completion */
	len = proc_pid_stat_line(pid, line, sizeof(line));
	KTEST_EXPECT_GT(test, len, 0);
	p = line;
	KTEST_EXPECT_EQ(test, parse_long(&p), pid);
	KTEST_EXPECT_TRUE(test, !strncmp(p, " (ktest-proc) D ", 16));
	if (!strncmp(p, " (ktest-proc) D ", 16)) {
		p += 16;
		KTEST_EXPECT_EQ(test, parse_long(&p), ppid);
		for (fields = 4; *p == ' '; fields++) {
			p++;
			parse_long(&p);
		}
		KTEST_EXPECT_EQ(test, fields, 52);
		KTEST_EXPECT_EQ(test, *p, '\n');
	} else {
		pr_err("proc_test: stat line: %s", line);
	}
	complete(&go);
	/* Let it finish exiting, so later suites counting tasks and creds
	 * do not see it go in the middle of theirs. */
	for (int i = 0; i < 100000 && !proc_pid_gone(pid); i++)
		yield();
	KTEST_EXPECT_TRUE(test, proc_pid_gone(pid));
}

static void proc_vfs_test(struct ktest *test)
{
	char path[32], buf[64];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", current->tgid);
	f = filp_open(path, O_RDONLY, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f)) {
		n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
		KTEST_EXPECT_EQ(test, n, (ssize_t)strlen(current->comm) + 1);
		buf[n > 0 ? n : 0] = '\0';
		KTEST_EXPECT_TRUE(test, n > 0 && !strncmp(buf, current->comm, n - 1) &&
					buf[n - 1] == '\n');
		filp_close(f);
	}
	f = filp_open(path, O_WRONLY, 0);
	KTEST_EXPECT_EQ(test, IS_ERR(f) ? PTR_ERR(f) : 0L, (long)-EACCES);
	if (!IS_ERR(f))
		filp_close(f);
	f = filp_open("/proc/32767/stat", O_RDONLY, 0);	/* no such process at boot */
	KTEST_EXPECT_EQ(test, IS_ERR(f) ? PTR_ERR(f) : 0L, (long)-ENOENT);
	if (!IS_ERR(f))
		filp_close(f);
	KTEST_EXPECT_EQ(test, proc_pid_stat_line(32767, buf, sizeof(buf)), -ESRCH);
}

KTEST_SUITE(proc, KTEST_CASE(proc_stat_kthread_test), KTEST_CASE(proc_vfs_test));
