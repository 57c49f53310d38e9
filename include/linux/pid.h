/*
 * Process ids. A struct pid names a number and what it refers to; tasks
 * point at theirs, and the number is free again only when the last
 * reference is gone (a zombie keeps its pid until reaped).
 * Linux: include/linux/pid.h, kernel/pid.c (one pid namespace; no idr).
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/list.h>
#include <linux/types.h>

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

/* set_tid: NULL, or the number wanted (set_tid_size 1). ERR_PTR(-ENOMEM),
 * -EAGAIN when no number is free; for set_tid also -EINVAL, -EPERM, -EEXIST. */
struct pid *alloc_pid(pid_t *set_tid, size_t set_tid_size);
void put_pid(struct pid *pid);
void free_pid(struct pid *pid);	/* reaped: the number is free, the struct may live on */
struct pid *get_pid(struct pid *pid);
struct task_struct *find_task_by_pid(pid_t nr);	/* caller holds tasklist_lock */

/* pidfds (kernel/pidfd.c): a file that names one struct pid. */
struct file;
#define PIDFD_NONBLOCK 00004000	/* O_NONBLOCK: pidfd_open's one flag */
extern const struct file_operations pidfd_fops;
struct pid *pidfd_pid(const struct file *file);	/* no reference; ERR_PTR(-EBADF) */
struct pid *pidfd_get_pid(unsigned int fd, unsigned int *flags);	/* with a reference */
int pidfd_prepare(struct pid *pid, unsigned int flags, struct file **ret);
void pid_init(void);
int nr_pids_in_use(void);
void exchange_tids(struct task_struct *left, struct task_struct *right);

#endif
