/*
 * Open files: allocating a struct file, and freeing it when its last
 * reference (fd table slots, in-kernel users) goes.
 * Linux: fs/file_table.c.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static struct kmem_cache *filp_cachep;
/* Open files in existence (Linux: nr_files, /proc/sys/fs/file-nr): leak
 * checks compare it before and after. */
static atomic_t nr_files;

/* Linux: get_nr_files(). */
int get_nr_files(void)
{
	return atomic_read(&nr_files);
}

/* Linux: alloc_empty_file(). A file with one reference and flags, not yet
 * open on anything; ERR_PTR(-ENFILE) if out of memory. */
struct file *alloc_empty_file(int flags)
{
	struct file *f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENFILE);
	atomic_inc(&nr_files);
	atomic_set(&f->f_count, 1);
	f->f_flags = flags;
	mutex_init(&f->f_pos_lock);
	return f;
}

/*
 * Linux: alloc_file(). An open file on path (a reference is taken) with
 * operations fop, for files that are not opened by name (pipes, later):
 * no f_op->open is called. ERR_PTR on failure.
 */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop)
{
	struct file *file = alloc_empty_file(flags);

	if (IS_ERR(file))
		return file;
	file->f_mode = OPEN_FMODE(flags) | FMODE_OPENED;
	file->f_path = *path;
	path_get(path);
	file->f_inode = path->dentry->d_inode;
	file->f_op = fop;
	if (fop->read_iter)
		file->f_mode |= FMODE_CAN_READ;
	if (fop->write_iter)
		file->f_mode |= FMODE_CAN_WRITE;
	return file;
}

/*
 * Linux: alloc_file_pseudo(). An open file on inode, which no directory
 * names (a pipe): its dentry, called name, is in no directory, so no
 * lookup finds it. The inode reference passes to the file's dentry; on
 * failure (ERR_PTR) the caller keeps it.
 */
struct file *alloc_file_pseudo(struct inode *inode, const char *name, int flags,
			       const struct file_operations *fops)
{
	struct qstr this = QSTR_INIT(name, strlen(name));
	struct path path;
	struct file *file;

	path.dentry = d_alloc(NULL, &this);	/* Linux: d_alloc_pseudo() */
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	path.dentry->d_inode = inode;	/* d_instantiate(), minus the directory list */
	file = alloc_file(&path, flags, fops);
	if (IS_ERR(file))
		ihold(inode);	/* the dentry's iput() must leave the caller's reference */
	dput(path.dentry);	/* the file holds its own reference, or nobody does */
	return file;
}

/* Linux: __fput(). The last reference is gone: tell the driver
 * (f_op->release), let go of the dentry, free the file. */
static void __fput(struct file *file)
{
	if ((file->f_mode & FMODE_OPENED) && file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	dput(file->f_path.dentry);
	kmem_cache_free(filp_cachep, file);
	atomic_dec(&nr_files);
}

/*
 * Linux: fput(). Drop a reference; the last one closes the file. May sleep
 * (release, dput): never call it under a spinlock. Linux defers __fput()
 * to task_work for that reason; here callers simply obey the rule.
 */
void fput(struct file *file)
{
	if (atomic_dec_and_test(&file->f_count))
		__fput(file);
}

/* Linux: files_init(). */
void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, SLAB_PANIC, NULL);
}
