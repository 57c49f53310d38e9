/*
 * Inodes: allocation, reference counting, link counts, permissions.
 * Linux: fs/inode.c (and generic_permission() from fs/namei.c).
 *
 * An inode lives as long as something refers to it: in ramfs, the dentries
 * naming it (i_count). When the last goes, which can be long after the last
 * unlink (an open file keeps its dentry), iput() frees its data and itself.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/init.h>
#include "internal.h"

static struct kmem_cache *inode_cachep;
static unsigned long last_ino;	/* under ino_lock */
static DEFINE_SPINLOCK(ino_lock);

/* Linux: fs/inode.c get_next_ino(). Inode numbers for a filesystem without
 * a disk: a counter. The root gets 1. */
static unsigned long get_next_ino(void)
{
	unsigned long ino;

	spin_lock(&ino_lock);
	ino = ++last_ino;
	spin_unlock(&ino_lock);
	return ino;
}

/*
 * The time to stamp on a file. Linux: current_time(), from the wall clock.
 * This kernel's clock is the time since boot (local_clock()), so new files
 * are dated early January 1970; the initramfs's own files keep the times
 * in the archive.
 */
struct timespec64 current_time(struct inode *inode)
{
	u64 ns = local_clock();

	return (struct timespec64){ .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };
}

/* Linux: new_inode() -> alloc_inode() + inode_init_always(). A fresh inode
 * with one reference, a new number, no type yet; NULL if out of memory. */
struct inode *new_inode(void)
{
	struct inode *inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	inode->i_ino = get_next_ino();
	mutex_init(&inode->i_mutex);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/*
 * Drop a reference. The last one frees the inode and its data pages.
 * Nobody else can reach an inode with no references, so no lock is needed.
 * Linux: iput() -> iput_final() -> evict() -> truncate_inode_pages_final().
 */
void iput(struct inode *inode)
{
	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	truncate_inode_pages(inode, 0);
	kfree(inode->i_pages);
	kfree(inode->i_link);
	kmem_cache_free(inode_cachep, inode);
}

/*
 * Free the data pages wholly beyond newsize and zero the tail of the page
 * it ends in, so growing the file again later reads zeroes there.
 * Caller holds i_mutex (or the last reference). Linux: mm/truncate.c
 * truncate_inode_pages_range() with truncate_inode_partial_folio().
 */
void truncate_inode_pages(struct inode *inode, loff_t newsize)
{
	unsigned long first = DIV_ROUND_UP(newsize, PAGE_SIZE);
	size_t tail = newsize % PAGE_SIZE;

	for (unsigned long i = first; i < inode->i_pages_slots; i++) {
		if (inode->i_pages[i]) {
			__free_page(inode->i_pages[i]);
			inode->i_pages[i] = NULL;
			inode->i_nrpages--;
		}
	}
	if (tail && first - 1 < inode->i_pages_slots && inode->i_pages[first - 1])
		memset((char *)page_address(inode->i_pages[first - 1]) + tail, 0, PAGE_SIZE - tail);
}

/* Linux: inode_init_owner(). A new file belongs to the creating task; in a
 * set-group-ID directory it takes the directory's group (and a new
 * subdirectory inherits the bit). */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

/* Linux: init_special_inode(). A device node, FIFO or socket: opening a
 * FIFO makes or joins its pipe (fs/pipe.c); a device node goes through
 * def_chr_fops to the driver (block devices and sockets get ENXIO there). */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_rdev = rdev;
	inode->i_fop = S_ISFIFO(mode) ? &pipefifo_fops : &def_chr_fops;
}

/* Link counts. Linux: inc_nlink(), drop_nlink(), clear_nlink(). */
void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

/* The current task's filesystem user and group (kernel/cred.c).
 * Linux: current_fsuid(), a macro in linux/cred.h. */
unsigned int current_fsuid(void)
{
	return current_cred()->fsuid;
}

unsigned int current_fsgid(void)
{
	return current_cred()->fsgid;
}

/*
 * May the current task access inode as mask (MAY_READ/WRITE/EXEC) says?
 * 0 or -EACCES. Every task is root, and root passes every check but one:
 * executing a file needs at least one x bit (CAP_DAC_OVERRIDE's rule).
 * With credentials this grows the owner/group/other checks of Linux's
 * generic_permission(). Linux: fs/namei.c inode_permission().
 */
int inode_permission(struct inode *inode, int mask)
{
	if ((mask & MAY_EXEC) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & S_IXUGO))
		return -EACCES;
	return 0;
}

/* Linux: fs/attr.c notify_change(). Change an inode's attributes through
 * its filesystem (simple_setattr() if it has no method of its own, as for
 * device nodes). Caller holds the inode's i_mutex. */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

/* Linux: inode_init(). */
void __init inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0, SLAB_PANIC,
					 NULL);
}
