/*
 * /proc: the process filesystem, generated from the task list when read.
 * Linux: include/linux/proc_fs.h, fs/proc/ (cut down: one directory per
 * process with its stat and comm, nothing else).
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/kernel.h>

struct task_struct;

/* Make /proc (a directory in the rootfs whose entries procfs serves). */
void proc_root_init(void);

/* The state letter ps shows: R S D T Z X. Caller holds tasklist_lock. */
char task_state_char(const struct task_struct *task);

/* Write pid's /proc/<pid>/stat line into buf (NUL-terminated); its
 * length, or -ESRCH if there is no such process. */
int proc_pid_stat_line(int pid, char *buf, size_t size);

#endif
