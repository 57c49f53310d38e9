/*
 * pidfds: file descriptors that name a process. A pid number can come to
 * name another process once the first is reaped and the number reused; a
 * pidfd holds a reference on the process's struct pid, so it names that one
 * process for as long as it is open: pidfd_send_signal() and
 * waitid(P_PIDFD) then reach it or fail, never a stranger. clone(CLONE_PIDFD)
 * returns one for the child; pidfd_open() makes one for an existing process.
 * Linux: kernel/fork.c (pidfd_fops, pidfd_pid, pidfd_prepare) and
 * kernel/pid.c (pidfd_create, pidfd_get_pid, pidfd_open). Left out: poll
 * (readable when the process exits), fdinfo, pidfd_getfd, and
 * /proc/<pid> directory fds as pidfds.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>

/* Linux: pidfd_release(). The last fd on the file is closed: let go of the pid. */
static int pidfd_release(struct inode *inode, struct file *file)
{
	struct pid *pid = file->private_data;

	file->private_data = NULL;
	put_pid(pid);
	return 0;
}

/* Linux: pidfd_fops. No read or write: a pidfd is only a handle. */
const struct file_operations pidfd_fops = {
	.release = pidfd_release,
};

/* Linux: pidfd_pid(). The pid a pidfd's file holds (no reference taken),
 * or ERR_PTR(-EBADF) if file is not a pidfd. */
struct pid *pidfd_pid(const struct file *file)
{
	if (file->f_op == &pidfd_fops)
		return file->private_data;
	return ERR_PTR(-EBADF);
}

/*
 * Linux: pidfd_prepare() (6.5; 6.1 open-codes these steps in copy_process()
 * and pidfd_create()). Reserve a close-on-exec fd and make a pidfd file on
 * pid, which takes a reference on pid. Returns the fd, the file in *ret;
 * the caller then fd_install()s it, or undoes both with fput() and
 * put_unused_fd(). Or -EMFILE, -ENOMEM.
 */
int pidfd_prepare(struct pid *pid, unsigned int flags, struct file **ret)
{
	struct file *file;
	int fd = get_unused_fd_flags(O_CLOEXEC);

	if (fd < 0)
		return fd;
	file = anon_inode_getfile("[pidfd]", &pidfd_fops, pid, (int)(flags | O_RDWR));
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return (int)PTR_ERR(file);
	}
	get_pid(pid);	/* the file's reference, dropped by pidfd_release() */
	*ret = file;
	return fd;
}

/* Linux: pidfd_create(). A new pidfd for pid in the current fd table. */
static int pidfd_create(struct pid *pid, unsigned int flags)
{
	struct file *file = NULL;
	int fd = pidfd_prepare(pid, flags, &file);

	if (fd >= 0)
		fd_install(fd, file);
	return fd;
}

/*
 * Linux: pidfd_get_pid(). The pid that pidfd fd names, with a reference
 * (drop it with put_pid), and the file's flags in *flags (O_NONBLOCK
 * matters to waitid). ERR_PTR(-EBADF) if fd is not an open pidfd.
 */
struct pid *pidfd_get_pid(unsigned int fd, unsigned int *flags)
{
	struct file *file = fget(fd);
	struct pid *pid;

	if (!file)
		return ERR_PTR(-EBADF);
	pid = pidfd_pid(file);
	if (!IS_ERR(pid)) {
		get_pid(pid);
		*flags = file->f_flags;
	}
	fput(file);
	return pid;
}

/*
 * Linux: sys_pidfd_open(). A pidfd for the process upid, which may be a
 * zombie not yet reaped. -EINVAL for unknown flags, upid <= 0, or a
 * thread that does not lead its group; -ESRCH if there is no such task.
 */
SYSCALL_DEFINE2(pidfd_open, pid_t, upid, unsigned int, flags)
{
	struct task_struct *p;
	struct pid *pid = NULL;
	unsigned long irqflags;
	int fd;

	if (flags & ~PIDFD_NONBLOCK)
		return -EINVAL;
	if (upid <= 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, irqflags);
	p = find_task_by_pid(upid);
	if (p && p->group_leader == p)
		pid = get_pid(p->thread_pid);
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
	if (!p)
		return -ESRCH;
	if (!pid)
		return -EINVAL;	/* Linux: pid_has_task(pid, PIDTYPE_TGID) fails */
	fd = pidfd_create(pid, flags);
	put_pid(pid);
	return fd;
}
