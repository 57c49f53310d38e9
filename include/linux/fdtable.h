/*
 * The file descriptor table: which struct file each fd number names, and
 * which fds close on exec. One per process, shared by CLONE_FILES threads,
 * copied by fork (dup_fd).
 * Linux: include/linux/fdtable.h, fs/file.c.
 *
 * Locking: files->file_lock (a spinlock) guards the table; it is never
 * held while a file is closed (fput may sleep), nor while allocating.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock.h>

struct file;
struct task_struct;

#define NR_OPEN_DEFAULT BITS_PER_LONG	/* fds in the table every files_struct starts with */
/* The most fds a process may have: Linux's default RLIMIT_NOFILE (1024);
 * there are no resource limits here, so it is fixed. */
#define NR_OPEN_MAX 1024

/* The table proper; replaced by a bigger one when it fills up. */
struct fdtable {
	unsigned int max_fds;	/* slots in fd[] */
	struct file **fd;	/* fd[n]: the file fd n names, or NULL */
	unsigned long *close_on_exec;	/* bit n: fd n has FD_CLOEXEC */
	unsigned long *open_fds;	/* bit n: fd n is in use (possibly still being installed) */
};

struct files_struct {
	atomic_t count;	/* tasks sharing it */
	spinlock_t file_lock;
	struct fdtable *fdt;	/* &fdtab, or a bigger table from expand_files() */
	struct fdtable fdtab;
	unsigned int next_fd;	/* no free fd below this: where the search starts */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

extern struct files_struct init_files;

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void get_files_struct(struct files_struct *files);
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);
void do_close_on_exec(struct files_struct *files);

#endif
