/*
 * Helpers for filesystems that live in the dentry tree (ramfs here; in
 * Linux also tmpfs, sysfs, debugfs...): listing a directory from its
 * children, and the unlink/rmdir/rename that only fix link counts because
 * the tree itself is the directory. Linux: fs/libfs.c.
 */
#include <linux/kernel.h>
#include <linux/dirent.h>
#include <linux/fs.h>
#include "internal.h"

/* A directory's open file gets a cursor: a bookmark in d_subdirs just
 * before the next entry readdir will return, so unlinking entries between
 * calls (rm -r does) neither skips nor repeats any. Linux: dcache_dir_open(). */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	return file->private_data ? 0 : -ENOMEM;
}

/* Linux: dcache_dir_close(). */
int dcache_dir_close(struct inode *inode, struct file *file)
{
	struct dentry *cursor = file->private_data;

	mutex_lock(&dcache_mutex);
	list_del_init(&cursor->d_child);
	mutex_unlock(&dcache_mutex);
	dput(cursor);
	return 0;
}

/* Put the cursor before the n-th name of dir (counting from 0), or take
 * it out of the list if there are not that many: then readdir is at the
 * end. Caller holds dcache_mutex. */
static void move_cursor(struct dentry *cursor, struct dentry *dir, loff_t n)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child) {
		if (d->d_inode && n-- == 0) {
			list_move_tail(&cursor->d_child, &d->d_child);
			return;
		}
	}
	list_del_init(&cursor->d_child);
}

/*
 * Linux: dcache_dir_lseek(). Positions are entry numbers: 0 is ".", 1 is
 * "..", 2 the first name. SEEK_END is not allowed (EINVAL).
 */
static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	if (offset != file->f_pos) {
		file->f_pos = offset;
		if (offset >= 2) {
			mutex_lock(&dcache_mutex);
			move_cursor(file->private_data, file->f_path.dentry, offset - 2);
			mutex_unlock(&dcache_mutex);
		}
	}
	return offset;
}

/* The d_type getdents shows for a mode. Linux: fs_umode_to_dtype(). */
static unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode & S_IFMT) >> 12;
}

/*
 * Linux: dcache_readdir(). Give ctx "." and "..", then each name after the
 * cursor until ctx is full; leave the cursor before the first name not
 * given. ctx->actor runs under dcache_mutex, so it must not touch user
 * memory (getdents64 collects in a kernel buffer).
 */
static int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry, *cursor = file->private_data;
	struct dentry *next = NULL;
	struct list_head *p;

	mutex_lock(&dcache_mutex);
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			goto out;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dentry->d_parent->d_inode->i_ino, DT_DIR))
			goto out;
		ctx->pos = 2;
		p = &dentry->d_subdirs;
	} else if (ctx->pos == 2) {
		p = &dentry->d_subdirs;
	} else if (!list_empty(&cursor->d_child)) {
		p = &cursor->d_child;
	} else {
		goto out;	/* already at the end */
	}
	for (p = p->next; p != &dentry->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (!d->d_inode)	/* another reader's cursor (or ours) */
			continue;
		if (!dir_emit(ctx, d->d_name.name, d->d_name.len, d->d_inode->i_ino,
			      dt_type(d->d_inode))) {
			next = d;
			break;
		}
		ctx->pos++;
	}
	if (next)
		list_move_tail(&cursor->d_child, &next->d_child);
	else
		list_del_init(&cursor->d_child);
out:
	mutex_unlock(&dcache_mutex);
	return 0;
}

/* Linux: generic_read_dir(). read(2) on a directory. */
ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *to)
{
	return -EISDIR;
}

/* Linux: simple_dir_operations. */
const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = dcache_readdir,
};

/* Linux: simple_empty(). Does the directory have no names (cursors do not
 * count)? Caller holds dcache_mutex. */
int simple_empty(struct dentry *dentry)
{
	struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode)
			return 0;
	}
	return 1;
}

/*
 * Linux: simple_unlink(). The name goes: one link fewer, and the pin the
 * filesystem held on the dentry is dropped (the caller still holds one;
 * it takes the dentry out of the tree with d_delete()). Caller holds
 * dcache_mutex.
 */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	dput(dentry);
	return 0;
}

/* Linux: simple_rmdir(). Only an empty directory goes; its "." and the
 * parent's link from its ".." go with it. Caller holds dcache_mutex. */
int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));
	simple_unlink(dir, dentry);
	drop_nlink(dir);
	return 0;
}

/* Linux: simple_rename_exchange(). Two names swap: only the parents' link
 * counts change, when a directory and a non-directory swap parents. */
static int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
				  struct inode *new_dir, struct dentry *new_dentry)
{
	bool old_is_dir = d_is_dir(old_dentry), new_is_dir = d_is_dir(new_dentry);

	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		d_inode(old_dentry)->i_ctime = d_inode(new_dentry)->i_ctime = current_time(old_dir);
	return 0;
}

/*
 * Linux: simple_rename(). Fix link counts for old_dentry moving to
 * new_dentry's place (unlinking what was there, which must be an empty
 * directory if it is a directory); the caller then moves the dentry
 * (d_move/d_exchange). The type checks (EISDIR, ENOTDIR) are the caller's.
 * Caller holds dcache_mutex.
 */
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags)
{
	bool they_are_dirs = d_is_dir(old_dentry);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (new_dentry->d_inode && !simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (new_dentry->d_inode) {
		simple_unlink(new_dir, new_dentry);
		if (they_are_dirs) {
			drop_nlink(d_inode(new_dentry));
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		d_inode(old_dentry)->i_ctime = current_time(old_dir);
	return 0;
}

/*
 * Linux: simple_setattr() (with truncate_setsize() for ATTR_SIZE). Change
 * what attr says; a smaller size frees the pages beyond it, a bigger one
 * is a hole. Caller holds the inode's i_mutex.
 */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	struct timespec64 now = current_time(inode);

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size > RAMFS_MAX_FILE_SIZE)
			return -EFBIG;
		if (attr->ia_size < inode->i_size)
			truncate_inode_pages(inode, attr->ia_size);
		if (attr->ia_size != inode->i_size)
			inode->i_mtime = now;
		inode->i_size = attr->ia_size;
	}
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	inode->i_ctime = now;
	return 0;
}
