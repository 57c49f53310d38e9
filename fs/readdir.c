/*
 * getdents64: reading a directory's entries. Linux: fs/readdir.c.
 */
#include <linux/kernel.h>
#include <linux/dirent.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/page.h>

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
	char *current_dir;	/* where the next record goes, in the kernel buffer */
	int count;	/* bytes left there */
	int error;	/* why it stopped, if before the end */
};

/*
 * Linux: filldir64(). Add one record: the fixed part, the name and its
 * NUL, padded to 8 bytes. false when it does not fit.
 */
static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 *dirent = (struct linux_dirent64 *)buf->current_dir;
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));

	buf->error = -EINVAL;	/* only seen if not even one record fits */
	if (reclen > buf->count)
		return false;
	*dirent = (struct linux_dirent64){
		.d_ino = ino,
		.d_off = offset + 1,	/* the next entry's position */
		.d_reclen = reclen,
		.d_type = d_type,
	};
	memcpy(dirent->d_name, name, namlen);
	memset(dirent->d_name + namlen, 0, reclen - offsetof(struct linux_dirent64, d_name) - namlen);
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
}

/*
 * Linux: fs/readdir.c sys_getdents64(). Returns the bytes written, 0 at
 * the end, EINVAL if the buffer cannot hold even one entry. Linux's
 * filldir64 copies each record straight to user space while the directory
 * is locked; here the records collect in a kernel buffer (up to a page per
 * call) and are copied out after: dcache_mutex is one lock for the whole
 * tree, and a user copy may fault and sleep on the address space's lock.
 */
SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = { .ctx.actor = filldir64 };
	size_t size = min((size_t)count, (size_t)PAGE_SIZE);
	struct file *f;
	char *kbuf;
	loff_t pos;
	int error;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fdget_pos(fd);
	if (!f)
		return -EBADF;
	kbuf = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!kbuf) {
		fdput_pos(f);
		return -ENOMEM;
	}
	buf.current_dir = kbuf;
	buf.count = size;
	pos = f->f_pos;
	error = iterate_dir(f, &buf.ctx);
	if (error >= 0) {
		int used = size - buf.count;

		error = used ? used : buf.error;
		if (used && copy_to_user(dirent, kbuf, used)) {
			error = -EFAULT;	/* nothing was read: the entries stay unread */
			f->f_op->llseek(f, pos, SEEK_SET);
		}
	}
	kfree(kbuf);
	fdput_pos(f);
	return error;
}
