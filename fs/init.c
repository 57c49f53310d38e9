/*
 * The kernel's own file operations by path, for boot: unpacking the
 * initramfs, making /dev/console, giving pid 1 its fds 0, 1 and 2. Paths
 * are kernel strings, looked up from the calling task's cwd (init_fs's,
 * "/", if it has none). Each returns 0 or -errno. Linux: fs/init.c, and
 * console_on_rootfs() from init/main.c.
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>

/* Linux: init_mkdir(). */
int init_mkdir(const char *pathname, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, getname_kernel(pathname), mode);
}

/* Linux: init_mknod(). dev in new_encode_dev() form, as mknod(2) takes it. */
int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return do_mknodat(AT_FDCWD, getname_kernel(filename), mode, dev);
}

/* Linux: init_symlink(). newname becomes a link to oldname. */
int init_symlink(const char *oldname, const char *newname)
{
	return do_symlinkat(getname_kernel(oldname), AT_FDCWD, getname_kernel(newname));
}

/* Linux: init_unlink(), init_rmdir(). */
int init_unlink(const char *pathname)
{
	return do_unlinkat(AT_FDCWD, getname_kernel(pathname));
}

int init_rmdir(const char *pathname)
{
	return do_rmdir(AT_FDCWD, getname_kernel(pathname));
}

/* Linux: init_chdir(). Changes the caller's cwd (init_fs's if it has no
 * fs_struct of its own: then every such task's). */
int init_chdir(const char *filename)
{
	struct path path;
	int err = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (!err) {
		set_fs_pwd(current_fs(), &path);
		path_put(&path);
	}
	return err;
}

/* Apply attr to filename's inode. */
static int init_setattr(const char *filename, struct iattr *attr)
{
	struct path path;
	int err = kern_path(filename, 0, &path);

	if (err)
		return err;
	mutex_lock(&path.dentry->d_inode->i_mutex);
	err = notify_change(path.dentry, attr);
	mutex_unlock(&path.dentry->d_inode->i_mutex);
	path_put(&path);
	return err;
}

/* Linux: init_chown(), init_chmod(), init_utimes() (atime = mtime here). */
int init_chown(const char *filename, unsigned int user, unsigned int group)
{
	struct iattr attr = { .ia_valid = ATTR_UID | ATTR_GID, .ia_uid = user, .ia_gid = group };

	return init_setattr(filename, &attr);
}

int init_chmod(const char *filename, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode };

	return init_setattr(filename, &attr);
}

int init_utimes(const char *filename, const struct timespec64 *mtime)
{
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME, .ia_atime = *mtime,
			      .ia_mtime = *mtime };

	return init_setattr(filename, &attr);
}

/* Linux: init_stat(). flags: AT_SYMLINK_NOFOLLOW or 0. */
int init_stat(const char *filename, struct kstat *stat, int flags)
{
	struct path path;
	int err = kern_path(filename, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &path);

	if (!err) {
		err = vfs_getattr(&path, stat);
		path_put(&path);
	}
	return err;
}

/*
 * Give tsk (current, or a task not yet running) an fd table and an
 * fs_struct if it has none: an empty table, and a copy of init_fs (root
 * and cwd "/", umask 022). In Linux every task has both from the start
 * (init_task's, copied or shared by copy_files()/copy_fs()); here the
 * boot tasks are born without, and pid 1 gets its own this way.
 */
int setup_task_files_fs(struct task_struct *tsk)
{
	if (!tsk->files) {
		int err;

		tsk->files = dup_fd(&init_files, &err);
		if (!tsk->files)
			return err;
	}
	if (!tsk->fs) {
		tsk->fs = copy_fs_struct(&init_fs);
		if (!tsk->fs)
			return -ENOMEM;
	}
	return 0;
}

/*
 * Linux: init/main.c console_on_rootfs(). Open /dev/console as fds 0, 1
 * and 2 of the current task (pid 1, before it execs init), giving it an fd
 * table and fs_struct first if it has none.
 */
void console_on_rootfs(void)
{
	struct file *file;
	int err = setup_task_files_fs(current);

	if (err) {
		pr_err("console_on_rootfs: no fd table for pid %d (%d)\n", current->pid, err);
		return;
	}
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int i = 0; i < 3; i++) {	/* Linux: init_dup() */
		int fd = get_unused_fd_flags(0);

		if (fd >= 0)
			fd_install(fd, get_file(file));
	}
	fput(file);
}
