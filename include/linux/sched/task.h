/*
 * The arguments of process creation, gathered in one struct so every caller
 * (fork, vfork, clone, clone3, kernel_thread, user_mode_thread) goes through
 * the same kernel_clone(). Linux: include/linux/sched/task.h.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/types.h>
#include <linux/pid.h>
#include <linux/spinlock.h>

struct kernel_clone_args {
	u64 flags;	/* CLONE_* */
	int exit_signal;	/* sent to the parent when the child exits */
	unsigned long stack;	/* the child's user stack pointer (0: the parent's) */
	unsigned long stack_size;
	unsigned long tls;	/* CLONE_SETTLS: the new FS base */
	int *child_tid, *parent_tid;	/* user pointers for the *_SETTID/CLEARTID flags */
	int *pidfd;	/* CLONE_PIDFD: where the pidfd goes (clone: parent_tid) */
	pid_t *set_tid;	/* clone3: the pid asked for (a kernel copy), if set_tid_size */
	size_t set_tid_size;
	int cgroup;	/* clone3 CLONE_INTO_CGROUP: the cgroup's fd */
	u32 kthread : 1;	/* a kernel thread: never returns to user mode */
	int (*fn)(void *);	/* kernel_thread/user_mode_thread: run this in the child */
	void *fn_arg;
	const char *name;	/* the child's comm, for kernel threads */
};

/* Protects the task list and every task's parent/children/sibling links. */
extern spinlock_t tasklist_lock;
/* kernel/exit.c: unlink a dead task and drop its parent's reference. */
void release_task(struct task_struct *p);
extern int nr_threads;

struct task_struct *copy_process(struct kernel_clone_args *args);

#endif
