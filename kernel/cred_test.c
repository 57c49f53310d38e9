/*
 * Tests for credentials, users' process counts and resource limits
 * (kernel/cred.c, kernel/user.c, kernel/sys_creds.c, kernel/rlimit.c) and
 * for RLIMIT_NPROC in copy_process.
 *
 * The test task is pid 1 (root). Whatever needs other ids runs in a child
 * it forks, so pid 1 keeps its own; the child reports through `test`.
 */
#include <linux/ktest.h>
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/clone.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include "../fs/ktest_user.h"	/* ktest_syscall(): a system call as user space makes it */

#define NOBODY 4242	/* a uid and gid nothing else uses */

extern int max_threads;	/* kernel/fork.c */

/* How many processes uid has, or -1 if it has no user_struct at all. */
static int user_processes(kuid_t uid)
{
	struct user_struct *up = find_user(uid);
	int n = up ? atomic_read(&up->processes) : -1;

	free_uid(up);
	return n;
}

/* Let exited tasks make their last switch away, so their task_struct (and
 * with it their creds) is freed. */
static void let_tasks_go(void)
{
	for (int i = 0; i < 10; i++)
		yield();
}

/* A child of the test task: runs fn(c), which ends with do_exit(). */
struct child {
	struct ktest *test;
	struct completion started;	/* the child has done its first part */
	struct completion go;	/* the parent has looked: the child may go on */
	const struct cred *cred;	/* the child's cred, as it saw it */
	long arg;
};

static pid_t fork_child(int (*fn)(void *), struct child *c)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD, .fn = fn, .fn_arg = c };

	init_completion(&c->started);
	init_completion(&c->go);
	return kernel_clone(&args);
}

/* Reap child pid; true if it exited with status 0. */
static bool reap(struct ktest *test, pid_t pid)
{
	int status = -1;

	return KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid) &&
	       KTEST_EXPECT_EQ(test, status, 0);
}

static int child_shows_cred(void *arg)
{
	struct child *c = arg;

	c->cred = current_cred();
	complete(&c->started);
	wait_for_completion(&c->go);
	do_exit(0);
}

/* fork shares the parent's cred (two references more: cred and real_cred)
 * and counts the child as one more process of root; both undone after. */
static void cred_shared_by_fork_test(struct ktest *test)
{
	const struct cred *mine = current_cred();
	int usage = atomic_read(&mine->usage), root = user_processes(GLOBAL_ROOT_UID);
	struct child c = { .test = test };
	pid_t pid = fork_child(child_shows_cred, &c);

	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	wait_for_completion(&c.started);
	KTEST_EXPECT_TRUE(test, c.cred == mine);
	KTEST_EXPECT_EQ(test, atomic_read(&mine->usage), usage + 2);
	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root + 1);
	complete(&c.go);
	reap(test, pid);
	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root);
	let_tasks_go();
	KTEST_EXPECT_EQ(test, atomic_read(&mine->usage), usage);
}

static int child_becomes_nobody(void *arg)
{
	struct child *c = arg;
	long ret = __sys_setresuid(NOBODY, NOBODY, NOBODY);

	KTEST_EXPECT_EQ(c->test, ret, 0);
	c->cred = current_cred();
	complete(&c->started);
	wait_for_completion(&c->go);
	do_exit(0);
}

/* Changing ids copies the cred: the child's new ids are not the parent's.
 * Its process moves from root's count to the new user's, which goes away
 * with the child. */
static void cred_copy_on_write_test(struct ktest *test)
{
	const struct cred *mine = current_cred();
	int usage = atomic_read(&mine->usage), root = user_processes(GLOBAL_ROOT_UID);
	struct child c = { .test = test };

	KTEST_ASSERT_EQ(test, user_processes(NOBODY), -1);
	pid_t pid = fork_child(child_becomes_nobody, &c);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	wait_for_completion(&c.started);
	KTEST_EXPECT_TRUE(test, c.cred != mine);
	KTEST_EXPECT_EQ(test, c.cred->uid, NOBODY);
	KTEST_EXPECT_EQ(test, c.cred->euid, NOBODY);
	KTEST_EXPECT_EQ(test, c.cred->suid, NOBODY);
	KTEST_EXPECT_EQ(test, c.cred->fsuid, NOBODY);
	KTEST_EXPECT_EQ(test, atomic_read(&c.cred->usage), 2);	/* the child's alone */
	KTEST_EXPECT_TRUE(test, current_cred() == mine);	/* ours untouched */
	KTEST_EXPECT_EQ(test, mine->uid, 0);
	KTEST_EXPECT_EQ(test, mine->euid, 0);
	/* The child let go of our cred when it changed its own. */
	KTEST_EXPECT_EQ(test, atomic_read(&mine->usage), usage);
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), 1);
	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root);
	complete(&c.go);
	reap(test, pid);
	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root);
	let_tasks_go();
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), -1);	/* freed with the last cred */
}

/* Check all four uids of the current task. */
#define EXPECT_UIDS(test, r, e, s, fs)                                \
	do {                                                          \
		KTEST_EXPECT_EQ(test, current_uid(), r);              \
		KTEST_EXPECT_EQ(test, current_euid(), e);             \
		KTEST_EXPECT_EQ(test, current_cred()->suid, s);       \
		KTEST_EXPECT_EQ(test, current_cred()->fsuid, fs);     \
	} while (0)

static int child_tries_uids(void *arg)
{
	struct ktest *test = ((struct child *)arg)->test;

	/* Root may set anything. */
	KTEST_EXPECT_EQ(test, __sys_setresuid(1000, 2000, 3000), 0);
	EXPECT_UIDS(test, 1000, 2000, 3000, 2000);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getuid, 0, 0, 0, 0, 0, 0), 1000);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_geteuid, 0, 0, 0, 0, 0, 0), 2000);
	/* euid 2000 now: only ids it already has. */
	KTEST_EXPECT_EQ(test, __sys_setresuid(4000, -1, -1), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setresuid(-1, 0, -1), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setresuid(-1, -1, 5), -EPERM);
	EXPECT_UIDS(test, 1000, 2000, 3000, 2000);	/* a refused call changes nothing */
	KTEST_EXPECT_EQ(test, __sys_setresuid(3000, 1000, 2000), 0);	/* a shuffle is fine */
	EXPECT_UIDS(test, 3000, 1000, 2000, 1000);
	KTEST_EXPECT_EQ(test, __sys_setresuid(-1, -1, -1), 0);
	/* setuid, unprivileged: the effective uid, to the real or saved one. */
	KTEST_EXPECT_EQ(test, __sys_setuid(2000), 0);
	EXPECT_UIDS(test, 3000, 2000, 2000, 2000);
	KTEST_EXPECT_EQ(test, __sys_setuid(5), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setuid(-1), -EINVAL);
	/* setreuid: the real uid only to the real or effective one. */
	KTEST_EXPECT_EQ(test, __sys_setreuid(1000, -1), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setreuid(-1, 3000), 0);	/* euid = ruid: suid kept */
	EXPECT_UIDS(test, 3000, 3000, 2000, 3000);
	KTEST_EXPECT_EQ(test, __sys_setreuid(3000, 2000), 0);	/* ruid given: suid = euid */
	EXPECT_UIDS(test, 3000, 2000, 2000, 2000);
	/* setfsuid returns the old fs uid, whether or not it changed it. */
	KTEST_EXPECT_EQ(test, __sys_setfsuid(5), 2000);
	KTEST_EXPECT_EQ(test, __sys_setfsuid(3000), 2000);
	KTEST_EXPECT_EQ(test, current_cred()->fsuid, 3000);
	/* No CAP_SETGID: groups and foreign gids are refused. */
	KTEST_EXPECT_EQ(test, __sys_setgid(7), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setresgid(7, -1, -1), -EPERM);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_setgroups, 0, 0, 0, 0, 0, 0), -EPERM);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getgroups, 0, 0, 0, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getgroups, -1, 0, 0, 0, 0, 0), -EINVAL);
	/* Back to euid 0 is impossible: no id of ours is 0 any more. */
	KTEST_EXPECT_FALSE(test, capable(CAP_SETUID));
	do_exit(0);
}

/* setresuid/setuid/setreuid/setfsuid: root may set anything; an
 * unprivileged process only ids it already has, else EPERM. */
static void setuid_rules_test(struct ktest *test)
{
	struct child c = { .test = test };
	pid_t pid = fork_child(child_tries_uids, &c);

	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	reap(test, pid);
}

static int child_tries_gids(void *arg)
{
	struct ktest *test = ((struct child *)arg)->test;
	const struct cred *cred;

	KTEST_EXPECT_EQ(test, __sys_setresgid(100, 200, 300), 0);
	/* euid 0 with another real uid still has every capability. */
	KTEST_EXPECT_EQ(test, __sys_setresuid(NOBODY, 0, NOBODY), 0);
	KTEST_EXPECT_EQ(test, __sys_setgid(5), 0);	/* privileged: all four */
	cred = current_cred();
	KTEST_EXPECT_TRUE(test, cred->gid == 5 && cred->egid == 5 && cred->sgid == 5 &&
				      cred->fsgid == 5);
	KTEST_EXPECT_EQ(test, __sys_setresgid(100, 200, 300), 0);
	KTEST_EXPECT_EQ(test, __sys_setresuid(-1, NOBODY, -1), 0);	/* drop euid 0 */
	KTEST_EXPECT_EQ(test, __sys_setresgid(400, -1, -1), -EPERM);
	KTEST_EXPECT_EQ(test, __sys_setregid(-1, 300), 0);	/* the saved gid */
	KTEST_EXPECT_EQ(test, __sys_setgid(100), 0);	/* unprivileged: egid only */
	cred = current_cred();
	KTEST_EXPECT_TRUE(test, cred->gid == 100 && cred->egid == 100 && cred->sgid == 300 &&
				      cred->fsgid == 100);
	KTEST_EXPECT_EQ(test, __sys_setgid(200), -EPERM);	/* no longer real or saved */
	KTEST_EXPECT_EQ(test, __sys_setregid(200, -1), -EPERM);
	do_exit(0);
}

/* The gid calls follow the same rules, with euid 0 as the privilege. */
static void setgid_rules_test(struct ktest *test)
{
	int root = user_processes(GLOBAL_ROOT_UID);
	struct child c = { .test = test };
	pid_t pid = fork_child(child_tries_gids, &c);

	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	reap(test, pid);
	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root);
	let_tasks_go();
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), -1);
}

/* do_prlimit() with tasklist_lock held, as its callers do. max 0: only
 * read the limit into *old. */
static int prlimit(struct task_struct *tsk, unsigned int res, unsigned long cur,
		   unsigned long max, struct rlimit *old)
{
	struct rlimit new = { cur, max };
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = do_prlimit(tsk, res, max ? &new : NULL, old);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static int child_tries_limits(void *arg)
{
	struct child *c = arg;
	struct ktest *test = c->test;
	struct rlimit old;

	/* The parent's limits, inherited. */
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 0, 0, &old), 0);
	KTEST_EXPECT_EQ(test, old.rlim_cur, 1234);
	KTEST_EXPECT_EQ(test, old.rlim_max, 5678);
	KTEST_EXPECT_EQ(test, __sys_setresuid(NOBODY, NOBODY, NOBODY), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 100, 5000, NULL), 0);	/* lower */
	/* Raising the hard limit needs CAP_SYS_RESOURCE. */
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 100, 5001, NULL), -EPERM);
	/* The soft limit may go up to the hard one. */
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 5000, 5000, NULL), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 5001, 5000, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 0, 0, &old), 0);
	KTEST_EXPECT_TRUE(test, old.rlim_cur == 5000 && old.rlim_max == 5000);
	/* Another user's process (pid 1, root's): EPERM even to read. */
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_prlimit64, 1, RLIMIT_CORE, 0, 0, 0, 0), -EPERM);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_prlimit64, current->pid, RLIMIT_CORE, 0, 0, 0, 0),
			0);
	do_exit(0);
}

/*
 * The limit rules: EINVAL for a bad resource or soft > hard; raising a hard
 * limit needs CAP_SYS_RESOURCE; limits are inherited; prlimit64 on a pid
 * that does not exist is ESRCH, on another user's process EPERM.
 */
static void prlimit_rules_test(struct ktest *test)
{
	struct rlimit saved, now;
	struct child c = { .test = test };

	KTEST_ASSERT_EQ(test, prlimit(current, RLIMIT_CORE, 0, 0, &saved), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIM_NLIMITS, 0, 0, &now), -EINVAL);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 2, 1, NULL), -EINVAL);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NOFILE, 10, NR_OPEN + 1, NULL), -EPERM);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 1234, 5678, NULL), 0);
	/* Root may raise a hard limit. */
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 1234, RLIM_INFINITY, NULL), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 1234, 5678, NULL), 0);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_prlimit64, 0x7ffffff0, RLIMIT_CORE, 0, 0, 0, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getrlimit, RLIM_NLIMITS, 0, 0, 0, 0, 0), -EINVAL);
	/* init's RLIMIT_NPROC is Linux's: half of max_threads. */
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NPROC, 0, 0, &now), 0);
	KTEST_EXPECT_EQ(test, now.rlim_cur, max_threads / 2);
	KTEST_EXPECT_EQ(test, now.rlim_max, max_threads / 2);

	pid_t pid = fork_child(child_tries_limits, &c);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	reap(test, pid);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, 0, 0, &now), 0);
	/* The child's changes were its own. */
	KTEST_EXPECT_TRUE(test, now.rlim_cur == 1234 && now.rlim_max == 5678);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_CORE, saved.rlim_cur, saved.rlim_max, NULL),
			0);
}

#define NPROC_LIMIT 3
static DECLARE_WAIT_QUEUE_HEAD(nproc_wq);
static bool nproc_release;

static int grandchild_waits(void *arg)
{
	wait_event(nproc_wq, READ_ONCE(nproc_release));
	do_exit(0);
}

static pid_t fork_grandchild(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD, .fn = grandchild_waits };

	return kernel_clone(&args);
}

/* As user NOBODY with RLIMIT_NPROC 3: this task and 2 children, then
 * EAGAIN; after they are reaped, fork works again. */
static int child_forks_to_limit(void *arg)
{
	struct child *c = arg;
	struct ktest *test = c->test;
	pid_t kids[NPROC_LIMIT + 1], pid = 0;
	int n = 0;

	KTEST_EXPECT_EQ(test, __sys_setresuid(NOBODY, NOBODY, NOBODY), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NPROC, NPROC_LIMIT, NPROC_LIMIT, NULL), 0);
	while (n <= NPROC_LIMIT && (pid = fork_grandchild()) > 0)
		kids[n++] = pid;
	KTEST_EXPECT_EQ(test, pid, -EAGAIN);
	KTEST_EXPECT_EQ(test, n, NPROC_LIMIT - 1);
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), NPROC_LIMIT);	/* the failure undone */
	WRITE_ONCE(nproc_release, true);
	wake_up(&nproc_wq);
	for (int i = 0; i < n; i++)
		reap(test, kids[i]);
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), 1);
	WRITE_ONCE(nproc_release, false);
	pid = fork_grandchild();
	KTEST_EXPECT_GT(test, pid, 0);
	WRITE_ONCE(nproc_release, true);
	wake_up(&nproc_wq);
	if (pid > 0)
		reap(test, pid);
	do_exit(0);
}

static int child_privileged_over_limit(void *arg)
{
	struct child *c = arg;
	struct ktest *test = c->test;
	pid_t pid;

	/* Real uid NOBODY (counted there), effective uid 0: exempt. */
	KTEST_EXPECT_EQ(test, __sys_setresuid(NOBODY, 0, 0), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NPROC, 1, 1, NULL), 0);
	WRITE_ONCE(nproc_release, true);
	pid = fork_grandchild();
	KTEST_EXPECT_GT(test, pid, 0);
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), 2);
	if (pid > 0)
		reap(test, pid);
	do_exit(0);
}

/*
 * fork returns EAGAIN when a non-root user reaches RLIMIT_NPROC, the
 * counts come back when children are reaped, and neither root nor a
 * process with euid 0 is held to the limit. Nothing leaks.
 */
static void fork_nproc_limit_test(struct ktest *test)
{
	int root = user_processes(GLOBAL_ROOT_UID), pids = nr_pids_in_use();
	int threads = READ_ONCE(nr_threads);
	struct child c = { .test = test };
	struct rlimit saved;
	pid_t pid;

	nproc_release = false;
	pid = fork_child(child_forks_to_limit, &c);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	reap(test, pid);

	pid = fork_child(child_privileged_over_limit, &c);
	if (!KTEST_EXPECT_GT(test, pid, 0))
		return;
	reap(test, pid);

	/* Root (real uid 0) over its limit: still forks. */
	KTEST_ASSERT_EQ(test, prlimit(current, RLIMIT_NPROC, 0, 0, &saved), 0);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NPROC, 1, saved.rlim_max, NULL), 0);
	WRITE_ONCE(nproc_release, true);
	pid = fork_grandchild();
	KTEST_EXPECT_GT(test, pid, 0);
	if (pid > 0)
		reap(test, pid);
	KTEST_EXPECT_EQ(test, prlimit(current, RLIMIT_NPROC, saved.rlim_cur, saved.rlim_max, NULL),
			0);

	KTEST_EXPECT_EQ(test, user_processes(GLOBAL_ROOT_UID), root);
	KTEST_EXPECT_EQ(test, nr_pids_in_use(), pids);
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
	let_tasks_go();
	KTEST_EXPECT_EQ(test, user_processes(NOBODY), -1);
}

/* setgroups as root: sorted, searchable, and -1 refused; then back to none. */
static void groups_test(struct ktest *test)
{
	static const kgid_t gids[] = { 30, 10, 20 };
	struct group_info *gi = groups_alloc(ARRAY_SIZE(gids));

	KTEST_ASSERT_NOT_NULL(test, gi);
	memcpy(gi->gid, gids, sizeof(gids));
	groups_sort(gi);
	KTEST_EXPECT_TRUE(test, gi->gid[0] == 10 && gi->gid[1] == 20 && gi->gid[2] == 30);
	KTEST_EXPECT_EQ(test, set_current_groups(gi), 0);
	put_group_info(gi);
	KTEST_EXPECT_TRUE(test, in_group_p(20));
	KTEST_EXPECT_TRUE(test, in_group_p(0));	/* the fsgid */
	KTEST_EXPECT_FALSE(test, in_group_p(25));
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getgroups, 0, 0, 0, 0, 0, 0), 3);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getgroups, 2, 0, 0, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_setgroups, NGROUPS_MAX + 1, 0, 0, 0, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_setgroups, 0, 0, 0, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_getgroups, 0, 0, 0, 0, 0, 0), 0);
	KTEST_EXPECT_FALSE(test, in_group_p(20));
}

KTEST_SUITE(cred, KTEST_CASE(cred_shared_by_fork_test), KTEST_CASE(cred_copy_on_write_test),
	    KTEST_CASE(setuid_rules_test), KTEST_CASE(setgid_rules_test),
	    KTEST_CASE(prlimit_rules_test), KTEST_CASE(fork_nproc_limit_test),
	    KTEST_CASE(groups_test));
