/*
 * stat, lstat, fstat, newfstatat, statx: what an inode looks like from
 * user space. Linux: fs/stat.c.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* The device every rootfs file is on: an anonymous one, as Linux gives
 * filesystems without a disk (major 0). */
#define ROOTFS_DEV MKDEV(0, 1)

/* Linux: vfs_getattr() -> generic_fillattr(). */
int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = path->dentry->d_inode;

	*stat = (struct kstat){
		.result_mask = STATX_BASIC_STATS,
		.mode = inode->i_mode,
		.nlink = inode->i_nlink,
		.blksize = PAGE_SIZE,
		.ino = inode->i_ino,
		.dev = ROOTFS_DEV,
		.rdev = inode->i_rdev,
		.uid = inode->i_uid,
		.gid = inode->i_gid,
		.size = inode->i_size,
		.atime = inode->i_atime,
		.mtime = inode->i_mtime,
		.ctime = inode->i_ctime,
		.blocks = inode->i_nrpages * (PAGE_SIZE / 512),
	};
	return 0;
}

/* Linux: vfs_fstat(). Any open file, O_PATH ones too. */
static int vfs_fstat(unsigned int fd, struct kstat *stat)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, stat);
	fput(f);
	return err;
}

/* Linux: vfs_statx(). Look filename up from dfd as flags say
 * (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH) and get its attributes. */
static int vfs_statx(int dfd, const char __user *filename, int flags, struct kstat *stat)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

/* Linux: vfs_fstatat(). */
int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags)
{
	return vfs_statx(dfd, filename, flags, stat);
}

/* Linux: cp_new_stat(). Copy out as struct stat. */
static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp = {
		.st_dev = new_encode_dev(stat->dev),
		.st_ino = stat->ino,
		.st_nlink = stat->nlink,
		.st_mode = stat->mode,
		.st_uid = stat->uid,
		.st_gid = stat->gid,
		.st_rdev = new_encode_dev(stat->rdev),
		.st_size = stat->size,
		.st_blksize = stat->blksize,
		.st_blocks = stat->blocks,
		.st_atime = stat->atime.tv_sec,
		.st_atime_nsec = stat->atime.tv_nsec,
		.st_mtime = stat->mtime.tv_sec,
		.st_mtime_nsec = stat->mtime.tv_nsec,
		.st_ctime = stat->ctime.tv_sec,
		.st_ctime_nsec = stat->ctime.tv_nsec,
	};

	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* Linux: fs/stat.c sys_newstat(), sys_newlstat(), sys_newfstat(),
 * sys_newfstatat() (x86-64 calls them stat, lstat, fstat, newfstatat). */
SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat(&stat, statbuf);
}

/* Linux: do_readlinkat(). Copy a symbolic link's body (no NUL) into buf,
 * at most bufsiz bytes; EINVAL if the path is not a link. */
static int do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	struct inode *inode;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	if (!S_ISLNK(inode->i_mode)) {
		err = -EINVAL;
	} else {
		int len = min((loff_t)bufsiz, inode->i_size);

		err = copy_to_user(buf, inode->i_link, len) ? -EFAULT : len;
	}
	path_put(&path);
	return err;
}

/* Linux: fs/stat.c sys_readlinkat(), sys_readlink(). */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* Linux: cp_statx(). */
static int cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = stat->result_mask;
	tmp.stx_blksize = stat->blksize;
	tmp.stx_nlink = stat->nlink;
	tmp.stx_uid = stat->uid;
	tmp.stx_gid = stat->gid;
	tmp.stx_mode = stat->mode;
	tmp.stx_ino = stat->ino;
	tmp.stx_size = stat->size;
	tmp.stx_blocks = stat->blocks;
	tmp.stx_atime = (struct statx_timestamp){ stat->atime.tv_sec, stat->atime.tv_nsec, 0 };
	tmp.stx_ctime = (struct statx_timestamp){ stat->ctime.tv_sec, stat->ctime.tv_nsec, 0 };
	tmp.stx_mtime = (struct statx_timestamp){ stat->mtime.tv_sec, stat->mtime.tv_nsec, 0 };
	tmp.stx_rdev_major = MAJOR(stat->rdev);
	tmp.stx_rdev_minor = MINOR(stat->rdev);
	tmp.stx_dev_major = MAJOR(stat->dev);
	tmp.stx_dev_minor = MINOR(stat->dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* Linux: fs/stat.c sys_statx(). The basic fields; no birth time. */
SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct kstat stat;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = vfs_statx(dfd, filename, flags, &stat);
	return err ? err : cp_statx(&stat, buffer);
}
