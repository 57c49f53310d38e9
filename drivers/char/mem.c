/*
 * The memory devices, major 1: /dev/null (minor 3), which reads as empty
 * and takes any write, and /dev/zero (minor 5), which reads as endless
 * zero bytes and takes any write. Linux: drivers/char/mem.c (which also
 * has /dev/mem, /dev/port, /dev/full, /dev/random and more: not here).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/uio.h>

#define MEM_MAJOR 1

/* Linux: read_iter_null(). End of file, always. */
static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

/* Linux: write_iter_null(). All of it written (and dropped): the bytes are
 * never looked at, so even a buffer that would fault "succeeds", as in Linux. */
static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	return iov_iter_count(from);
}

/*
 * Linux: read_iter_zero(). Fill the whole buffer with zeroes, a page at a
 * time; a signal between pages cuts a large read short (or, before
 * anything was written, asks for a restart). -EFAULT if nothing could be
 * written; after a partial page, what was written.
 */
static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *to)
{
	ssize_t written = 0;

	while (iov_iter_count(to)) {
		size_t chunk = min(iov_iter_count(to), (size_t)PAGE_SIZE);
		size_t n = iov_iter_zero(chunk, to);

		written += n;
		if (n < chunk)
			return written ? written : -EFAULT;
		if (signal_pending(current))
			return written;
	}
	return written;
}

/* Linux: null_lseek(). Seeking anywhere lands at 0: there is nothing to
 * move through. */
static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
};

/* The devices by minor number. Linux: devlist[]. */
static const struct file_operations *const devlist[] = {
	[3] = &null_fops,
	[5] = &zero_fops,
};

/* Linux: memory_open(). Hand the file to the device its minor names. */
static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor])
		return -ENXIO;
	filp->f_op = devlist[minor];
	return filp->f_op->open ? filp->f_op->open(inode, filp) : 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

/* Linux: chr_dev_init(). The memory devices, then the tty layer. Nodes
 * for them are made in /dev by populate_rootfs() (Linux: devtmpfs). */
void __init chr_dev_init(void)
{
	if (register_chrdev(MEM_MAJOR, 0, 256, "mem", &memory_fops))
		pr_err("unable to get major %d for memory devs\n", MEM_MAJOR);
	tty_init();
}
