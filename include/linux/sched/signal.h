/*
 * struct signal_struct: what belongs to the whole process (thread group)
 * rather than to one thread: where its parent waits for children, its
 * process group and session, subreaper status. Shared by CLONE_THREAD
 * threads, copied otherwise. Linux: include/linux/sched/signal.h.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/types.h>
#include <linux/resource.h>
#include <linux/wait.h>

struct signal_struct {
	int sigcnt;	/* references: one per thread (tasklist_lock) */
	struct wait_queue_head wait_chldexit;	/* wait4/waitid sleep here */
	pid_t pgrp;	/* process group id (Linux: pids[PIDTYPE_PGID]) */
	pid_t session;	/* session id (Linux: pids[PIDTYPE_SID]) */
	bool is_child_subreaper;	/* prctl(PR_SET_CHILD_SUBREAPER) */
	/* Resource limits (kernel/rlimit.c): tasklist_lock to write them, or to
	 * copy them (fork); a task may read its own soft limit without. */
	struct rlimit rlim[RLIM_NLIMITS];
};

/* Linux: task_rlimit(), rlimit(). A task's soft limit for a resource. */
#define task_rlimit(task, limit) READ_ONCE((task)->signal->rlim[limit].rlim_cur)
#define rlimit(limit) task_rlimit(current, limit)

extern struct signal_struct init_signals;

#endif
