/*
 * /proc: one directory per process, /proc/<pid>, holding stat and comm,
 * whose contents are made from the task when read. Linux: fs/proc/root.c,
 * fs/proc/base.c, fs/proc/array.c (cut down: no mount, no other files).
 *
 * /proc is a rootfs directory whose inode has procfs's operations: its
 * lookup (called by d_lookup() under dcache_mutex) makes a pid's directory
 * the first time it is named and drops those of processes that have gone;
 * its readdir walks the task list, not the dentries. A pid directory and
 * its two files are ordinary dentries; each inode's i_ino says whose they
 * are: pid << 8, plus 1 for stat, 2 for comm. /proc/self is a symbolic
 * link made at the first lookup.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/pid.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/dirent.h>

#define PROC_INO(pid, file) (((unsigned long)(pid) << 8) | (file))
#define PROC_PID(inode) ((int)((inode)->i_ino >> 8))
#define PROC_STAT 1
#define PROC_COMM 2

static const struct inode_operations proc_empty_inode_operations;

/* Linux: task_state_index() with task_state_array[]. See proc_fs.h. */
char task_state_char(const struct task_struct *task)
{
	unsigned int state = READ_ONCE(task->__state);

	if (task->exit_state & EXIT_DEAD)
		return 'X';
	if (task->exit_state & EXIT_ZOMBIE)
		return 'Z';
	if (state & __TASK_STOPPED)
		return 'T';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (state & TASK_INTERRUPTIBLE)
		return 'S';
	return 'R';
}

/* The process (thread-group leader, not yet reaped) with this pid, or NULL.
 * Caller holds tasklist_lock. */
static struct task_struct *find_process(int pid)
{
	struct task_struct *task = pid > 0 ? find_task_by_pid(pid) : NULL;

	if (!task || task->pid != task->tgid || (task->exit_state & EXIT_DEAD))
		return NULL;
	return task;
}

static bool process_exists(int pid)
{
	unsigned long flags;
	bool alive;

	spin_lock_irqsave(&tasklist_lock, flags);
	alive = find_process(pid) != NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* Linux: fs/proc/array.c do_task_stat(). The 52 fields of proc(5); those
 * Forklift does not keep (times, memory, signals...) are 0. tty_nr 0 and
 * tpgid -1: no controlling terminals yet. */
int proc_pid_stat_line(int pid, char *buf, size_t size)
{
	struct task_struct *task;
	unsigned long flags;
	int len;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_process(pid);
	if (!task) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	len = snprintf(buf, size, "%d (%.*s) %c %d %d %d 0 -1 %u", task->tgid, TASK_COMM_LEN,
		       task->comm, task_state_char(task),
		       task->real_parent ? task->real_parent->tgid : 0,
		       task->signal ? task->signal->pgrp : 0,
		       task->signal ? task->signal->session : 0, task->flags);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (int field = 10; field <= 52 && len < (int)size; field++)
		len += snprintf(buf + len, size - len, " 0");
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "\n");
	return min(len, (int)size - 1);
}

/* /proc/<pid>/comm: the name and a newline. */
static int proc_pid_comm_line(int pid, char *buf, size_t size)
{
	struct task_struct *task;
	unsigned long flags;
	int len;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_process(pid);
	len = task ? snprintf(buf, size, "%.*s\n", TASK_COMM_LEN, task->comm) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return len < 0 ? len : min(len, (int)size - 1);
}

/* Linux: proc_single_open() refusing writers. The files are read-only,
 * for root too. */
static int proc_pid_file_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_WRITE) ? -EACCES : 0;
}

/* Linux: seq_read_iter() for a one-record file. Generate the whole text on
 * each read and give the part from ki_pos; -ESRCH once the process is gone. */
static ssize_t proc_pid_file_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	char buf[512];
	size_t n;
	int len;

	if ((inode->i_ino & 0xff) == PROC_STAT)
		len = proc_pid_stat_line(PROC_PID(inode), buf, sizeof(buf));
	else
		len = proc_pid_comm_line(PROC_PID(inode), buf, sizeof(buf));
	if (len < 0)
		return len;
	if (iocb->ki_pos >= len)
		return 0;
	n = copy_to_iter(buf + iocb->ki_pos, len - iocb->ki_pos, to);
	iocb->ki_pos += n;
	return n ? (ssize_t)n : -EFAULT;
}

static const struct file_operations proc_pid_file_operations = {
	.open = proc_pid_file_open,
	.read_iter = proc_pid_file_read,
	.llseek = generic_file_llseek,
};

/* A new procfs inode, or NULL if out of memory. */
static struct inode *proc_get_inode(umode_t mode, unsigned long ino)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode_init_owner(inode, NULL, mode);
	inode->i_ino = ino;
	inode->i_op = &proc_empty_inode_operations;
	if (S_ISDIR(mode)) {
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);
	} else {
		inode->i_fop = &proc_pid_file_operations;
	}
	return inode;
}

/* Add a pinned child called name to parent. Caller holds dcache_mutex. */
static struct dentry *proc_add(struct dentry *parent, const char *name, umode_t mode,
			       unsigned long ino)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct dentry *dentry = d_alloc(parent, &q);
	struct inode *inode = dentry ? proc_get_inode(mode, ino) : NULL;

	if (!inode) {
		dput(dentry);
		return NULL;
	}
	d_instantiate(dentry, inode);	/* the d_alloc reference is the pin */
	return dentry;
}

/* Take a pinned dentry out of the tree and drop its pin. Caller holds
 * dcache_mutex. */
static void proc_remove(struct dentry *dentry)
{
	d_delete(dentry);
	dput(dentry);
}

/* Linux: proc_pid_instantiate(). /proc/<pid> with stat and comm, or NULL
 * if out of memory. Caller holds dcache_mutex. */
static struct dentry *proc_pid_instantiate(struct dentry *root, int pid, const char *name)
{
	struct dentry *dir = proc_add(root, name, S_IFDIR | 0555, PROC_INO(pid, 0));

	if (!dir)
		return NULL;
	if (!proc_add(dir, "stat", S_IFREG | 0444, PROC_INO(pid, PROC_STAT)) ||
	    !proc_add(dir, "comm", S_IFREG | 0444, PROC_INO(pid, PROC_COMM))) {
		struct dentry *child, *tmp;

		list_for_each_entry_safe(child, tmp, &dir->d_subdirs, d_child)
			proc_remove(child);
		proc_remove(dir);
		return NULL;
	}
	return dir;
}

/* Drop the directories of processes that have gone (whoever still holds
 * one, as an open file or cwd, keeps it; its reads give ESRCH). Caller
 * holds dcache_mutex. */
static void proc_prune(struct dentry *root)
{
	struct dentry *dir, *tmp, *child, *ctmp;

	list_for_each_entry_safe(dir, tmp, &root->d_subdirs, d_child) {
		if (!dir->d_inode || !S_ISDIR(dir->d_inode->i_mode) ||
		    process_exists(PROC_PID(dir->d_inode)))
			continue;
		list_for_each_entry_safe(child, ctmp, &dir->d_subdirs, d_child)
			if (child->d_inode)	/* not a reader's cursor */
				proc_remove(child);
		proc_remove(dir);
	}
}

/*
 * Linux: fs/proc/self.c proc_self_get_link(). /proc/self: one symbolic link
 * whose body is rewritten, on each lookup, to the caller's pid. The path
 * walk reads the body under the same hold of dcache_mutex, so it sees its
 * own. NULL if out of memory. Caller holds dcache_mutex.
 */
static struct dentry *proc_self_lookup(struct dentry *root)
{
	struct dentry *self;
	char *body;

	list_for_each_entry(self, &root->d_subdirs, d_child) {
		if (self->d_inode && S_ISLNK(self->d_inode->i_mode))
			goto found;
	}
	body = kmalloc(12, GFP_KERNEL);
	self = body ? proc_add(root, "self", S_IFLNK | 0777, PROC_INO(0, 3)) : NULL;
	if (!self) {
		kfree(body);
		return NULL;
	}
	self->d_inode->i_fop = NULL;
	self->d_inode->i_link = body;
found:
	self->d_inode->i_size = snprintf((char *)self->d_inode->i_link, 12, "%d", current->tgid);
	return self;
}

/* Linux: proc_root_lookup() -> proc_pid_lookup(). A pid's directory, made
 * on first use; NULL for anything else. Caller holds dcache_mutex. */
static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       const struct qstr *name)
{
	struct dentry *child;
	char buf[12];
	int pid = 0;

	proc_prune(dentry);
	if (name->len == 4 && !memcmp(name->name, "self", 4))
		return proc_self_lookup(dentry);
	if (name->len == 0 || name->len >= sizeof(buf) || name->name[0] == '0')
		return NULL;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return NULL;
		pid = pid * 10 + (name->name[i] - '0');
	}
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode && PROC_PID(child->d_inode) == pid)
			return child;
	}
	if (!process_exists(pid))
		return NULL;
	memcpy(buf, name->name, name->len);
	buf[name->len] = '\0';
	return proc_pid_instantiate(dentry, pid, buf);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

/* The smallest process id >= from, or 0 if none. */
static int next_pid(int from)
{
	struct task_struct *task;
	unsigned long flags;
	int best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(task, &init_task.tasks, tasks) {
		if (task->pid == task->tgid && task->tgid >= from && !(task->exit_state & EXIT_DEAD) &&
		    (!best || task->tgid < best))
			best = task->tgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/*
 * Linux: proc_root_readdir() -> proc_pid_readdir(). ".", "..", "self",
 * then the processes in pid order. Position 3 + pid is where pid's entry is, so a
 * reader coming back later resumes after the last pid it saw even if
 * processes came and went meanwhile.
 */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	char name[12];
	int pid;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, file_inode(file)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, 1, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	if (ctx->pos == 2) {
		if (!dir_emit(ctx, "self", 4, PROC_INO(0, 3), DT_LNK))
			return 0;
		ctx->pos = 3;
	}
	while ((pid = next_pid(ctx->pos - 3)) > 0) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		ctx->pos = pid + 3;
		if (!dir_emit(ctx, name, len, PROC_INO(pid, 0), DT_DIR))
			return 0;
		ctx->pos = pid + 4;
	}
	return 0;
}

/* Linux: proc_root_operations' lseek: any position is a place to resume. */
static loff_t proc_root_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	return vfs_setpos(file, offset, PID_MAX_DEFAULT + 3);
}

static const struct file_operations proc_root_operations = {
	.read_iter = generic_read_dir,
	.iterate_shared = proc_root_readdir,
	.llseek = proc_root_llseek,
};

/* Linux: proc_root_init() with the mount of /proc init does. See proc_fs.h. */
void proc_root_init(void)
{
	struct path path;
	int err = init_mkdir("/proc", 0555);

	if (err && err != -EEXIST)
		goto fail;
	err = kern_path("/proc", 0, &path);
	if (err)
		goto fail;
	path.dentry->d_inode->i_op = &proc_root_inode_operations;
	path.dentry->d_inode->i_fop = &proc_root_operations;
	path_put(&path);
	return;
fail:
	pr_err("proc_root_init: cannot make /proc: error %d\n", err);
}
