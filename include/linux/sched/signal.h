/*
 * struct signal_struct: what belongs to the whole process (thread group)
 * rather than to one thread: where its parent waits for children, its
 * process group and session, subreaper status. Shared by CLONE_THREAD
 * threads, copied otherwise. Linux: include/linux/sched/signal.h.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/timer.h>
#include <linux/wait.h>

/* signal_struct.flags. Linux: include/linux/sched/signal.h. */
#define SIGNAL_STOP_STOPPED 0x00000001	/* job-control stop in effect: every thread stopped */
#define SIGNAL_STOP_CONTINUED 0x00000002	/* SIGCONT came; not yet reported to a WCONTINUED wait */
#define SIGNAL_GROUP_EXIT 0x00000004	/* exit_group() or a fatal signal: every thread dies */
#define SIGNAL_CLD_STOPPED 0x00000010	/* the parent is yet to be told: stopped ... */
#define SIGNAL_CLD_CONTINUED 0x00000020	/* ... or continued (the process itself tells it) */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_UNKILLABLE 0x00000040	/* init: signals it has no handler for are ignored */
#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

struct signal_struct {
	atomic_t sigcnt;	/* references: one per thread not yet released */
	atomic_t live;	/* threads that have not yet started do_exit() */
	int nr_threads;	/* threads on thread_head (tasklist_lock) */
	struct list_head thread_head;	/* every thread, linked by task->thread_node */
	struct wait_queue_head wait_chldexit;	/* wait4/waitid sleep here */
	unsigned int flags;	/* SIGNAL_* (tasklist_lock) */
	int group_exit_code;	/* the wait status of every thread once SIGNAL_GROUP_EXIT;
				 * during a group stop, the stop signal (tasklist_lock) */
	/* Signals (kernel/signal.c): sent to the process, for any of its
	 * threads; and the group stop (how many threads still have to stop). */
	struct sigpending shared_pending;	/* sighand->siglock */
	int group_stop_count;	/* tasklist_lock and siglock */
	/* ITIMER_REAL (alarm, setitimer; kernel/time/itimer.c): SIGALRM to
	 * the process when real_timer fires; it_real_incr ticks later again
	 * if non-zero. Stopped when the last thread exits. */
	struct timer_list real_timer;
	unsigned long it_real_incr;	/* jiffies; itimer_lock */
	/* exec from a thread (fs/exec.c de_thread()): the exec'ing thread, and
	 * how many threads it still waits for (-1: the leader). tasklist_lock. */
	struct task_struct *group_exec_task;
	int notify_count;
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

/*
 * Thread groups. A process is a thread group: the tasks that share one
 * signal_struct (CLONE_THREAD). Its first task is the group leader, whose
 * pid is the group's tgid (what getpid() returns in every thread).
 * Walking a group needs tasklist_lock (Linux also allows RCU).
 */

/* Linux: for_each_thread(). Every thread of p's group, p's leader included. */
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->exit_signal >= 0;	/* as Linux: only threads have exit_signal -1 */
}

/* Is p the only thread left in its group? Linux: thread_group_empty(). */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return p->signal->nr_threads == 1;
}

/*
 * Linux: delay_group_leader(). A leader that has exited while its other
 * threads run stays a zombie that wait() must not reap: its pid is the
 * process's, and the process is not dead until its last thread is.
 */
static inline bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

static inline bool signal_group_exit(const struct signal_struct *sig)
{
	return sig->flags & SIGNAL_GROUP_EXIT;
}

/* Linux: signal_set_stop_flags(). Caller holds tasklist_lock and siglock. */
static inline void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags)
{
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | flags;
}

/* kernel/exit.c, kernel/signal.c */
void __noreturn do_group_exit(int exit_code);
int zap_other_threads(struct task_struct *p);
/* kernel/time/itimer.c: ITIMER_REAL's expiry (copy_signal() sets it up), and
 * stopping it when the last thread exits. */
void it_real_fn(struct timer_list *timer);
void exit_itimers(struct signal_struct *sig);

#endif
