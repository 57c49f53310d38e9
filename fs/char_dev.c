/*
 * Character devices: a device node (an inode of type S_IFCHR) names a
 * driver by its major and minor numbers; opening the node hands the file
 * to that driver's file operations. Linux: fs/char_dev.c (cdev_map, a
 * hash of ranges, reduced here to a short table).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/tty.h>

struct char_device_struct {
	unsigned int major, baseminor, count;	/* minors [baseminor, baseminor + count) */
	const char *name;
	const struct file_operations *fops;
};

#define MAX_CHRDEVS 16
static struct char_device_struct chrdevs[MAX_CHRDEVS];
static int nr_chrdevs;
static DEFINE_SPINLOCK(chrdevs_lock);

/*
 * Linux: __register_chrdev(). Send opens of devices (major, baseminor ..
 * baseminor + count - 1) to fops. -EBUSY if part of the range is taken,
 * -ENOSPC if the table is full.
 */
int register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		    const char *name, const struct file_operations *fops)
{
	int err = 0;

	spin_lock(&chrdevs_lock);
	for (int i = 0; i < nr_chrdevs && !err; i++) {
		struct char_device_struct *cd = &chrdevs[i];

		if (cd->major == major && baseminor < cd->baseminor + cd->count &&
		    cd->baseminor < baseminor + count)
			err = -EBUSY;
	}
	if (!err && nr_chrdevs == MAX_CHRDEVS)
		err = -ENOSPC;
	if (!err)
		chrdevs[nr_chrdevs++] = (struct char_device_struct){ major, baseminor, count,
								    name, fops };
	spin_unlock(&chrdevs_lock);
	return err;
}

/* The driver for device dev, or NULL. */
static const struct file_operations *lookup_chrdev(dev_t dev)
{
	const struct file_operations *fops = NULL;

	spin_lock(&chrdevs_lock);
	for (int i = 0; i < nr_chrdevs; i++) {
		struct char_device_struct *cd = &chrdevs[i];

		if (cd->major == MAJOR(dev) && MINOR(dev) - cd->baseminor < cd->count)
			fops = cd->fops;
	}
	spin_unlock(&chrdevs_lock);
	return fops;
}

/*
 * Linux: chrdev_open(). The file's operations become the driver's, whose
 * open then runs. A node for a device nobody registered gives ENXIO, as do
 * sockets and block devices for now (they share this entry; FIFOs have
 * their own, fs/pipe.c).
 */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = S_ISCHR(inode->i_mode) ? lookup_chrdev(inode->i_rdev)
								    : NULL;

	if (!fops)
		return -ENXIO;
	filp->f_op = fops;	/* Linux: replace_fops() */
	return fops->open ? fops->open(inode, filp) : 0;
}

/* What every device node's inode opens with. Linux: def_chr_fops. */
const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

/* Linux: chrdev_init(), then chr_dev_init() (drivers/char/mem.c): the
 * memory devices and the tty layer. */
void chrdev_init(void)
{
	chr_dev_init();
}
