/*
 * fcntl: duplicating fds and reading or changing fd and file flags.
 * Linux: fs/fcntl.c (no locks, leases, owners or signals-on-I/O here).
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

/* The file flags F_SETFL may change. Linux: SETFL_MASK. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME)

/* Linux: setfl(). ramfs and the tty have no direct I/O: O_DIRECT is EINVAL. */
static int setfl(struct file *filp, unsigned long arg)
{
	if (arg & O_DIRECT)
		return -EINVAL;
	/* Linux takes filp->f_lock for this; a racing F_SETFL on the same
	 * file could lose one of two changes. */
	WRITE_ONCE(filp->f_flags, (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK));
	return 0;
}

/* Linux: do_fcntl(). */
static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN_MAX)
			return -EINVAL;
		return f_dupfd(arg, filp, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	default:
		return -EINVAL;
	}
}

/* Linux: check_fcntl_cmd(). What an O_PATH fd allows. */
static bool check_fcntl_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD || cmd == F_SETFD ||
	       cmd == F_GETFL;
}

/* Linux: fs/fcntl.c sys_fcntl(). */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget_raw(fd);
	long err = -EBADF;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_PATH) || check_fcntl_cmd(cmd))
		err = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return err;
}
