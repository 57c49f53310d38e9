/*
 * Opening and closing, and the calls that work on a path without opening
 * it: truncate, access, chdir. Linux: fs/open.c.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/syscalls.h>
#include "internal.h"

/* What an O_PATH file gets: no operations at all. */
static const struct file_operations empty_fops = {};

/*
 * Linux: do_dentry_open(). Open file on inode: set its mode bits, take the
 * inode's file operations and run their open (which may swap in a
 * driver's, as chrdev_open does). O_PATH opens nothing.
 */
static int do_dentry_open(struct file *f, struct inode *inode)
{
	int err;

	f->f_inode = inode;
	if (f->f_flags & O_PATH) {
		f->f_mode = FMODE_PATH | FMODE_OPENED;
		f->f_op = &empty_fops;
		return 0;
	}
	f->f_mode = OPEN_FMODE(f->f_flags) | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	f->f_op = inode->i_fop ? inode->i_fop : &empty_fops;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err)
			return err;
	}
	f->f_mode |= FMODE_OPENED;
	if ((f->f_mode & FMODE_READ) && f->f_op->read_iter)
		f->f_mode |= FMODE_CAN_READ;
	if ((f->f_mode & FMODE_WRITE) && f->f_op->write_iter)
		f->f_mode |= FMODE_CAN_WRITE;
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return 0;
}

/* Linux: vfs_open(). Open file (from alloc_empty_file()) on path; the file
 * takes its own reference on the path. On failure the caller fput()s it. */
int vfs_open(const struct path *path, struct file *file)
{
	file->f_path = *path;
	path_get(path);
	return do_dentry_open(file, path->dentry->d_inode);
}

/* Linux: dentry_open(). Open an already looked-up path. */
struct file *dentry_open(const struct path *path, int flags)
{
	struct file *f = alloc_empty_file(flags);
	int err;

	if (IS_ERR(f))
		return f;
	err = vfs_open(path, f);
	if (err) {
		fput(f);
		return ERR_PTR(err);
	}
	return f;
}

/* Linux: nonseekable_open(). For streams (ttys): lseek, pread and pwrite
 * give ESPIPE. */
int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

/* Linux: the access modes (MAY_READ, MAY_WRITE) of O_RDONLY, O_WRONLY,
 * O_RDWR, and the odd 3 (both). */
#define ACC_MODE(x) ("\004\002\006\006"[(x) & O_ACCMODE])

/*
 * Linux: build_open_flags(). Decode open()'s flags and mode into *op.
 * Unknown flags are ignored, as Linux's open() ignores them. O_TMPFILE is
 * not supported by ramfs (EOPNOTSUPP).
 */
int build_open_flags(int flags, umode_t mode, struct open_flags *op)
{
	int acc_mode = ACC_MODE(flags);

	flags &= VALID_OPEN_FLAGS;
	if (flags & (O_CREAT | __O_TMPFILE))
		mode = (mode & S_IALLUGO) | S_IFREG;
	else
		mode = 0;
	if (flags & __O_SYNC)
		flags |= O_DSYNC;
	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;
	if (flags & O_PATH) {
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
		acc_mode = 0;
	}
	if (flags & O_TRUNC)
		acc_mode |= MAY_WRITE;
	if (flags & O_APPEND)
		acc_mode |= MAY_APPEND;
	*op = (struct open_flags){
		.open_flag = flags,
		.mode = mode,
		.acc_mode = acc_mode,
		.lookup_flags = (flags & O_DIRECTORY ? LOOKUP_DIRECTORY : 0) |
				(flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW),
	};
	return 0;
}

/*
 * Linux: filp_open(). Open a kernel path (from the cwd, or "/..."); for the
 * kernel's own use: execve reading a program, the boot code unpacking the
 * initramfs. Returns the file or an ERR_PTR; fput() it when done.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct open_flags op;
	struct file *file;
	int err = build_open_flags(flags | O_LARGEFILE, mode, &op);

	if (err) {
		putname(name);
		return ERR_PTR(err);
	}
	file = do_filp_open(AT_FDCWD, name, &op);
	putname(name);
	return file;
}

/* Linux: filp_close(). Drop an fd's reference (Linux also flushes). */
int filp_close(struct file *filp)
{
	fput(filp);
	return 0;
}

/* Linux: do_sys_open() -> do_sys_openat2(). Open into the lowest free fd. */
static long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct open_flags op;
	struct filename *tmp;
	int fd = build_open_flags(flags | O_LARGEFILE, mode, &op);	/* force_o_largefile() */

	if (fd)
		return fd;
	tmp = getname(filename);
	if (IS_ERR(tmp))
		return PTR_ERR(tmp);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		struct file *f = do_filp_open(dfd, tmp, &op);

		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(tmp);
	return fd;
}

/* Linux: fs/open.c sys_open(), sys_openat(), sys_creat(). */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* Linux: fs/open.c sys_close(). */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/* Linux: do_truncate(). Set the size (a hole if it grows); takes i_mutex. */
int do_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = dentry->d_inode;
	struct iattr newattrs = { .ia_valid = ATTR_SIZE, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	mutex_lock(&inode->i_mutex);
	err = notify_change(dentry, &newattrs);
	mutex_unlock(&inode->i_mutex);
	return err;
}

/* Linux: vfs_truncate(). Only regular files: a directory gives EISDIR,
 * anything else EINVAL. */
int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = inode_permission(inode, MAY_WRITE);
	return err ? err : do_truncate(path->dentry, length);
}

/* Linux: fs/open.c sys_truncate() -> do_sys_truncate(). */
SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct path p;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &p);
	if (!err) {
		err = vfs_truncate(&p, length);
		path_put(&p);
	}
	return err;
}

/* Linux: fs/open.c sys_ftruncate() -> do_sys_ftruncate(). The fd must be
 * open for writing on a regular file (else EINVAL). */
SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f;
	int err = -EINVAL;

	if ((long)length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (S_ISREG(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		err = do_truncate(f->f_path.dentry, length);
	fput(f);
	return err;
}

/* Linux: do_faccessat(). May the caller access the file as mode (R_OK,
 * W_OK, X_OK bits; F_OK is 0: does it exist) says? */
long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int res;

	if (mode & ~S_IRWXO)	/* where's F_OK, X_OK, W_OK, R_OK? */
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	res = user_path_at(dfd, filename, lookup_flags, &path);
	if (res)
		return res;
	res = inode_permission(path.dentry->d_inode, mode | MAY_ACCESS);
	path_put(&path);
	return res;
}

/* Linux: fs/open.c sys_faccessat2(), sys_faccessat(), sys_access(). */
SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* Make path the current directory: it must be one we may search. */
static int set_pwd_checked(const struct path *path)
{
	int err;

	if (!d_is_dir(path->dentry))
		return -ENOTDIR;
	err = inode_permission(path->dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current_fs(), path);
	return err;
}

/* Linux: fs/open.c sys_chdir(). */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (!err) {
		err = set_pwd_checked(&path);
		path_put(&path);
	}
	return err;
}

/* Linux: fs/open.c sys_fchdir(). */
SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = set_pwd_checked(&f->f_path);
	fput(f);
	return err;
}
