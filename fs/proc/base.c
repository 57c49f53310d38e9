/*
 * /proc: one directory per process, /proc/<pid>, holding stat and comm,
 * whose contents are made from the task when read. Linux: fs/proc/root.c,
 * fs/proc/base.c, fs/proc/array.c (cut down: no mount, no other files).
 *
 * /proc is a rootfs directory whose inode has procfs's operations: its
 * lookup (called by d_lookup() under dcache_mutex) makes a pid's directory
 * the first time it is named and drops those of processes that have gone;
 * its readdir walks the task list, not the dentries. A pid directory and
 * its files are ordinary dentries; each inode's i_ino says whose they
 * are: pid << 8, plus which file (PROC_* below). /proc/self is a symbolic
 * link made at the first lookup.
 *
 * Threads: /proc/<pid>/task holds one directory per thread of the process,
 * /proc/<pid>/task/<tid>, with the thread's own stat and comm. The task
 * directory is served like /proc itself (lookup and readdir from the
 * thread list), since threads come and go while the process lives.
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
#define PROC_STAT 1	/* /proc/<pid>/stat */
#define PROC_COMM 2	/* /proc/<pid>/comm */
#define PROC_SELF 3	/* /proc/self (pid 0) */
#define PROC_TASK 4	/* /proc/<pid>/task */
#define PROC_TID_DIR 5	/* /proc/<pid>/task/<tid>: i_ino has the tid */
#define PROC_TID_STAT 6
#define PROC_TID_COMM 7

static const struct inode_operations proc_empty_inode_operations;
static const struct inode_operations proc_task_inode_operations;
static const struct file_operations proc_task_operations;

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

/* Thread tid of process tgid (tgid 0: of any process), not yet reaped, or
 * NULL. Caller holds tasklist_lock. */
static struct task_struct *find_thread(int tgid, int tid)
{
	struct task_struct *task = tid > 0 ? find_task_by_pid(tid) : NULL;

	if (!task || (tgid && task->tgid != tgid) || (task->exit_state & EXIT_DEAD))
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

/*
 * Linux: fs/proc/array.c do_task_stat(). The 52 fields of proc(5) for
 * task, with id first (the tgid for /proc/<pid>/stat, the tid for a
 * thread's); those Forklift does not keep (times, memory, signals...) are
 * 0. tty_nr 0 and tpgid -1: no controlling terminals yet. num_threads
 * (field 20) is the process's. Caller holds tasklist_lock.
 */
static int task_stat_line(struct task_struct *task, int id, char *buf, size_t size)
{
	int len = snprintf(buf, size, "%d (%.*s) %c %d %d %d 0 -1 %u", id, TASK_COMM_LEN,
			   task->comm, task_state_char(task),
			   task->real_parent ? task->real_parent->tgid : 0,
			   task->signal ? task->signal->pgrp : 0,
			   task->signal ? task->signal->session : 0, task->flags);

	for (int field = 10; field <= 52 && len < (int)size; field++)
		len += snprintf(buf + len, size - len, " %d",
				field == 20 && task->signal ? task->signal->nr_threads : 0);
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "\n");
	return min(len, (int)size - 1);
}

/* /proc/<pid>/stat: the process's line. Its length, or -ESRCH. */
int proc_pid_stat_line(int pid, char *buf, size_t size)
{
	struct task_struct *task;
	unsigned long flags;
	int len;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_process(pid);
	len = task ? task_stat_line(task, task->tgid, buf, size) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return len;
}

/* The text of the stat or comm file with inode number ino: a process's
 * (PROC_STAT, PROC_COMM) or a thread's (PROC_TID_*). Length, or -ESRCH. */
static int proc_file_text(unsigned long ino, char *buf, size_t size)
{
	int id = (int)(ino >> 8), file = ino & 0xff, len = -ESRCH;
	struct task_struct *task;
	unsigned long flags;

	if (file == PROC_STAT)
		return proc_pid_stat_line(id, buf, size);
	spin_lock_irqsave(&tasklist_lock, flags);
	task = file == PROC_COMM ? find_process(id) : find_thread(0, id);
	if (task && file == PROC_TID_STAT)
		len = task_stat_line(task, task->pid, buf, size);
	else if (task)	/* the name and a newline */
		len = min(snprintf(buf, size, "%.*s\n", TASK_COMM_LEN, task->comm), (int)size - 1);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return len;
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

	len = proc_file_text(inode->i_ino, buf, sizeof(buf));
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
	if (S_ISDIR(mode) && (ino & 0xff) == PROC_TASK) {
		inode->i_op = &proc_task_inode_operations;	/* threads come and go */
		inode->i_fop = &proc_task_operations;
		inc_nlink(inode);
	} else if (S_ISDIR(mode)) {
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

/* proc_remove() dentry and everything below it. Caller holds dcache_mutex. */
static void proc_remove_tree(struct dentry *dentry)
{
	struct dentry *child, *tmp;

	list_for_each_entry_safe(child, tmp, &dentry->d_subdirs, d_child)
		if (child->d_inode)	/* not a reader's cursor */
			proc_remove_tree(child);
	proc_remove(dentry);
}

/* Linux: proc_pid_instantiate() and proc_task_instantiate(). /proc/<pid>
 * (stat, comm, task) or /proc/<pid>/task/<tid> (stat, comm) under parent;
 * NULL if out of memory. Caller holds dcache_mutex. */
static struct dentry *proc_instantiate(struct dentry *parent, int id, const char *name,
				       bool thread)
{
	struct dentry *dir = proc_add(parent, name, S_IFDIR | 0555,
				      PROC_INO(id, thread ? PROC_TID_DIR : 0));
	int stat = thread ? PROC_TID_STAT : PROC_STAT, comm = thread ? PROC_TID_COMM : PROC_COMM;

	if (!dir)
		return NULL;
	if (!proc_add(dir, "stat", S_IFREG | 0444, PROC_INO(id, stat)) ||
	    !proc_add(dir, "comm", S_IFREG | 0444, PROC_INO(id, comm)) ||
	    (!thread && !proc_add(dir, "task", S_IFDIR | 0555, PROC_INO(id, PROC_TASK)))) {
		proc_remove_tree(dir);
		return NULL;
	}
	return dir;
}

/* Is there still a process id (tgid 0), or a thread id of process tgid? */
static bool proc_id_exists(int tgid, int id)
{
	unsigned long flags;
	bool alive;

	if (!tgid)
		return process_exists(id);
	spin_lock_irqsave(&tasklist_lock, flags);
	alive = find_thread(tgid, id) != NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* Drop the directories of processes (in /proc, tgid 0) or threads (in
 * /proc/<tgid>/task) that have gone (whoever still holds one, as an open
 * file or cwd, keeps it; its reads give ESRCH). Caller holds dcache_mutex. */
static void proc_prune(struct dentry *parent, int tgid)
{
	struct dentry *dir, *tmp;

	list_for_each_entry_safe(dir, tmp, &parent->d_subdirs, d_child) {
		if (dir->d_inode && S_ISDIR(dir->d_inode->i_mode) &&
		    !proc_id_exists(tgid, PROC_PID(dir->d_inode)))
			proc_remove_tree(dir);
	}
}

/* The number a /proc name spells (no sign, no leading 0), or 0. */
static int proc_name_to_id(const struct qstr *name)
{
	int id = 0;

	if (name->len == 0 || name->len > 9 || name->name[0] == '0')
		return 0;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return 0;
		id = id * 10 + (name->name[i] - '0');
	}
	return id;
}

/* The directory for id (a pid in /proc, a tid in /proc/<tgid>/task), made
 * on first use; NULL if there is no such process or thread. Caller holds
 * dcache_mutex. */
static struct dentry *proc_id_lookup(struct dentry *parent, int tgid, const struct qstr *name)
{
	struct dentry *child;
	int id = proc_name_to_id(name);
	char buf[12];

	if (!id)
		return NULL;
	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (child->d_inode && PROC_PID(child->d_inode) == id)
			return child;
	}
	if (!proc_id_exists(tgid, id))
		return NULL;
	memcpy(buf, name->name, name->len);
	buf[name->len] = '\0';
	return proc_instantiate(parent, id, buf, tgid != 0);
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
	self = body ? proc_add(root, "self", S_IFLNK | 0777, PROC_INO(0, PROC_SELF)) : NULL;
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
	proc_prune(dentry, 0);
	if (name->len == 4 && !memcmp(name->name, "self", 4))
		return proc_self_lookup(dentry);
	return proc_id_lookup(dentry, 0, name);
}

/* Linux: proc_task_lookup(). /proc/<pid>/task/<tid>, for a thread of pid. */
static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry,
				       const struct qstr *name)
{
	proc_prune(dentry, PROC_PID(dir));
	return proc_id_lookup(dentry, PROC_PID(dir), name);
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

/* The smallest process id (tgid 0), or thread id of process tgid, that is
 * >= from; 0 if none. */
static int next_id(int tgid, int from)
{
	struct task_struct *task, *leader;
	unsigned long flags;
	int best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!tgid) {
		list_for_each_entry(task, &init_task.tasks, tasks) {
			if (task->pid == task->tgid && task->tgid >= from &&
			    !(task->exit_state & EXIT_DEAD) && (!best || task->tgid < best))
				best = task->tgid;
		}
	} else if ((leader = find_process(tgid))) {
		for_each_thread(leader, task) {
			if (task->pid >= from && !(task->exit_state & EXIT_DEAD) &&
			    (!best || task->pid < best))
				best = task->pid;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/*
 * Linux: proc_root_readdir() -> proc_pid_readdir(), and proc_task_readdir().
 * ".", "..", "self" (in /proc only), then the processes (in /proc) or the
 * threads of process tgid (in its task directory) in id order. Position
 * 3 + id is where id's entry is, so a reader coming back later resumes
 * after the last id it saw even if processes came and went meanwhile.
 */
static int proc_ids_readdir(struct file *file, struct dir_context *ctx, int tgid)
{
	char name[12];
	int id;

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
		if (!tgid && !dir_emit(ctx, "self", 4, PROC_INO(0, PROC_SELF), DT_LNK))
			return 0;
		ctx->pos = 3;
	}
	while ((id = next_id(tgid, ctx->pos - 3)) > 0) {
		int len = snprintf(name, sizeof(name), "%d", id);

		ctx->pos = id + 3;
		if (!dir_emit(ctx, name, len, PROC_INO(id, tgid ? PROC_TID_DIR : 0), DT_DIR))
			return 0;
		ctx->pos = id + 4;
	}
	return 0;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_ids_readdir(file, ctx, 0);
}

static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_ids_readdir(file, ctx, PROC_PID(file_inode(file)));
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

static const struct file_operations proc_task_operations = {
	.read_iter = generic_read_dir,
	.iterate_shared = proc_task_readdir,
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
