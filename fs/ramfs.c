/*
 * ramfs: a filesystem that is nothing but memory. The dentry tree is its
 * directory structure (every dentry it makes is pinned, so the tree never
 * forgets a name until it is unlinked); a regular file's data is an array
 * of pages in its inode. This is the rootfs the initramfs is unpacked into,
 * writable like Linux's (create, write, truncate, unlink, mkdir, rmdir,
 * rename all work; nothing survives a reboot).
 * Linux: fs/ramfs/inode.c, fs/ramfs/file-mmu.c; reading and writing as in
 * mm/filemap.c generic_file_read_iter() and generic_perform_write(), on
 * the inode's own page array instead of the page cache.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static const struct inode_operations ramfs_file_inode_operations;

/*
 * Linux: ramfs_get_inode(). A new inode of the type in mode, owned by the
 * caller, in directory dir (NULL for the root); NULL if out of memory.
 */
struct inode *ramfs_get_inode(const struct inode *dir, umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* its "." */
		break;
	case S_IFLNK:	/* the body is set by ramfs_symlink() */
		break;
	default:	/* device nodes, FIFOs, sockets */
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

/*
 * Linux: ramfs_mknod(). Make dentry (new, not yet in the tree) name a new
 * inode of type mode in dir, and pin it. Caller holds dcache_mutex.
 */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dget(dentry);	/* the pin: the tree is the filesystem */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

/* Linux: ramfs_mkdir(). The new directory's ".." links to dir. */
static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int retval = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!retval)
		inc_nlink(dir);
	return retval;
}

/* Linux: ramfs_symlink() (which keeps the body in a page; tmpfs, like
 * this, in the inode). The link's size is its body's length. */
static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname);
	struct inode *inode = ramfs_get_inode(dir, S_IFLNK | S_IRWXUGO, 0);
	char *body = kmalloc(len + 1, GFP_KERNEL);

	if (!inode || !body) {
		kfree(body);
		iput(inode);
		return -ENOSPC;
	}
	memcpy(body, symname, len + 1);
	inode->i_link = body;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dget(dentry);	/* the pin */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

/* Linux: ramfs_create(). */
static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
	.setattr = simple_setattr,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = simple_setattr,
};

/* Make the page array long enough for page index. 0 or -ENOMEM.
 * Caller holds i_mutex. */
static int ramfs_grow_slots(struct inode *inode, unsigned long index)
{
	unsigned long slots = max(inode->i_pages_slots * 2, 16UL);
	struct page **pages;

	while (slots <= index)
		slots *= 2;
	pages = kcalloc(slots, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	if (inode->i_pages)
		memcpy(pages, inode->i_pages, inode->i_pages_slots * sizeof(*pages));
	kfree(inode->i_pages);
	inode->i_pages = pages;
	inode->i_pages_slots = slots;
	return 0;
}

/* Page index of the file, allocated (zeroed) if it is a hole; NULL if out
 * of memory. Caller holds i_mutex. Linux: the page-cache lookup in
 * simple_write_begin() (grab_cache_page_write_begin()). */
static struct page *ramfs_get_page(struct inode *inode, unsigned long index)
{
	if (index >= inode->i_pages_slots && ramfs_grow_slots(inode, index))
		return NULL;
	if (!inode->i_pages[index]) {
		inode->i_pages[index] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!inode->i_pages[index])
			return NULL;
		inode->i_nrpages++;
	}
	return inode->i_pages[index];
}

/*
 * Read from iocb->ki_pos up to the end of the file. Returns the bytes
 * read, 0 at the end, or -EFAULT if the very first copy failed.
 * Linux: mm/filemap.c generic_file_read_iter() -> filemap_read().
 */
static ssize_t ramfs_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	ssize_t done = 0;
	bool fault = false;

	mutex_lock(&inode->i_mutex);
	while (iov_iter_count(to) && pos < inode->i_size) {
		unsigned long index = pos >> PAGE_SHIFT;
		size_t offset = pos & (PAGE_SIZE - 1);
		size_t n = min(PAGE_SIZE - offset, (size_t)(inode->i_size - pos));
		struct page *page = index < inode->i_pages_slots ? inode->i_pages[index] : NULL;
		size_t copied;

		n = min(n, iov_iter_count(to));
		if (page)
			copied = copy_to_iter((char *)page_address(page) + offset, n, to);
		else
			copied = iov_iter_zero(n, to);	/* a hole */
		pos += copied;
		done += copied;
		if (copied < n) {
			fault = true;
			break;
		}
	}
	mutex_unlock(&inode->i_mutex);
	iocb->ki_pos = pos;
	return done || !fault ? done : -EFAULT;
}

/*
 * Write at iocb->ki_pos (at the end for IOCB_APPEND), allocating pages as
 * needed; a write past the end leaves a hole that reads as zeroes. Returns
 * the bytes written, or an error if none were: -EFBIG beyond the largest
 * file, -ENOMEM, -EFAULT. Linux: mm/filemap.c __generic_file_write_iter()
 * -> generic_perform_write().
 */
static ssize_t ramfs_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t done = 0, err = 0;
	loff_t pos;

	if (!iov_iter_count(from))
		return 0;
	mutex_lock(&inode->i_mutex);
	pos = iocb->ki_flags & IOCB_APPEND ? inode->i_size : iocb->ki_pos;
	if (pos >= RAMFS_MAX_FILE_SIZE)
		err = -EFBIG;	/* Linux: generic_write_check_limits() */
	while (!err && iov_iter_count(from) && pos < RAMFS_MAX_FILE_SIZE) {
		size_t offset = pos & (PAGE_SIZE - 1);
		size_t n = min(PAGE_SIZE - offset, iov_iter_count(from));
		struct page *page = ramfs_get_page(inode, pos >> PAGE_SHIFT);
		size_t copied;

		if (!page) {
			err = -ENOMEM;
			break;
		}
		copied = copy_page_from_iter_atomic(page, offset, n, from);
		pos += copied;
		done += copied;
		if (copied < n)
			err = -EFAULT;
	}
	if (pos > inode->i_size)
		inode->i_size = pos;
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	mutex_unlock(&inode->i_mutex);
	iocb->ki_pos = pos;
	return done ? done : err;
}

/* Linux: ramfs_file_operations (fs/ramfs/file-mmu.c). */
const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = ramfs_file_read_iter,
	.write_iter = ramfs_file_write_iter,
};

/*
 * The root directory, with one reference that is never dropped.
 * Linux: init_rootfs() and init_mount_tree(), which mount a ramfs (or
 * tmpfs) as "rootfs" and make it the root of init_task's fs_struct.
 */
struct dentry *init_rootfs(void)
{
	struct inode *inode = ramfs_get_inode(NULL, S_IFDIR | 0755, 0);
	struct dentry *root = inode ? d_make_root(inode) : NULL;

	if (!root)
		panic("init_rootfs: out of memory for the root directory");
	return root;
}
