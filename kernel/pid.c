/*
 * Allocating process ids. Linux: kernel/pid.c alloc_pid()/free_pid().
 * Numbers come from a bitmap, handed out in increasing order from the last
 * one given, wrapping to RESERVED_PIDS, as Linux does, so a number just
 * freed is not reused at once (a parent still naming it would be confused).
 * Locking: pid_lock (irqsave) covers the bitmap, the hash and the counts.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define PID_HASH_SIZE 256

static unsigned long pid_bitmap[PID_MAX_DEFAULT / BITS_PER_LONG];
static struct list_head pid_hash[PID_HASH_SIZE];
static pid_t last_pid;	/* the number most recently handed out */
static int pids_in_use;
static DEFINE_SPINLOCK(pid_lock);
static struct kmem_cache *pid_cachep;

static bool pid_test_and_set(pid_t nr)
{
	unsigned long bit = 1UL << (nr % BITS_PER_LONG);
	unsigned long *word = &pid_bitmap[nr / BITS_PER_LONG];
	bool was = *word & bit;

	*word |= bit;
	return was;
}

/* The next free number after last_pid, wrapping to RESERVED_PIDS; 0 if none. */
static pid_t alloc_pidmap(void)
{
	pid_t nr = last_pid;

	for (int tries = 0; tries < PID_MAX_DEFAULT; tries++) {
		if (++nr >= PID_MAX_DEFAULT)
			nr = RESERVED_PIDS;
		if (!pid_test_and_set(nr)) {
			last_pid = nr;
			return nr;
		}
	}
	return 0;
}

/*
 * Linux: alloc_pid(). A new struct pid with the next free number or, for
 * clone3's set_tid (checkpoint/restore: a process gets back the pid it had),
 * the number set_tid[0]. There is one pid namespace level, so set_tid has
 * at most one entry. Errors: -EINVAL for a number out of range or more
 * levels than exist, -EPERM without CAP_SYS_ADMIN, -EEXIST if the number is
 * taken, -EAGAIN if none is free, -ENOMEM.
 */
struct pid *alloc_pid(pid_t *set_tid, size_t set_tid_size)
{
	struct pid *pid;
	unsigned long flags;
	pid_t tid = 0;

	if (set_tid_size > 1)
		return ERR_PTR(-EINVAL);
	if (set_tid_size) {
		tid = set_tid[0];
		if (tid < 1 || tid >= PID_MAX_DEFAULT)
			return ERR_PTR(-EINVAL);
		if (!capable(CAP_SYS_ADMIN))	/* Linux: or CAP_CHECKPOINT_RESTORE */
			return ERR_PTR(-EPERM);
	}
	pid = kmem_cache_alloc(pid_cachep, GFP_KERNEL);
	if (!pid)
		return ERR_PTR(-ENOMEM);
	spin_lock_irqsave(&pid_lock, flags);
	if (tid)
		pid->nr = pid_test_and_set(tid) ? -EEXIST : tid;
	else
		pid->nr = alloc_pidmap() ?: -EAGAIN;	/* 0: every number is in use */
	if (pid->nr > 0) {
		pid->count = 1;
		pid->task = NULL;
		list_add(&pid->hash_chain, &pid_hash[pid->nr % PID_HASH_SIZE]);
		pids_in_use++;
	}
	spin_unlock_irqrestore(&pid_lock, flags);
	if (pid->nr < 0) {
		int err = pid->nr;

		kmem_cache_free(pid_cachep, pid);
		return ERR_PTR(err);
	}
	return pid;
}

struct pid *get_pid(struct pid *pid)
{
	unsigned long flags;

	spin_lock_irqsave(&pid_lock, flags);
	pid->count++;
	spin_unlock_irqrestore(&pid_lock, flags);
	return pid;
}

/* Give the number back and unhash it (pid_lock held); once only. */
static void __free_pidmap(struct pid *pid)
{
	if (list_empty(&pid->hash_chain))
		return;	/* already given back by free_pid() */
	pid_bitmap[pid->nr / BITS_PER_LONG] &= ~(1UL << (pid->nr % BITS_PER_LONG));
	list_del_init(&pid->hash_chain);
	pids_in_use--;
}

/*
 * Linux: free_pid(). The task that had this pid is reaped: its number is
 * free for a new process now, even while a pidfd still holds the struct
 * pid (which then names nothing: pid->task is NULL). Caller holds
 * tasklist_lock, so lookups never see a task without its number.
 */
void free_pid(struct pid *pid)
{
	unsigned long flags;

	spin_lock_irqsave(&pid_lock, flags);
	__free_pidmap(pid);
	spin_unlock_irqrestore(&pid_lock, flags);
}

/* Linux: put_pid(). Drop a reference; the last one frees the struct (and
 * the number, for a pid whose task never ran: a failed fork). */
void put_pid(struct pid *pid)
{
	unsigned long flags;
	bool last;

	if (!pid)
		return;
	spin_lock_irqsave(&pid_lock, flags);
	last = --pid->count == 0;
	if (last)
		__free_pidmap(pid);
	spin_unlock_irqrestore(&pid_lock, flags);
	if (last)
		kmem_cache_free(pid_cachep, pid);
}

struct task_struct *find_task_by_pid(pid_t nr)
{
	struct pid *pid;
	struct task_struct *task = NULL;
	unsigned long flags;

	if (nr <= 0 || nr >= PID_MAX_DEFAULT)
		return NULL;
	spin_lock_irqsave(&pid_lock, flags);
	list_for_each_entry(pid, &pid_hash[nr % PID_HASH_SIZE], hash_chain) {
		if (pid->nr == nr) {
			task = pid->task;
			break;
		}
	}
	spin_unlock_irqrestore(&pid_lock, flags);
	return task;
}

int nr_pids_in_use(void)
{
	return READ_ONCE(pids_in_use);
}

/* Linux: pid_idr_init(). Pid 0 is the idle task's and never handed out. */
void pid_init(void)
{
	for (int i = 0; i < PID_HASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	pid_test_and_set(0);
	pid_cachep = kmem_cache_create("pid", sizeof(struct pid), 8, SLAB_PANIC, NULL);
}

/* For tests: pretend the last number handed out was nr. */
void pid_set_last(pid_t nr)
{
	last_pid = nr;
}

/*
 * Linux: exchange_tids(). Swap the pids of two tasks (exec from a thread:
 * the exec'ing thread takes its leader's pid, the process id). Caller
 * holds tasklist_lock, which find_task_by_pid() readers hold too.
 */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	struct pid *pid = left->thread_pid;

	left->thread_pid = right->thread_pid;
	right->thread_pid = pid;
	left->pid = left->thread_pid->nr;
	right->pid = right->thread_pid->nr;
	left->thread_pid->task = left;
	right->thread_pid->task = right;
}
