/*
 * struct task_struct: one schedulable thing, a process or a thread (to the
 * kernel they are the same object; what they share is decided by clone
 * flags). Linux: include/linux/sched.h, heavily trimmed; the names are
 * Linux's, so a student can look each field up there.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>
#include <linux/restart_block.h>
#include <linux/signal.h>
#include <asm/processor.h>
#include <asm/smp.h>

/* Task states (task->__state). Linux: include/linux/sched.h. */
#define TASK_RUNNING 0x0000	/* on a runqueue, or running */
#define TASK_INTERRUPTIBLE 0x0001	/* asleep; a signal wakes it too */
#define TASK_UNINTERRUPTIBLE 0x0002	/* asleep; only its event wakes it */
#define __TASK_STOPPED 0x0004	/* stopped by SIGSTOP & co. until SIGCONT (or SIGKILL) */
#define TASK_DEAD 0x0080	/* has run do_exit() for the last time */
#define TASK_NEW 0x0800	/* being created by copy_process; not yet runnable */
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_WAKEKILL 0x0100	/* a fatal signal wakes it (SIGKILL, group exit) */
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)

/* task->exit_state, once the task has exited. */
#define EXIT_ZOMBIE 0x0010	/* dead, waiting for its parent's wait() */
#define EXIT_DEAD 0x0020	/* reaped; about to be freed */

/* task->flags. */
#define PF_IDLE 0x00000002	/* the per-CPU idle task */
#define PF_EXITING 0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC 0x00000040	/* forked but has not exec'd */
#define PF_KTHREAD 0x00200000	/* a kernel thread: no user space */

#define TASK_COMM_LEN 16
#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)	/* 16 KiB kernel stack */
#define STACK_END_MAGIC 0x57AC6E9DUL	/* at the lowest word of every kernel stack */

typedef int pid_t;
struct mm_struct;
struct files_struct;
struct fs_struct;
struct pid;
struct completion;
struct signal_struct;
struct cred;
struct robust_list_head;

struct task_struct {
	unsigned int __state;	/* TASK_* above; changed with set_current_state() */
	unsigned int flags;	/* PF_* */
	void *stack;	/* the kernel stack: THREAD_SIZE bytes, magic at the bottom */
	int usage;	/* references; freed when it drops to zero */

	/* Scheduling (kernel/sched/core.c). */
	int on_cpu;	/* running right now on some CPU */
	int on_rq;	/* runnable: queued on a runqueue, or running */
	int cpu;	/* the CPU whose runqueue it is on */
	unsigned int time_slice;	/* timer ticks left before it must yield */
	bool need_resched;	/* switch away at the next chance (TIF_NEED_RESCHED) */
	struct list_head run_list;	/* on rq->queue while waiting to run */
	spinlock_t pi_lock;	/* wake-ups and affinity changes (kernel/sched/core.c) */
	cpumask_t cpus_mask;	/* the CPUs it may run on (sched_setaffinity) */
	u64 nr_switches;
	u64 sum_exec_runtime;	/* CPU time used, in ns, up to exec_start */
	u64 exec_start;	/* local_clock() when it last got the CPU */

	/* Memory: mm is the task's own address space (NULL for kernel threads);
	 * active_mm is the one loaded while it runs (borrowed by kernel threads). */
	struct mm_struct *mm, *active_mm;

	/* Exit (kernel/exit.c). */
	int exit_state;	/* EXIT_ZOMBIE / EXIT_DEAD */
	int exit_code;	/* the wait status the parent will see */
	int exit_signal;	/* sent to the parent at exit (SIGCHLD for fork) */

	/* Identity and family (kernel/pid.c, kernel/fork.c). */
	pid_t pid;	/* this task's id (the thread id) */
	pid_t tgid;	/* the thread group's id: what getpid() returns */
	struct pid *thread_pid;
	struct task_struct *real_parent;	/* who created it (or the reaper, after reparenting) */
	struct task_struct *parent;	/* who gets SIGCHLD and wait()s for it */
	struct list_head children;	/* its children, linked by their sibling */
	struct list_head sibling;	/* in its parent's children list */
	struct task_struct *group_leader;	/* the first thread of its thread group */
	struct list_head thread_node;	/* in signal->thread_head (tasklist_lock) */
	struct list_head tasks;	/* every task, on init_task.tasks (tasklist_lock) */

	/* Credentials (kernel/cred.c): the ids the task has (real_cred: as
	 * others see it) and acts with (cred). Shared copy-on-write; always
	 * the same cred here (Linux's override_creds() can make them differ). */
	const struct cred *real_cred;
	const struct cred *cred;

	char comm[TASK_COMM_LEN];	/* the program's name, for ps and traces */

	/* CLONE_CHILD_SETTID / set_tid_address: user addresses for the tid. */
	int __user *set_child_tid;
	int __user *clear_child_tid;	/* zeroed (and futex-woken) at exit */
	struct completion *vfork_done;	/* a vfork parent waits on this */
	/* set_robust_list: the robust mutexes it holds, released if it dies
	 * holding them (kernel/futex/). */
	struct robust_list_head __user *robust_list;

	int fail_nth;	/* fault injection: fail this task's Nth allocation (linux/fault-inject.h) */

	/* Open files and filesystem context (fs/): shared or copied per clone flags. */
	struct files_struct *files;	/* the file descriptor table */
	struct fs_struct *fs;	/* cwd, root, umask */

	/* Signals (kernel/signal.c). */
	struct signal_struct *signal;	/* per process: shared by its threads */
	struct sighand_struct *sighand;	/* the handlers (shared with CLONE_SIGHAND) */
	sigset_t blocked;	/* signals held back by sigprocmask */
	sigset_t real_blocked;	/* blocked before rt_sigtimedwait unblocked what it waits for */
	sigset_t saved_sigmask;	/* put back after sigsuspend/pause's signal is handled */
	bool restore_sigmask;	/* saved_sigmask holds a mask to put back (TIF_RESTORE_SIGMASK) */
	struct sigpending pending;	/* signals sent to this thread, not yet delivered */
	unsigned long jobctl;	/* JOBCTL_* (linux/sched/jobctl.h): group stop in progress; siglock */
	unsigned long sas_ss_sp;	/* sigaltstack: the alternate stack, its size, SS_AUTODISARM */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	int pdeath_signal;	/* prctl(PR_SET_PDEATHSIG): sent when the parent thread exits */
	struct restart_block restart_block;	/* how restart_syscall goes on (linux/restart_block.h) */

#ifdef CONFIG_LOCKDEP
	/* Lock debugging (kernel/locking/lockdep.c): the locks it holds, in
	 * the order taken. */
	int lockdep_depth;
	int lockdep_recursion;	/* > 0: inside lockdep, whose own locking is not checked */
	struct held_lock held_locks[MAX_LOCK_DEPTH];
#endif

	struct thread_struct thread;	/* CPU state that is not in pt_regs: arch */
};

extern struct task_struct init_task;

/* The task running on this CPU. */
static inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}
#define current get_current()

/* With a full barrier, as Linux's smp_store_mb(): the caller's next load
 * (of the condition it sleeps on) must not pass this store, or a waker on
 * another CPU could set the condition and see the task still running. */
#define set_current_state(state) \
	((void)__atomic_exchange_n(&current->__state, (state), __ATOMIC_SEQ_CST))
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))

static inline unsigned long *end_of_stack(struct task_struct *p)
{
	return (unsigned long *)p->stack;
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void preempt_schedule_irq(void);
void scheduler_tick(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void kick_process(struct task_struct *p);	/* IPI the CPU running p, if another */
void wake_up_new_task(struct task_struct *p);
int sched_fork(unsigned long clone_flags, struct task_struct *p);
void schedule_tail(struct task_struct *prev);
void yield(void);
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);
void sched_getaffinity_mask(struct task_struct *p, struct cpumask *mask);
bool sched_idle_balance(void);	/* the idle loop: pull work from a busy CPU */
bool sched_exiting_tasks(void);	/* some task has not finished exiting */
long schedule_timeout(long ticks);
u64 task_sched_runtime(struct task_struct *p);	/* CPU time used, ns */
void set_task_comm(struct task_struct *p, const char *name);

/* kernel/fork.c */
struct kernel_clone_args;
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags);
void __put_task_struct(struct task_struct *p);
static inline void get_task_struct(struct task_struct *p)
{
	__atomic_add_fetch(&p->usage, 1, __ATOMIC_RELAXED);
}
static inline void put_task_struct(struct task_struct *p)
{
	if (__atomic_sub_fetch(&p->usage, 1, __ATOMIC_ACQ_REL) == 0)
		__put_task_struct(p);
}
void fork_init(void);

/* kernel/exit.c */
void __noreturn do_exit(long code);
pid_t kernel_wait(pid_t pid, int *stat);
void mm_release(struct task_struct *tsk);	/* leaving an mm: wake a vfork parent */

#endif
