/*
 * Directory entries: the name tree. A dentry is one name in one directory
 * and points at the inode it names. In an in-memory filesystem like ramfs
 * the dentries ARE the directories: a directory's entries are its dentry's
 * children (d_subdirs), found by walking that list.
 * Linux: include/linux/dcache.h, fs/dcache.c (with a hash table, RCU walks
 * and negative dentries, none of which are here).
 *
 * Locking: dcache_mutex guards the whole tree: every d_subdirs list, every
 * d_parent and d_name, and the directory-changing inode operations. Linux
 * locks each directory (inode->i_rwsem) and walks paths under RCU; one lock
 * for the tree is simpler and enough for a teaching kernel. d_count is
 * atomic, so references are taken and dropped without the lock.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct inode;

/* A name: bytes and length (not necessarily NUL-terminated). */
struct qstr {
	const char *name;
	unsigned int len;
};

#define QSTR_INIT(n, l) { .name = (n), .len = (l) }

struct dentry {
	/*
	 * References: one while the dentry is in its parent's list (ramfs
	 * pins every dentry it creates: the tree is the filesystem), one for
	 * each child (its d_parent), open file, and task cwd/root using it.
	 * At zero it is freed, with its inode reference.
	 */
	atomic_t d_count;
	unsigned int d_flags;	/* DCACHE_* */
	struct qstr d_name;	/* kmalloc'ed, NUL-terminated */
	struct inode *d_inode;	/* what it names; NULL for a cursor */
	struct dentry *d_parent;	/* the directory it is in; the root's is itself */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* our children (and readdir cursors) */
};

#define DCACHE_DENTRY_CURSOR 0x1	/* a getdents bookmark, not a name */
#define DCACHE_UNHASHED 0x2	/* removed from the tree (unlinked, rmdir'ed) */

extern struct mutex dcache_mutex;

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

/* Has it been removed from the tree? (The root never is.) */
static inline bool d_unlinked(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNHASHED;
}

static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_cursor(struct dentry *parent);
struct dentry *d_make_root(struct inode *root_inode);
void dput(struct dentry *dentry);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *dentry1, struct dentry *dentry2);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
bool is_subdir(const struct dentry *new_dentry, const struct dentry *ancestor);

#endif
