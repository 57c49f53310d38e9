/*
 * ioctl: the few commands every fd understands, then the file's own
 * (the tty's termios calls). Linux: fs/ioctl.c.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/termios.h>
#include <linux/uaccess.h>

/* Linux: vfs_ioctl(). ENOTTY ("not a typewriter") when the file has none. */
static long vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long error;

	if (!filp->f_op->unlocked_ioctl)
		return -ENOTTY;
	error = filp->f_op->unlocked_ioctl(filp, cmd, arg);
	return error == -ENOIOCTLCMD ? -ENOTTY : error;
}

/* Linux: do_vfs_ioctl(). -ENOIOCTLCMD: not one of these; ask the file. */
static long do_vfs_ioctl(struct file *filp, unsigned int fd, unsigned int cmd,
			 unsigned long arg)
{
	int __user *argp = (int __user *)arg;
	struct inode *inode = file_inode(filp);
	int on;

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		return 0;
	case FIONBIO:
		if (get_user(on, argp))
			return -EFAULT;
		WRITE_ONCE(filp->f_flags, on ? filp->f_flags | O_NONBLOCK
					     : filp->f_flags & ~O_NONBLOCK);
		return 0;
	case FIONREAD:	/* bytes left to read: regular files here, ttys in their own */
		if (!S_ISREG(inode->i_mode))
			return -ENOIOCTLCMD;
		return put_user((int)max(inode->i_size - filp->f_pos, 0LL), argp);
	default:
		return -ENOIOCTLCMD;
	}
}

/* Linux: fs/ioctl.c sys_ioctl(). */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long error;

	if (!f)
		return -EBADF;
	error = do_vfs_ioctl(f, fd, cmd, arg);
	if (error == -ENOIOCTLCMD)
		error = vfs_ioctl(f, cmd, arg);
	fput(f);
	return error;
}
