/*
 * A task's filesystem context: its root, its current directory and its
 * umask. Shared by CLONE_FS tasks, copied by fork.
 * Linux: include/linux/fs_struct.h, fs/fs_struct.c.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/fs.h>
#include <linux/spinlock.h>

struct fs_struct {
	int users;	/* tasks sharing it (under lock) */
	spinlock_t lock;	/* guards root and pwd */
	int umask;	/* permission bits new files do not get */
	struct path root, pwd;	/* each holds a dentry reference */
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void get_fs_struct(struct fs_struct *fs);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
struct fs_struct *current_fs(void);
int current_umask(void);

#endif
