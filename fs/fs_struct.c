/*
 * fs_struct: a task's root, current directory and umask.
 * Linux: fs/fs_struct.c (and sys_umask from kernel/sys.c).
 *
 * Locking: fs->lock (a spinlock) guards root, pwd and users; references
 * are taken under it and dropped (dput, which may free) after it.
 */
#include <linux/kernel.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include "internal.h"

static struct kmem_cache *fs_cachep;

/* Root and cwd are set by vfs_caches_init() to the rootfs root.
 * Linux: init_fs (fs/fs_struct.c). */
struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

/* The current task's fs_struct; tasks that have none (kernel threads, pid
 * 1 before console_on_rootfs()) look paths up from init_fs. */
struct fs_struct *current_fs(void)
{
	return current->fs ? current->fs : &init_fs;
}

int current_umask(void)
{
	return current_fs()->umask;
}

/* Linux: set_fs_root(), set_fs_pwd(). Point root (pwd) at path, taking a
 * reference on it and dropping the old one. */
void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/* Linux: get_fs_root(), get_fs_pwd(). A referenced copy: path_put() it. */
void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/* Linux: free_fs_struct(). */
void free_fs_struct(struct fs_struct *fs)
{
	path_put(&fs->root);
	path_put(&fs->pwd);
	kmem_cache_free(fs_cachep, fs);
}

/* Linux: exit_fs(). The task lets go of its fs_struct; the last user frees it. */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	int kill;

	if (!fs)
		return;
	spin_lock(&fs->lock);
	tsk->fs = NULL;	/* Linux: under task_lock() */
	kill = !--fs->users;
	spin_unlock(&fs->lock);
	if (kill)
		free_fs_struct(fs);
}

/* One more task shares fs (CLONE_FS). Linux's copy_fs() does this
 * inline: fs->users++ under fs->lock. Dropped by exit_fs(). */
void get_fs_struct(struct fs_struct *fs)
{
	spin_lock(&fs->lock);
	fs->users++;
	spin_unlock(&fs->lock);
}

/* Linux: copy_fs_struct(). A copy for fork without CLONE_FS: same root,
 * cwd (referenced again) and umask. NULL if out of memory. (With
 * CLONE_FS, copy_fs() just does fs->users++ under fs->lock.) */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	fs->umask = old->umask;
	spin_lock(&old->lock);
	fs->root = old->root;
	path_get(&fs->root);
	fs->pwd = old->pwd;
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void fs_struct_init(void)
{
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct), 0, SLAB_PANIC, NULL);
}

/* Linux: kernel/sys.c sys_umask(). Set the umask; return the old one. */
SYSCALL_DEFINE1(umask, int, mask)
{
	return __atomic_exchange_n(&current_fs()->umask, mask & S_IRWXUGO, __ATOMIC_RELAXED);
}
