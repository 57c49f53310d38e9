/*
 * task->jobctl: a thread's part in a group stop (SIGSTOP and friends stop
 * every thread of the process). Protected by sighand->siglock.
 * Linux: include/linux/sched/jobctl.h (without the ptrace bits).
 */
#ifndef _LINUX_SCHED_JOBCTL_H
#define _LINUX_SCHED_JOBCTL_H

#define JOBCTL_STOP_SIGMASK 0xffff	/* the signal of the group stop */
#define JOBCTL_STOP_DEQUEUED (1UL << 16)	/* a stop signal was dequeued, not yet acted on */
#define JOBCTL_STOP_PENDING (1UL << 17)	/* this thread must stop for the group stop */
#define JOBCTL_STOP_CONSUME (1UL << 18)	/* and count itself off group_stop_count */
#define JOBCTL_PENDING_MASK JOBCTL_STOP_PENDING	/* makes signal_pending() true */

#endif
