/*
 * read, write and their relatives (pread64, pwrite64, readv, writev),
 * lseek, and the kernel's own kernel_read/kernel_write.
 * Linux: fs/read_write.c.
 *
 * Every call turns into one f_op->read_iter or ->write_iter on an
 * iov_iter, at a position: f_pos for read/write (serialised by f_pos_lock
 * for regular files and directories, so threads sharing a file do not
 * read the same bytes twice), or the caller's for pread/pwrite.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* Linux: vfs_setpos(). Set f_pos to offset if 0 <= offset <= maxsize. */
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/*
 * Linux: generic_file_llseek(). SEEK_SET, SEEK_CUR, SEEK_END, and
 * SEEK_DATA/SEEK_HOLE as for a file without holes (the data is all of it,
 * the only hole is at the end); ENXIO at or past the end for those two.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file_inode(file)->i_size;

	switch (whence) {
	case SEEK_END:
		offset += size;
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		offset = size;
		break;
	}
	return vfs_setpos(file, offset, RAMFS_MAX_FILE_SIZE);
}

/* Linux: vfs_llseek(). ESPIPE for files that cannot seek (ttys). */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* The file fd names, with f_pos_lock held if its position is shared
 * state (Linux: fdget_pos()). NULL for a bad fd. */
struct file *fdget_pos(unsigned int fd)
{
	struct file *f = fget(fd);

	if (f && (f->f_mode & FMODE_ATOMIC_POS))
		mutex_lock(&f->f_pos_lock);
	return f;
}

void fdput_pos(struct file *f)
{
	if (f->f_mode & FMODE_ATOMIC_POS)
		mutex_unlock(&f->f_pos_lock);
	fput(f);
}

/* Linux: fs/read_write.c sys_lseek(). */
SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *f = fdget_pos(fd);
	loff_t ret = -EINVAL;

	if (!f)
		return -EBADF;
	if (whence <= SEEK_MAX)
		ret = vfs_llseek(f, offset, whence);
	fdput_pos(f);
	return ret;
}

/* Linux: rw_verify_area(). A position must not be negative, nor may the
 * I/O run past the largest offset. */
static int rw_verify_area(loff_t pos, size_t count)
{
	if ((ssize_t)count < 0 || pos < 0 || pos + (loff_t)count < 0)
		return -EINVAL;
	return 0;
}

/* One read_iter at *pos, which is advanced. Linux: new_sync_read(). */
static ssize_t call_read_iter(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	ssize_t ret = file->f_op->read_iter(&kiocb, iter);

	*pos = kiocb.ki_pos;
	return ret;
}

/* One write_iter at *pos, which is advanced. Linux: new_sync_write(). */
static ssize_t call_write_iter(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	struct kiocb kiocb = {
		.ki_filp = file,
		.ki_pos = *pos,
		.ki_flags = file->f_flags & O_APPEND ? IOCB_APPEND : 0,
	};
	ssize_t ret = file->f_op->write_iter(&kiocb, iter);

	*pos = kiocb.ki_pos;
	return ret;
}

/*
 * Checks every read or write makes, in Linux's order: EBADF if the file is
 * not open that way, EINVAL if it cannot be read (written), EFAULT if a
 * user buffer is not in user space (user says whether buf is one), then
 * EINVAL for a bad position. Linux: the start of vfs_read()/vfs_write().
 */
static int rw_checks(struct file *file, bool write, bool user, const void __user *buf,
		     loff_t pos, size_t count)
{
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_CAN_WRITE : FMODE_CAN_READ)))
		return -EINVAL;
	if (user && !access_ok(buf, count))
		return -EFAULT;
	return rw_verify_area(pos, count);
}

/* Linux: vfs_read(). Read up to count bytes at *pos into user buf. */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	int err = rw_checks(file, false, true, buf, *pos, count);

	if (err)
		return err;
	iov_iter_ubuf(&iter, buf, min(count, (size_t)MAX_RW_COUNT));
	return call_read_iter(file, &iter, pos);
}

/* Linux: vfs_write(). */
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	int err = rw_checks(file, true, true, buf, *pos, count);

	if (err)
		return err;
	iov_iter_ubuf(&iter, (void __user *)buf, min(count, (size_t)MAX_RW_COUNT));
	return call_write_iter(file, &iter, pos);
}

/* Linux: kernel_read(). The same into a kernel buffer (execve uses it). */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	int err = rw_checks(file, false, false, NULL, *pos, count);

	if (err)
		return err;
	iov_iter_kvec(&iter, buf, min(count, (size_t)MAX_RW_COUNT));
	return call_read_iter(file, &iter, pos);
}

/* Linux: kernel_write(). */
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	int err = rw_checks(file, true, false, NULL, *pos, count);

	if (err)
		return err;
	iov_iter_kvec(&iter, (void *)buf, min(count, (size_t)MAX_RW_COUNT));
	return call_write_iter(file, &iter, pos);
}

/* Linux: ksys_read(), ksys_write(): at f_pos, which moves. */
static ssize_t ksys_rw(unsigned int fd, char __user *buf, size_t count, bool write)
{
	struct file *f = fdget_pos(fd);
	loff_t pos;
	ssize_t ret;

	if (!f)
		return -EBADF;
	pos = f->f_pos;
	ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	if (ret >= 0)
		f->f_pos = pos;
	fdput_pos(f);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_rw(fd, buf, count, false);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_rw(fd, (char __user *)buf, count, true);
}

/* Linux: ksys_pread64(), ksys_pwrite64(): at pos; f_pos stays. ESPIPE on
 * files without positions (ttys). */
static ssize_t ksys_prw(unsigned int fd, char __user *buf, size_t count, loff_t pos,
			bool write)
{
	struct file *f;
	ssize_t ret = -ESPIPE;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_prw(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_prw(fd, (char __user *)buf, count, pos, true);
}

/* Linux: vfs_readv()/vfs_writev() -> do_iter_read()/do_iter_write(). All
 * segments in one read_iter/write_iter, so a writev is one write. */
static ssize_t vfs_rwv(struct file *file, const struct iovec __user *vec, unsigned long vlen,
		       loff_t *pos, bool write)
{
	struct iovec fast_iov[UIO_FASTIOV], *iov;
	struct iov_iter iter;
	ssize_t ret = rw_checks(file, write, false, NULL, *pos, 0);	/* import_iovec checks the buffers */

	if (ret)
		return ret;
	ret = import_iovec(vec, vlen, fast_iov, &iov, &iter);
	if (ret > 0) {
		ret = rw_verify_area(*pos, ret);
		if (!ret)
			ret = write ? call_write_iter(file, &iter, pos)
				    : call_read_iter(file, &iter, pos);
	}
	kfree(iov);
	return ret;
}

static ssize_t do_rwv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		      bool write)
{
	struct file *f = fdget_pos(fd);
	loff_t pos;
	ssize_t ret;

	if (!f)
		return -EBADF;
	pos = f->f_pos;
	ret = vfs_rwv(f, vec, vlen, &pos, write);
	if (ret >= 0)
		f->f_pos = pos;
	fdput_pos(f);
	return ret;
}

/* Linux: fs/read_write.c sys_readv(), sys_writev(). */
SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, true);
}
