/*
 * From a dentry back to a path name: getcwd. Linux: fs/d_path.c.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/*
 * Linux: prepend_path(). Write the path from root down to dentry at the end
 * of buf[0..buflen), NUL-terminated; *start gets where it begins. Stops at
 * the filesystem's root if root is not on the way. -ENAMETOOLONG if it
 * does not fit. Caller holds dcache_mutex.
 */
static int prepend_path(const struct dentry *dentry, const struct dentry *root, char *buf,
			int buflen, char **start)
{
	char *end = buf + buflen;

	*--end = '\0';
	while (dentry != root && !IS_ROOT(dentry)) {
		int len = dentry->d_name.len;

		if (end - buf < len + 1)
			return -ENAMETOOLONG;
		end -= len;
		memcpy(end, dentry->d_name.name, len);
		*--end = '/';
		dentry = dentry->d_parent;
	}
	if (!*end)	/* the root itself */
		*--end = '/';
	*start = end;
	return 0;
}

/*
 * Linux: d_path(). path's name from the task's root, in buf; a removed
 * file or directory gets " (deleted)" after it. Returns where the name
 * starts in buf, or an ERR_PTR.
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	static const char deleted[] = " (deleted)";
	struct path root;
	char *start;
	int err, extra = 0;

	get_fs_root(current_fs(), &root);
	mutex_lock(&dcache_mutex);
	if (d_unlinked(path->dentry))
		extra = sizeof(deleted) - 1;
	err = buflen > extra ? prepend_path(path->dentry, root.dentry, buf, buflen - extra, &start)
			     : -ENAMETOOLONG;
	mutex_unlock(&dcache_mutex);
	path_put(&root);
	if (err)
		return ERR_PTR(err);
	if (extra)
		memcpy(buf + buflen - extra - 1, deleted, sizeof(deleted));
	return start;
}

/* Linux: fs/d_path.c sys_getcwd(). The cwd's path and its length with the
 * NUL; ERANGE if size is too small, ENOENT if the cwd has been removed. */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL), *cwd;
	struct path pwd, root;
	long error;

	if (!page)
		return -ENOMEM;
	get_fs_root(current_fs(), &root);
	get_fs_pwd(current_fs(), &pwd);
	mutex_lock(&dcache_mutex);
	error = d_unlinked(pwd.dentry) ? -ENOENT
				       : prepend_path(pwd.dentry, root.dentry, page, PATH_MAX, &cwd);
	mutex_unlock(&dcache_mutex);
	path_put(&pwd);
	path_put(&root);
	if (!error) {
		unsigned long len = page + PATH_MAX - cwd;

		if (len > size)
			error = -ERANGE;
		else if (copy_to_user(buf, cwd, len))
			error = -EFAULT;
		else
			error = len;
	}
	kfree(page);
	return error;
}
