/*
 * Process ids. A struct pid names a number and what it refers to; tasks
 * point at theirs, and the number is free again only when the last
 * reference is gone (a zombie keeps its pid until reaped).
 * Linux: include/linux/pid.h, kernel/pid.c (one pid namespace; no idr).
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/list.h>

#define PID_MAX_DEFAULT 32768	/* pids are 1 .. PID_MAX_DEFAULT - 1 */
#define RESERVED_PIDS 300	/* after wrapping, numbers restart here */

typedef int pid_t;

/* What a pid names: a thread, a process, a process group, a session.
 * Linux: include/linux/pid.h. */
enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };
struct task_struct;

struct pid {
	int count;	/* references (pid_lock) */
	pid_t nr;
	struct task_struct *task;	/* the task with this pid, NULL once it is gone */
	struct list_head hash_chain;	/* in pid_hash[], for find_pid() */
};

struct pid *alloc_pid(void);	/* ERR_PTR(-ENOMEM), or -EAGAIN when no number is free */
void put_pid(struct pid *pid);
struct pid *get_pid(struct pid *pid);
struct task_struct *find_task_by_pid(pid_t nr);	/* caller holds tasklist_lock */
void pid_init(void);
int nr_pids_in_use(void);

#endif
