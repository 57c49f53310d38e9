/*
 * Path names: copying them in from user space, walking them through the
 * dentry tree, and the system calls that change the tree (mkdir, mknod,
 * rmdir, unlink, rename) or open by name. Linux: fs/namei.c.
 *
 * A walk starts at the task's root ("/..."), at its cwd, or at a directory
 * fd (the *at() calls), then takes one component at a time: "." stays,
 * ".." goes up (never above the root), a name is looked up among the
 * directory's children; every component but the last must be a directory.
 * Repeated slashes count as one; a trailing slash says the last component
 * must be a directory. Components are at most NAME_MAX bytes, paths
 * PATH_MAX with the NUL. A symbolic link met on the way is followed: its
 * body is walked from the directory holding it (from the root if it
 * starts with "/"); at most MAXSYMLINKS links per lookup, at most
 * MAX_NESTED_LINKS inside one another (as Linux before 4.2), else ELOOP.
 * The last component of a path is left for the caller: lookup (following
 * a final link or not), create, remove and rename each treat it their own
 * way, as Linux's do.
 *
 * Locking: the walk and whatever it leads to (looking up, creating,
 * removing, renaming) happen under dcache_mutex, so the tree holds still.
 * Never fput() with it held: the last fput of a directory takes it.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/* Linux: getname_flags(). Copy a user path into a kernel buffer. Errors:
 * -EFAULT, -ENAMETOOLONG (PATH_MAX or more bytes before the NUL), -ENOENT
 * for "" unless LOOKUP_EMPTY is in flags. Free it with putname(). */
struct filename *getname_flags(const char __user *filename, int flags)
{
	struct filename *result = kmalloc(sizeof(*result), GFP_KERNEL);
	char *kname = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!result || !kname) {
		kfree(result);
		kfree(kname);
		return ERR_PTR(-ENOMEM);
	}
	result->name = kname;
	len = strncpy_from_user(kname, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || (len == 0 && !(flags & LOOKUP_EMPTY))) {
		putname(result);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	return result;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

/* Linux: getname_kernel(). The same for a path the kernel itself names. */
struct filename *getname_kernel(const char *filename)
{
	struct filename *result = kmalloc(sizeof(*result), GFP_KERNEL);
	size_t len = strlen(filename);
	char *kname = kmalloc(PATH_MAX, GFP_KERNEL);

	if (!result || !kname) {
		kfree(result);
		kfree(kname);
		return ERR_PTR(-ENOMEM);
	}
	result->name = kname;
	if (len >= PATH_MAX) {
		putname(result);
		return ERR_PTR(-ENAMETOOLONG);
	}
	memcpy(kname, filename, len + 1);
	return result;
}

/* Linux: putname(). Takes ERR_PTRs too, so callers need not check. */
void putname(struct filename *name)
{
	if (!name || IS_ERR(name))
		return;
	kfree(name->name);
	kfree(name);
}

void path_get(const struct path *path)
{
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
}

#define MAXSYMLINKS 40	/* links one lookup may follow (Linux's) */
#define MAX_NESTED_LINKS 8	/* links inside links inside... (Linux's before 4.2) */

/* Where a walk is. Linux: struct nameidata. */
struct nameidata {
	struct path path;	/* the directory reached so far (held by the tree) */
	struct path root;	/* the task's root, referenced */
	struct dentry *start;	/* where the walk began, referenced */
	struct qstr last;	/* the last component, pointing into the name (or a link body) */
	int last_type;	/* LAST_NORM, LAST_DOT, LAST_DOTDOT, or LAST_ROOT (none: "/") */
	unsigned int flags;	/* LOOKUP_* */
	int total_link_count;	/* links followed so far */
	int depth;	/* links being followed inside one another */
};

/*
 * Linux: path_init(). Choose the starting directory and take references
 * on it and the root, before dcache_mutex is taken (fget and fput must not
 * run under it). -EBADF for a bad dfd; -ENOTDIR if a relative path starts
 * at an fd that is not a directory. terminate_walk() undoes it, also after
 * an error.
 */
static int path_init(struct nameidata *nd, int dfd, const char *s, unsigned int flags)
{
	struct file *f;
	int err = 0;

	*nd = (struct nameidata){ .flags = flags, .last_type = LAST_ROOT };
	get_fs_root(current_fs(), &nd->root);
	if (*s == '/') {
		nd->start = dget(nd->root.dentry);
	} else if (dfd == AT_FDCWD) {
		struct path pwd;

		get_fs_pwd(current_fs(), &pwd);
		nd->start = pwd.dentry;
	} else {
		f = fget_raw(dfd);
		if (!f)
			return -EBADF;
		if (*s && !d_is_dir(f->f_path.dentry))
			err = -ENOTDIR;
		else
			nd->start = dget(f->f_path.dentry);
		fput(f);
	}
	nd->path.dentry = nd->start;
	return err;
}

static void terminate_walk(struct nameidata *nd)
{
	dput(nd->start);
	path_put(&nd->root);
}

/* What kind of component this is: ".", "..", or a name. */
static int component_type(const struct qstr *this)
{
	if (this->name[0] != '.' || this->len > 2)
		return LAST_NORM;
	if (this->len == 1)
		return LAST_DOT;
	return this->name[1] == '.' ? LAST_DOTDOT : LAST_NORM;
}

static int link_path_walk(const char *name, struct nameidata *nd);
static int walk_component(struct nameidata *nd, const struct qstr *name, int type,
			  bool follow);

static bool d_is_symlink(const struct dentry *dentry)
{
	return S_ISLNK(dentry->d_inode->i_mode);
}

/*
 * Start following the symbolic link `link`, found in the directory
 * nd->path: count it (ELOOP past MAXSYMLINKS), move to where its body
 * starts (the root for "/..."), and walk all of the body but its last
 * component, which is left in nd->last like a path's. Caller holds
 * dcache_mutex (so the body, which never changes, stays). Linux:
 * pick_link() and the link part of link_path_walk().
 */
static int step_into_link(struct nameidata *nd, struct dentry *link)
{
	const char *body = link->d_inode->i_link;
	int err;

	if (++nd->total_link_count > MAXSYMLINKS || nd->depth >= MAX_NESTED_LINKS)
		return -ELOOP;
	if (*body == '/')
		nd->path.dentry = nd->root.dentry;
	nd->last_type = LAST_ROOT;
	nd->depth++;
	err = link_path_walk(body, nd);
	nd->depth--;
	return err;
}

/*
 * Follow link to what it finally names, following its body's last
 * component too if that is another link (a chain of links is followed
 * in a loop, not by nesting). nd->last and last_type are kept for the
 * caller. Caller holds dcache_mutex.
 */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	struct qstr last = nd->last;
	int last_type = nd->last_type, err;

	do {
		err = step_into_link(nd, link);
		if (err || nd->last_type == LAST_ROOT)
			break;
		link = NULL;
		err = walk_component(nd, &nd->last, nd->last_type, false);
		if (!err && d_is_symlink(nd->path.dentry))
			link = nd->path.dentry;
		if (link)	/* step_into_link starts from the link's directory */
			nd->path.dentry = link->d_parent;
	} while (!err && link);
	nd->last = last;
	nd->last_type = last_type;
	return err;
}

/*
 * Linux: walk_component() with handle_dots()/follow_dotdot() and
 * step_into(). Step from the directory nd->path into component name,
 * following it if it is a symbolic link and follow says so. -ENOENT if
 * there is no such name. Caller holds dcache_mutex; nd->path is a
 * directory.
 */
static int walk_component(struct nameidata *nd, const struct qstr *name, int type,
			  bool follow)
{
	struct dentry *dir = nd->path.dentry, *child;
	int err = inode_permission(dir->d_inode, MAY_EXEC);	/* search permission */

	if (err)
		return err;
	if (type == LAST_DOT)
		return 0;
	if (type == LAST_DOTDOT) {
		if (dir != nd->root.dentry)	/* ".." at the root is the root */
			nd->path.dentry = dir->d_parent;
		return 0;
	}
	child = d_lookup(dir, name);
	if (!child)
		return -ENOENT;
	if (follow && d_is_symlink(child))
		return follow_link(nd, child);	/* from dir, where the link is */
	nd->path.dentry = child;
	return 0;
}

/*
 * Linux: link_path_walk(). Walk every component of name but the last,
 * which is left in nd->last/last_type (LAST_ROOT if there is none: "/",
 * or "" with LOOKUP_EMPTY). Links on the way are followed. Caller holds
 * dcache_mutex.
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	while (*name == '/')
		name++;
	if (!*name)
		return 0;
	for (;;) {
		struct qstr this = QSTR_INIT(name, 0);
		int type, err;

		while (name[this.len] && name[this.len] != '/')
			this.len++;
		if (this.len > NAME_MAX)
			return -ENAMETOOLONG;
		type = component_type(&this);
		name += this.len;
		while (*name == '/')
			name++;
		if (!*name) {	/* the last one; this.name[this.len] is '/' if slashes followed */
			nd->last = this;
			nd->last_type = type;
			return 0;
		}
		err = walk_component(nd, &this, type, true);
		if (err)
			return err;
		if (!d_is_dir(nd->path.dentry))
			return -ENOTDIR;
	}
}

/* Did the last component have a slash after it? */
static bool trailing_slash(const struct nameidata *nd)
{
	return nd->last_type != LAST_ROOT && nd->last.name[nd->last.len] == '/';
}

/*
 * Linux: path_lookupat() with lookup_last(). Walk the whole of name; the
 * result, referenced, in *path. A final link is followed with
 * LOOKUP_FOLLOW (or a trailing slash). A trailing slash or
 * LOOKUP_DIRECTORY means it must be a directory (-ENOTDIR). Caller holds
 * dcache_mutex.
 */
static int path_lookupat(struct nameidata *nd, const char *name, struct path *path)
{
	int err = link_path_walk(name, nd);

	if (!err && nd->last_type != LAST_ROOT) {
		if (trailing_slash(nd))
			nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
		err = walk_component(nd, &nd->last, nd->last_type, nd->flags & LOOKUP_FOLLOW);
	}
	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(nd->path.dentry))
		err = -ENOTDIR;
	if (!err)
		path->dentry = dget(nd->path.dentry);
	return err;
}

/* Linux: filename_lookup(). Look name up from dfd; *path gets a reference.
 * Does not free name. */
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!name->name[0] && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	err = path_init(&nd, dfd, name->name, flags);
	if (!err) {
		mutex_lock(&dcache_mutex);
		err = path_lookupat(&nd, name->name, path);
		mutex_unlock(&dcache_mutex);
	}
	terminate_walk(&nd);
	return err;
}

/* Linux: kern_path(). Look up a kernel path from the cwd. */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct filename *filename = getname_kernel(name);
	int err = filename_lookup(AT_FDCWD, filename, flags, path);

	putname(filename);
	return err;
}

/* Linux: user_path_at(). Look up a user path from dfd (LOOKUP_EMPTY in
 * flags allows ""). */
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	struct filename *filename = getname_flags(name, flags);
	int err = filename_lookup(dfd, filename, flags, path);

	putname(filename);
	return err;
}

/*
 * Walk to the directory holding name's last component, and take
 * dcache_mutex for whatever the caller does there (Linux: filename_parentat()
 * and then the parent's inode_lock()). On error nothing is held; otherwise
 * parent_unlock() ends it.
 */
static int parent_lock(struct nameidata *nd, int dfd, struct filename *name)
{
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!name->name[0])
		return -ENOENT;
	err = path_init(nd, dfd, name->name, 0);
	if (err) {
		terminate_walk(nd);
		return err;
	}
	mutex_lock(&dcache_mutex);
	err = link_path_walk(name->name, nd);
	if (err) {
		mutex_unlock(&dcache_mutex);
		terminate_walk(nd);
	}
	return err;
}

static void parent_unlock(struct nameidata *nd)
{
	mutex_unlock(&dcache_mutex);
	terminate_walk(nd);
}

/* Linux: may_create(). May a name be added to dir? */
static int may_create(struct inode *dir)
{
	if (IS_DEADDIR(dir))
		return -ENOENT;	/* it was removed (someone's cwd, say) */
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Linux: may_delete(). May victim's name be removed from dir, and is it
 * the kind (directory or not, as isdir says) the caller wants to remove?
 */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (isdir) {
		if (!d_is_dir(victim))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (d_is_dir(victim)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

/*
 * Linux: filename_create(). A new dentry (not yet in the tree) for the
 * last component, which must not exist yet: -EEXIST (also for ".", ".."
 * and "/"). A trailing slash is only allowed when making a directory
 * (want_dir), else -ENOENT. Caller holds parent_lock().
 */
static struct dentry *filename_create(struct nameidata *nd, bool want_dir)
{
	struct dentry *dentry;

	if (nd->last_type != LAST_NORM || d_lookup(nd->path.dentry, &nd->last))
		return ERR_PTR(-EEXIST);
	if (!want_dir && trailing_slash(nd))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(nd->path.dentry, &nd->last);
	return dentry ? dentry : ERR_PTR(-ENOMEM);
}

/* Linux: vfs_mkdir(). Caller holds dcache_mutex. */
static int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXUGO | S_ISVTX));
}

/* Linux: do_mkdirat(). Frees name. */
int do_mkdirat(int dfd, struct filename *name, umode_t mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err = parent_lock(&nd, dfd, name);

	if (!err) {
		dentry = filename_create(&nd, true);
		err = IS_ERR(dentry) ? PTR_ERR(dentry) : 0;
		if (!err) {
			err = vfs_mkdir(nd.path.dentry->d_inode, dentry, mode & ~current_umask());
			dput(dentry);	/* the tree holds it now, if mkdir worked */
		}
		parent_unlock(&nd);
	}
	putname(name);
	return err;
}

/*
 * Linux: do_mknodat() with may_mknod() and vfs_mknod()/vfs_create(). A
 * regular file, device node, FIFO or socket (type 0 means regular).
 * Frees name.
 */
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		putname(name);
		return -EPERM;
	default:
		putname(name);
		return -EINVAL;
	}
	err = parent_lock(&nd, dfd, name);
	if (!err) {
		dentry = filename_create(&nd, false);
		err = IS_ERR(dentry) ? PTR_ERR(dentry) : 0;
		dir = nd.path.dentry->d_inode;
		if (!err)
			err = may_create(dir);
		if (!err) {
			mode &= ~current_umask();
			if (S_ISREG(mode))
				err = dir->i_op->create(dir, dentry, mode, true);
			else
				err = dir->i_op->mknod(dir, dentry, mode, new_decode_dev(dev));
		}
		if (!IS_ERR(dentry))
			dput(dentry);
		parent_unlock(&nd);
	}
	putname(name);
	return err;
}

/* Linux: do_symlinkat() with vfs_symlink(). A new name `to` whose body is
 * from (any non-empty string: it is only looked up when followed). Frees
 * both names. */
int do_symlinkat(struct filename *from, int newdfd, struct filename *to)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	int err = IS_ERR(from) ? PTR_ERR(from) : !from->name[0] ? -ENOENT
						 : parent_lock(&nd, newdfd, to);

	if (!err) {
		dentry = filename_create(&nd, false);
		err = IS_ERR(dentry) ? PTR_ERR(dentry) : 0;
		dir = nd.path.dentry->d_inode;
		if (!err)
			err = may_create(dir);
		if (!err)
			err = dir->i_op->symlink ? dir->i_op->symlink(dir, dentry, from->name) : -EPERM;
		if (!IS_ERR(dentry))
			dput(dentry);
		parent_unlock(&nd);
	}
	putname(from);
	putname(to);
	return err;
}

/* Linux: vfs_rmdir(). The directory must be empty; it is marked dead, so
 * nothing can be created in it by whoever still has it as cwd. */
static int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	dget(dentry);
	err = dir->i_op->rmdir(dir, dentry);
	if (!err) {
		dentry->d_inode->i_flags |= S_DEAD;
		d_delete(dentry);
	}
	dput(dentry);
	return err;
}

/* Linux: do_rmdir(). ".." gives ENOTEMPTY, "." EINVAL, "/" EBUSY.
 * Frees name. */
int do_rmdir(int dfd, struct filename *name)
{
	static const int errors[] = {
		[LAST_DOTDOT] = -ENOTEMPTY, [LAST_DOT] = -EINVAL, [LAST_ROOT] = -EBUSY,
	};
	struct nameidata nd;
	struct dentry *dentry;
	int err = parent_lock(&nd, dfd, name);

	if (!err) {
		if (nd.last_type != LAST_NORM)
			err = errors[nd.last_type];
		else if (!(dentry = d_lookup(nd.path.dentry, &nd.last)))
			err = -ENOENT;
		else
			err = vfs_rmdir(nd.path.dentry->d_inode, dentry);
		parent_unlock(&nd);
	}
	putname(name);
	return err;
}

/* Linux: vfs_unlink(). The name goes; the inode stays while it is open. */
static int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	dget(dentry);
	err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_delete(dentry);
	dput(dentry);
	return err;
}

/* Linux: do_unlinkat(). Unlinking a directory, ".", ".." or "/" gives
 * EISDIR; "file/" gives ENOTDIR. Frees name. */
int do_unlinkat(int dfd, struct filename *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err = parent_lock(&nd, dfd, name);

	if (!err) {
		if (nd.last_type != LAST_NORM)
			err = -EISDIR;
		else if (!(dentry = d_lookup(nd.path.dentry, &nd.last)))
			err = -ENOENT;
		else if (trailing_slash(&nd))
			err = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
		else
			err = vfs_unlink(nd.path.dentry->d_inode, dentry);
		parent_unlock(&nd);
	}
	putname(name);
	return err;
}

/*
 * Linux: vfs_rename(). Move old_dentry to new_dentry's place (a name that
 * exists, or a new dentry not in the tree), or swap them (RENAME_EXCHANGE).
 * Caller holds dcache_mutex.
 */
static int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags)
{
	bool is_dir = d_is_dir(old_dentry), target = new_dentry->d_inode != NULL;
	bool new_is_dir = target && d_is_dir(new_dentry);
	int err;

	if (old_dentry == new_dentry)	/* the same file: nothing to do (POSIX) */
		return 0;
	err = may_delete(old_dir, old_dentry, is_dir);
	if (!err && !target)
		err = may_create(new_dir);
	else if (!err)
		err = may_delete(new_dir, new_dentry,
				 flags & RENAME_EXCHANGE ? new_is_dir : is_dir);
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE) {
		d_exchange(old_dentry, new_dentry);
	} else {
		if (new_is_dir)
			new_dentry->d_inode->i_flags |= S_DEAD;
		d_move(old_dentry, new_dentry);
	}
	return 0;
}

/*
 * The checks of Linux's do_renameat2() between looking up both names and
 * vfs_rename(), in its order. Caller holds dcache_mutex; old_dentry exists;
 * new_dentry may be NULL.
 */
static int rename_checks(struct nameidata *oldnd, struct dentry *old_dentry,
			 struct nameidata *newnd, struct dentry *new_dentry, unsigned int flags)
{
	if ((flags & RENAME_NOREPLACE) && new_dentry)
		return -EEXIST;
	if (flags & RENAME_EXCHANGE) {
		if (!new_dentry)
			return -ENOENT;
		if (!d_is_dir(new_dentry) && trailing_slash(newnd))
			return -ENOTDIR;
	}
	if (!d_is_dir(old_dentry) &&
	    (trailing_slash(oldnd) || (!(flags & RENAME_EXCHANGE) && trailing_slash(newnd))))
		return -ENOTDIR;
	/* A directory cannot move inside itself... */
	if (is_subdir(newnd->path.dentry, old_dentry))
		return -EINVAL;
	/* ... nor replace one of its own ancestors. */
	if (new_dentry && is_subdir(oldnd->path.dentry, new_dentry))
		return flags & RENAME_EXCHANGE ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/*
 * Linux: do_renameat2(). flags: 0, RENAME_NOREPLACE (fail with EEXIST if
 * the new name exists) or RENAME_EXCHANGE (swap two existing names);
 * RENAME_WHITEOUT is not supported by ramfs (EINVAL). Frees both names.
 */
int do_renameat2(int olddfd, struct filename *from, int newdfd, struct filename *to,
		 unsigned int flags)
{
	struct nameidata oldnd, newnd;
	struct dentry *old_dentry, *new_dentry;
	int err = 0;

	if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) ||
	    ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE)) ||
	    ((flags & RENAME_WHITEOUT) && (flags & RENAME_EXCHANGE)))
		err = -EINVAL;
	if (!err && (IS_ERR(from) || IS_ERR(to)))
		err = IS_ERR(from) ? PTR_ERR(from) : PTR_ERR(to);
	if (!err && (!from->name[0] || !to->name[0]))
		err = -ENOENT;
	if (err)
		goto out;
	err = path_init(&oldnd, olddfd, from->name, 0);
	if (!err)
		err = path_init(&newnd, newdfd, to->name, 0);
	else
		newnd = (struct nameidata){ 0 };
	if (err)
		goto out_terminate;

	mutex_lock(&dcache_mutex);
	err = link_path_walk(from->name, &oldnd);
	if (!err)
		err = link_path_walk(to->name, &newnd);
	if (!err && (oldnd.last_type != LAST_NORM || newnd.last_type != LAST_NORM))
		err = oldnd.last_type == LAST_NORM && (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (err)
		goto out_unlock;
	old_dentry = d_lookup(oldnd.path.dentry, &oldnd.last);
	if (!old_dentry) {
		err = -ENOENT;
		goto out_unlock;
	}
	new_dentry = d_lookup(newnd.path.dentry, &newnd.last);
	err = rename_checks(&oldnd, old_dentry, &newnd, new_dentry, flags);
	if (err)
		goto out_unlock;
	new_dentry = new_dentry ? dget(new_dentry) : d_alloc(newnd.path.dentry, &newnd.last);
	if (!new_dentry) {
		err = -ENOMEM;
		goto out_unlock;
	}
	err = vfs_rename(oldnd.path.dentry->d_inode, old_dentry, newnd.path.dentry->d_inode,
			 new_dentry, flags);
	dput(new_dentry);
out_unlock:
	mutex_unlock(&dcache_mutex);
out_terminate:
	terminate_walk(&oldnd);
	if (newnd.root.dentry)
		terminate_walk(&newnd);
out:
	putname(from);
	putname(to);
	return err;
}

/*
 * Look the last component up for open(), creating it if O_CREAT asks and
 * it is missing (FMODE_CREATED then). A final symbolic link is followed
 * unless O_NOFOLLOW (or O_CREAT|O_EXCL: then it just exists); with O_CREAT
 * a link to nowhere creates its target. Leaves the result in nd->path.
 * Caller holds dcache_mutex. Linux: open_last_lookups() with lookup_open().
 */
static int open_last_lookups(struct nameidata *nd, struct file *file,
			     const struct open_flags *op)
{
	bool follow = !(op->open_flag & O_NOFOLLOW);
	struct dentry *dir, *dentry;
	int err;

	if (nd->last_type == LAST_ROOT)
		return 0;
	if (nd->last_type != LAST_NORM)	/* "." or ".." */
		return walk_component(nd, &nd->last, nd->last_type, false);
	if (!(op->open_flag & O_CREAT)) {
		if (trailing_slash(nd))
			nd->flags |= LOOKUP_DIRECTORY;
		return walk_component(nd, &nd->last, LAST_NORM, follow || trailing_slash(nd));
	}
	for (;;) {	/* once, or once more per link to follow */
		dir = nd->path.dentry;
		if (nd->last_type != LAST_NORM)	/* a link's body ended in "." or ".." */
			return walk_component(nd, &nd->last, nd->last_type, false);
		if (trailing_slash(nd))
			return -EISDIR;
		err = inode_permission(dir->d_inode, MAY_EXEC);
		if (err)
			return err;
		dentry = d_lookup(dir, &nd->last);
		if (dentry && d_is_symlink(dentry) && follow && !(op->open_flag & O_EXCL)) {
			err = step_into_link(nd, dentry);
			if (err)
				return err;
			if (nd->last_type == LAST_ROOT)
				return 0;
			continue;
		}
		if (dentry) {	/* it exists: do_open() decides (O_EXCL) */
			nd->path.dentry = dentry;
			return 0;
		}
		break;
	}
	err = may_create(dir->d_inode);
	if (err)
		return err;
	if (!dir->d_inode->i_op->create)
		return -EACCES;
	dentry = d_alloc(dir, &nd->last);
	if (!dentry)
		return -ENOMEM;
	err = dir->d_inode->i_op->create(dir->d_inode, dentry, op->mode & ~current_umask(),
					 op->open_flag & O_EXCL);
	if (!err) {
		file->f_mode |= FMODE_CREATED;
		nd->path.dentry = dentry;	/* the tree holds it: dcache_mutex keeps it there */
	}
	dput(dentry);
	return err;
}

/* Linux: may_open(). May this inode be opened for acc_mode? */
static int may_open(struct inode *inode, int acc_mode)
{
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc_mode & MAY_WRITE)
			return -EISDIR;
		if (acc_mode & MAY_EXEC)
			return -EACCES;
		break;
	case S_IFIFO:
	case S_IFSOCK:
		acc_mode &= ~MAY_EXEC;
		break;
	}
	return inode_permission(inode, MAY_OPEN | acc_mode);
}

/*
 * Linux: do_open(). The checks after the lookup, then open the file and
 * handle O_TRUNC. Runs without dcache_mutex (truncating takes i_mutex);
 * path is referenced.
 */
static int do_open(struct nameidata *nd, const struct path *path, struct file *file,
		   const struct open_flags *op)
{
	struct dentry *dentry = path->dentry;
	int open_flag = op->open_flag, acc_mode = op->acc_mode, err;
	bool truncate = false;

	if (open_flag & O_CREAT) {
		if ((open_flag & O_EXCL) && !(file->f_mode & FMODE_CREATED))
			return -EEXIST;
		if (d_is_dir(dentry))
			return -EISDIR;
	}
	/* (Linux 6.1 creates the file first for O_CREAT|O_DIRECTORY, then says
	 * ENOTDIR; 6.4 and later refuse the pair with EINVAL. This is 6.1.) */
	if ((nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(dentry))
		return -ENOTDIR;
	if (open_flag & O_PATH)	/* a handle only: nothing to check (Linux: do_o_path()) */
		return vfs_open(path, file);
	if (file->f_mode & FMODE_CREATED)
		acc_mode = 0;	/* a new file opens even if its mode denies it */
	else if (d_is_reg(dentry) && (open_flag & O_TRUNC))
		truncate = true;
	err = may_open(dentry->d_inode, acc_mode);
	if (!err)
		err = vfs_open(path, file);
	if (!err && truncate)
		err = do_truncate(dentry, 0);
	return err;
}

/*
 * Linux: do_filp_open() -> path_openat(). Open pathname (from dfd) as op
 * says. Returns the file or an ERR_PTR. Does not free pathname.
 */
struct file *do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op)
{
	struct nameidata nd;
	struct path path = { NULL };
	struct file *file;
	int err;

	if (IS_ERR(pathname))
		return ERR_PTR(PTR_ERR(pathname));
	file = alloc_empty_file(op->open_flag);
	if (IS_ERR(file))
		return file;
	err = path_init(&nd, dfd, pathname->name, op->lookup_flags);
	if (!err) {
		mutex_lock(&dcache_mutex);
		err = link_path_walk(pathname->name, &nd);
		if (!err)
			err = open_last_lookups(&nd, file, op);
		if (!err)
			path.dentry = dget(nd.path.dentry);
		mutex_unlock(&dcache_mutex);
	}
	terminate_walk(&nd);
	if (!err)
		err = do_open(&nd, &path, file, op);
	path_put(&path);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/* Linux: fs/namei.c sys_mkdirat(), sys_mkdir(). */
SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, getname(pathname), mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, getname(pathname), mode);
}

/* Linux: fs/namei.c sys_mknodat(), sys_mknod(). */
SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, getname(filename), mode, dev);
}

/* Linux: fs/namei.c sys_symlinkat(), sys_symlink(). */
SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), newdfd, getname(newname));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(getname(oldname), AT_FDCWD, getname(newname));
}

/* Linux: fs/namei.c sys_rmdir(). */
SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_rmdir(AT_FDCWD, getname(pathname));
}

/* Linux: fs/namei.c sys_unlinkat(), sys_unlink(). */
SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flag & AT_REMOVEDIR)
		return do_rmdir(dfd, getname(pathname));
	return do_unlinkat(dfd, getname(pathname));
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, getname(pathname));
}

/* Linux: fs/namei.c sys_renameat2(), sys_renameat(), sys_rename(). */
SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname), 0);
}
