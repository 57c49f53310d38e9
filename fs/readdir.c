/*
 * getdents64: reading a directory's entries. Linux: fs/readdir.c.
 */
#include <linux/kernel.h>
#include <linux/dirent.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/*
 * Linux: iterate_dir(). Give ctx the directory's entries from f_pos on;
 * f_pos moves past those taken. -ENOTDIR if file is not a directory,
 * -ENOENT if the directory has been removed. Caller holds f_pos_lock.
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!file->f_op->iterate_shared)
		return -ENOTDIR;
	if (IS_DEADDIR(inode))
		return -ENOENT;
	ctx->pos = file->f_pos;
	res = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	return res;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;	/* where the next record goes */
	int count;	/* bytes left in the user's buffer */
	int error;	/* why it stopped, if before the end */
};

/*
 * Linux: filldir64(). Write one record: the fixed part, the name and its
 * NUL, padded to 8 bytes. false when it does not fit (or on a fault).
 */
static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 __user *dirent = buf->current_dir;
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct linux_dirent64 d = {
		.d_ino = ino,
		.d_off = offset + 1,	/* the next entry's position */
		.d_reclen = reclen,
		.d_type = d_type,
	};

	buf->error = -EINVAL;	/* only seen if not even one record fits */
	if (reclen > buf->count)
		return false;
	if (copy_to_user(dirent, &d, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(dirent->d_name, name, namlen) || put_user((char)0, dirent->d_name + namlen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->current_dir = (void __user *)((char __user *)dirent + reclen);
	buf->count -= reclen;
	return true;
}

/* Linux: fs/readdir.c sys_getdents64(). Returns the bytes written, 0 at
 * the end, EINVAL if the buffer cannot hold even one entry. */
SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.count = min(count, 0x7fffffffU),
		.current_dir = dirent,
	};
	struct file *f;
	int error;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fdget_pos(fd);
	if (!f)
		return -EBADF;
	error = iterate_dir(f, &buf.ctx);
	if (error >= 0)
		error = buf.count < (int)count ? (int)count - buf.count : buf.error;
	fdput_pos(f);
	return error;
}
