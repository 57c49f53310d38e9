/*
 * Anonymous files: an open file with its own operations and nothing behind
 * it in any directory, for objects that system calls hand out as fds (a
 * pidfd). Linux: fs/anon_inodes.c, which gives them all one shared inode on
 * an internal mount; here each file gets an inode of its own, in no
 * directory, as pipes do.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include "internal.h"

#define ANON_NAME_MAX 32

/* Linux: anon_inode_getfile(). See linux/anon_inodes.h. The inode has no
 * file type, only the owner's read and write bits, as Linux's has, so
 * fstat shows mode 0600. */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv,
				int flags)
{
	char dname[ANON_NAME_MAX];
	struct inode *inode = new_inode();
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = S_IRUSR | S_IWUSR;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	snprintf(dname, sizeof(dname), "anon_inode:%s", name);
	file = alloc_file_pseudo(inode, dname, flags & (O_ACCMODE | O_NONBLOCK), fops);
	if (IS_ERR(file)) {
		iput(inode);
		return file;
	}
	file->private_data = priv;
	return file;
}
