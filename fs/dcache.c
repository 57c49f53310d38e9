/*
 * The dentry tree: allocating names, linking them into directories,
 * dropping them. Linux: fs/dcache.c.
 *
 * Locking: dcache_mutex (see linux/dcache.h) for everything that reads or
 * changes the tree: d_subdirs lists, d_parent, d_name. d_count is atomic.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

DEFINE_MUTEX(dcache_mutex);

static struct kmem_cache *dentry_cachep;

/*
 * Linux: d_alloc(). A new dentry for name in parent (NULL: the root, its
 * own parent), with one reference, holding one on its parent. It is not in
 * the tree yet: d_instantiate() puts it there. NULL if out of memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cachep, GFP_KERNEL);
	char *dname = kmalloc(name->len + 1, GFP_KERNEL);

	if (!dentry || !dname) {
		kfree(dname);
		if (dentry)
			kmem_cache_free(dentry_cachep, dentry);
		return NULL;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name = (struct qstr)QSTR_INIT(dname, name->len);
	atomic_set(&dentry->d_count, 1);
	dentry->d_parent = parent ? dget(parent) : dentry;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

/* Linux: d_alloc_cursor(). A bookmark for readdir in directory parent: a
 * dentry without an inode, which lookups skip. */
struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr none = QSTR_INIT("", 0);
	struct dentry *cursor = d_alloc(parent, &none);

	if (cursor)
		cursor->d_flags |= DCACHE_DENTRY_CURSOR;
	return cursor;
}

/*
 * Linux: dput(). Drop a reference; at zero free the dentry (it is out of
 * the tree by then: a dentry in the tree holds a reference to itself) and
 * its inode reference, then drop the reference it held on its parent,
 * which may free that too, and so on up. No lock needed: a dentry with no
 * references is out of the tree and nobody can find it.
 */
void dput(struct dentry *dentry)
{
	while (dentry && atomic_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		WARN_ON(!list_empty(&dentry->d_child) || !list_empty(&dentry->d_subdirs));
		iput(dentry->d_inode);
		kfree(dentry->d_name.name);
		kmem_cache_free(dentry_cachep, dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

/* Linux: d_make_root(). The dentry of a filesystem's root directory, with
 * one reference: its own parent, in no list. NULL if out of memory (the
 * inode reference is dropped then). */
struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr name = QSTR_INIT("/", 1);
	struct dentry *root = d_alloc(NULL, &name);

	if (!root) {
		iput(root_inode);
		return NULL;
	}
	root->d_inode = root_inode;
	return root;
}

/*
 * Linux: d_instantiate() (and the hashing d_add() does). Give a new dentry
 * its inode (the caller's inode reference passes to it) and put it in its
 * parent's list, where lookups find it. Caller holds dcache_mutex.
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
}

/*
 * Linux: d_delete() (for an inode still in use, its __d_drop()). Take the
 * dentry out of the tree: lookups no longer find it, but whoever holds it
 * (an open file, a cwd) keeps it and its inode. Caller holds dcache_mutex.
 */
void d_delete(struct dentry *dentry)
{
	list_del_init(&dentry->d_child);
	dentry->d_flags |= DCACHE_UNHASHED;
}

/* Swap two dentries' names and parents (each keeps holding one reference
 * on whatever parent it ends up with). */
static void swap_names_and_parents(struct dentry *a, struct dentry *b)
{
	struct qstr name = a->d_name;
	struct dentry *parent = a->d_parent;

	a->d_name = b->d_name;
	b->d_name = name;
	a->d_parent = b->d_parent;
	b->d_parent = parent;
}

/*
 * Linux: d_move(). Rename: dentry takes target's name and directory;
 * target (a new, not yet instantiated dentry, or the name being replaced)
 * leaves the tree, carrying dentry's old name to be freed with it.
 * Caller holds dcache_mutex.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	bool target_in_tree = !list_empty(&target->d_child);

	swap_names_and_parents(dentry, target);
	list_move_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	if (target_in_tree)
		d_delete(target);
}

/* Linux: d_exchange(). RENAME_EXCHANGE: two names in the tree trade places.
 * Caller holds dcache_mutex. */
void d_exchange(struct dentry *dentry1, struct dentry *dentry2)
{
	swap_names_and_parents(dentry1, dentry2);
	list_move_tail(&dentry1->d_child, &dentry1->d_parent->d_subdirs);
	list_move_tail(&dentry2->d_child, &dentry2->d_parent->d_subdirs);
}

/*
 * Linux: d_lookup(). The child of parent called name, or NULL (a directory
 * with i_op->lookup, /proc, finds or makes it itself: Linux's ->lookup). No
 * reference is taken: the caller holds dcache_mutex and takes one (dget)
 * if it keeps the result after dropping the mutex.
 */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *child;

	if (parent->d_inode && parent->d_inode->i_op && parent->d_inode->i_op->lookup)
		return parent->d_inode->i_op->lookup(parent->d_inode, (struct dentry *)parent, name);
	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (child->d_inode && child->d_name.len == name->len &&
		    !memcmp(child->d_name.name, name->name, name->len))
			return child;
	}
	return NULL;
}

/* Linux: is_subdir(). Is new_dentry ancestor itself, or below it? Caller
 * holds dcache_mutex (so the d_parent chain holds still). */
bool is_subdir(const struct dentry *new_dentry, const struct dentry *ancestor)
{
	for (const struct dentry *d = new_dentry;; d = d->d_parent) {
		if (d == ancestor)
			return true;
		if (IS_ROOT(d))
			return false;
	}
}

/* Linux: dcache_init(). */
void dcache_init(void)
{
	dentry_cachep = kmem_cache_create("dentry", sizeof(struct dentry), 0, SLAB_PANIC, NULL);
}

/*
 * Linux: vfs_caches_init(), called from start_kernel: the caches for
 * dentries, inodes, files and fd tables, then the root filesystem (Linux:
 * mnt_init() -> init_rootfs(), init_mount_tree()), which becomes the root
 * and cwd of init_fs, then the character devices (the console tty).
 */
void vfs_caches_init(void)
{
	struct path root;

	dcache_init();
	inode_init();
	files_init();
	files_struct_cache_init();
	fs_struct_init();
	root.dentry = init_rootfs();
	set_fs_root(&init_fs, &root);
	set_fs_pwd(&init_fs, &root);	/* the root keeps init_rootfs()'s reference for good */
	chrdev_init();
}
