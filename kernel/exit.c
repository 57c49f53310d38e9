/*
 * How tasks end, and how parents learn of it. Linux: kernel/exit.c.
 *
 * do_exit() gives back what the task holds (address space, files, cwd),
 * hands its children to a new parent, and becomes a zombie: a task_struct
 * kept only so its parent can read the exit status with wait4()/waitid().
 * The parent's wait (or, if the parent ignores SIGCHLD, the exit itself)
 * reaps the zombie: release_task() unlinks it and frees what is left.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/fcntl.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <asm/power.h>

void __cleanup_sighand(struct sighand_struct *sighand);
void put_signal_struct(struct signal_struct *sig);

/*
 * Linux: release_task() -> __exit_signal(). Unlink a dead task from the
 * task list, its thread group and its parent, and drop the parent's
 * reference. The task's own reference goes after its final switch away
 * (finish_task_switch). If p was the last thread of a group whose leader
 * is already a zombie, the leader's death is now the process's: its
 * parent is told, and the leader is released too if nobody will wait.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	unsigned long flags;
	bool zap_leader = false;

repeat:
	atomic_dec(&p->real_cred->user->processes);	/* cred: one process fewer (RLIMIT_NPROC) */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->sibling);
	list_del_init(&p->thread_node);
	p->signal->nr_threads--;
	if (thread_group_leader(p))
		list_del_init(&p->tasks);
	p->thread_pid->task = NULL;
	free_pid(p->thread_pid);
	nr_threads--;
	flush_sigqueue(&p->pending);	/* signal: what was sent to it and never taken */
	/* One fewer thread for an exec in another thread to wait for (de_thread). */
	if (!thread_group_leader(p) && p->signal->notify_count > 0 && !--p->signal->notify_count)
		wake_up_process(p->signal->group_exec_task);
	leader = p->group_leader;
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		zap_leader = do_notify_parent(leader, leader->exit_signal);
		if (zap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_signal_struct(p->signal);
	__cleanup_sighand(p->sighand);
	/* SMP: a zombie reaped from another CPU may still be on its way to
	 * its last switch (after exit_notify()). Let it get there, so that
	 * ours is the last reference and its pid, stack and task_struct are
	 * free when wait() returns. (Linux frees the pid here and the rest
	 * later, by RCU.) do_wait() calls us between prepare_to_wait() and
	 * finish_wait(): runnable again first, or yield() would sleep. */
	if (p != current && READ_ONCE(p->usage) > 1) {
		__set_current_state(TASK_RUNNING);
		while (READ_ONCE(p->usage) > 1) {
			if (READ_ONCE(p->on_cpu))
				cpu_relax();	/* running elsewhere: nearly done */
			else
				yield();	/* waiting for a CPU: maybe ours */
		}
	}
	put_task_struct(p);
	if (zap_leader) {
		p = leader;
		zap_leader = false;
		goto repeat;
	}
}

/*
 * Linux: find_new_reaper(). Who adopts the children of a dying process:
 * the nearest ancestor that asked to be a subreaper (prctl
 * PR_SET_CHILD_SUBREAPER) and is not itself exiting, else init.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t;

	/* Linux: find_alive_thread(). A live thread of the same process
	 * comes first: the children are the process's, not the thread's. */
	for_each_thread(father, t)
		if (!(t->flags & PF_EXITING))
			return t;
	for (t = father->real_parent; t->pid > 1; t = t->real_parent)
		if (t->signal->is_child_subreaper && !(t->flags & PF_EXITING))
			return t;
	return find_task_by_pid(1);
}

/*
 * Linux: forget_original_parent() -> reparent_leader(). Children that the
 * new parent will not wait for go on `dead`, to be released once the
 * caller drops tasklist_lock (which it holds here).
 */
static void forget_original_parent(struct task_struct *father, struct list_head *dead)
{
	struct task_struct *reaper, *p, *n;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	trace_exit("  forget_original_parent: children go to %s[%d]\n", reaper->comm, reaper->pid);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		struct task_struct *t;

		for_each_thread(p, t)	/* signal: prctl(PR_SET_PDEATHSIG), for the parent thread's exit */
			if (t->pdeath_signal)
				group_send_sig_info(t->pdeath_signal, SEND_SIG_NOINFO, t);
		p->real_parent = p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		/* The new parent did not ask for another exit signal, and would
		 * not see the child with a plain wait. Linux: reparent_leader(). */
		if (p->exit_signal >= 0)
			p->exit_signal = SIGCHLD;
		/* A zombie the old parent never reaped: the new one must know. */
		if (p->exit_state == EXIT_ZOMBIE && p->exit_signal >= 0 &&
		    do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			list_move_tail(&p->sibling, dead);
		}
	}
}

/*
 * Linux: exit_notify(). Hand the children over, then become a zombie for
 * the parent to reap, or be reaped now if the parent will not wait.
 */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *p, *n;
	LIST_HEAD(dead);
	bool autoreap;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk, &dead);
	tsk->exit_state = EXIT_ZOMBIE;
	if (!thread_group_leader(tsk) || (tsk->flags & PF_KTHREAD && tsk->exit_signal == 0))
		autoreap = true;	/* threads and plain kernel threads: nobody waits */
	else if (!thread_group_empty(tsk))
		autoreap = false;	/* delay_group_leader(): the last thread tells the parent */
	else
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	if (autoreap)
		tsk->exit_state = EXIT_DEAD;
	/* The leader is dead: an exec in another thread may take its place. */
	if (tsk->signal->notify_count < 0)
		wake_up_process(tsk->signal->group_exec_task);
	trace_exit("  exit_notify: %s\n", autoreap ? "nobody will wait: released now" :
		   delay_group_leader(tsk) ? "zombie leader: waits for its other threads to exit" :
		   "zombie until the parent waits; parent notified");
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &dead, sibling)
		release_task(p);
	if (autoreap)
		release_task(tsk);
}

/*
 * Linux: mm_release(). The address space is being left (exit or exec):
 * robust futexes still held are released, a vfork parent may go on, and
 * the CLONE_CHILD_CLEARTID word is cleared and woken (FUTEX_WAKE, 1),
 * which is how a thread library learns that the thread is gone
 * (pthread_join; musl's thread-list lock). Only if someone else still uses
 * the address space: otherwise nobody could be waiting on the word.
 */
void mm_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
	if (tsk->clear_child_tid) {
		u32 __user *uaddr = (u32 __user *)tsk->clear_child_tid;

		if (atomic_read(&tsk->mm->mm_users) > 1) {
			put_user(0, uaddr);
			do_futex(uaddr, FUTEX_WAKE, 1, NULL, NULL, 0, 0);
		}
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {	/* Linux: complete_vfork_done() */
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
}

/*
 * Init (pid 1) has exited. Linux panics ("Attempted to kill init!"); this
 * kernel reports how init ended and powers off, so a test run's result is
 * init's status (see arch/x86_64/power.c for the exit-code mapping).
 */
static void __noreturn init_exited(long code)
{
	int sig = code & 0x7f, status = (code >> 8) & 0xff;

	if (sig) {
		pr_notice("init (pid 1) was killed by signal %d\n", sig);
		machine_power_off(EXIT_CODE_SIGNALED + (sig < 63 ? sig : 63));
	}
	pr_notice("init (pid 1) exited with status %d; powering off\n", status);
	machine_power_off(status < 63 ? status : 63);
}

/*
 * Linux: do_task_dead(). Switch away for the last time. finish_task_switch()
 * on the next task sees TASK_DEAD and drops our last reference.
 */
static void __noreturn do_task_dead(void)
{
	preempt_disable();	/* no preemption between setting the state and schedule() */
	set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	BUG();
}

/*
 * Linux: synchronize_group_exit(). The last thread out of a process that
 * nobody ended with exit_group() (each thread called SYS_exit) makes its
 * own code the group's: the parent's wait sees the status of the last
 * thread to exit, not the leader's (Linux does so since 6.0).
 */
static void synchronize_group_exit(struct task_struct *tsk, long code)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!signal_group_exit(sig)) {
		sig->flags |= SIGNAL_GROUP_EXIT;
		sig->group_exit_code = (int)code;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Linux: do_exit(). End the current task. `code` is the wait status its
 * parent will see: (status & 0xff) << 8 for exit(status), or the signal
 * number for a death by signal (WIFSIGNALED).
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	tsk->flags |= PF_EXITING;
	/* The last thread out ends the process (Linux: group_dead). */
	group_dead = atomic_dec_and_test(&tsk->signal->live);
	if (group_dead)
		synchronize_group_exit(tsk, code);
	if (group_dead && tsk->tgid == 1)
		init_exited(tsk->signal->group_exit_code);
	if (group_dead)
		exit_itimers(tsk->signal);	/* signal: no SIGALRM for a dead process */
	tsk->exit_code = (int)code;
	trace_exit("%s[%d] do_exit(%#lx): exit_mm, exit_files, exit_fs\n", tsk->comm, tsk->pid, code);
	if (tsk->mm)
		mm_release(tsk);
	exit_mm();
	exit_files(tsk);
	exit_fs(tsk);
	exit_notify(tsk);
	do_task_dead();
}

/* Linux: sys_exit(). End this thread (only) with exit status error_code & 0xff. */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * Linux: do_group_exit(). End every thread of the process, with one wait
 * status for all: the first to start the group exit sets it. The other
 * threads get SIGKILL; each one, on its way back to user mode, comes here
 * and exits with the group's code.
 */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (signal_group_exit(sig)) {
		exit_code = sig->group_exit_code;
	} else if (sig->group_exec_task) {
		exit_code = 0;	/* killed by an exec in another thread (de_thread) */
	} else if (!thread_group_empty(current)) {
		sig->group_exit_code = exit_code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(exit_code);
}

/* Linux: sys_exit_group(). End every thread of the process. */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* wait options (uapi linux/wait.h). */
#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000	/* leave the child waitable */
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000	/* any child, whatever its exit signal */
#define __WCLONE 0x80000000	/* only children whose exit signal is not SIGCHLD */

#define P_ALL 0
#define P_PID 1
#define P_PGID 2
#define P_PIDFD 3

/* What a wait is for. Linux: struct wait_opts. */
struct wait_opts {
	enum pid_type wo_type;	/* PIDTYPE_MAX: any child */
	pid_t wo_pid;
	int wo_flags;
	int wo_stat;	/* the status, for wait4 */
	kernel_siginfo_t *wo_info;	/* the siginfo, for waitid */
};

/* Linux: eligible_pid() + eligible_child(). Does this child match the wait? */
static bool eligible_child(struct wait_opts *wo, struct task_struct *p)
{
	if (wo->wo_type == PIDTYPE_PID && p->pid != wo->wo_pid)
		return false;
	if (wo->wo_type == PIDTYPE_PGID && p->signal->pgrp != wo->wo_pid)
		return false;
	/* A child that signals its parent with something other than SIGCHLD
	 * is a "clone" child: only __WCLONE or __WALL waits see it. */
	if ((p->exit_signal != SIGCHLD) ^ !!(wo->wo_flags & __WCLONE) && !(wo->wo_flags & __WALL))
		return false;
	return p->exit_signal >= 0;	/* threads are reaped with their group */
}

/* The siginfo waitid() reports for child p (wait4 has only the status). */
static void wait_fill_info(struct wait_opts *wo, struct task_struct *p, int code, int status)
{
	if (!wo->wo_info)
		return;
	wo->wo_info->si_signo = SIGCHLD;
	wo->wo_info->si_code = code;
	wo->wo_info->si_status = status;
	wo->wo_info->si_pid = p->pid;
	wo->wo_info->si_uid = task_uid(p);	/* cred */
}

/*
 * Linux: wait_task_zombie(). Report a zombie child's status and, unless
 * WNOWAIT, reap it. Returns the child's pid. Caller holds tasklist_lock;
 * it is dropped (and the flags restored) before the child is released.
 */
static pid_t wait_task_zombie(struct wait_opts *wo, struct task_struct *p, unsigned long flags)
{
	pid_t pid = p->pid;
	/* After exit_group() or a fatal signal, every thread has the group's status. */
	int status = signal_group_exit(p->signal) ? p->signal->group_exit_code : p->exit_code;

	if (!(wo->wo_flags & WNOWAIT))
		p->exit_state = EXIT_DEAD;	/* no other wait can take it now */
	spin_unlock_irqrestore(&tasklist_lock, flags);

	wo->wo_stat = status;
	trace_exit("%s[%d] reaps pid %d (status %#x)%s\n", current->comm, current->pid, pid, status,
		   wo->wo_flags & WNOWAIT ? ", left waitable (WNOWAIT)" : "");
	if (status & 0x7f)
		wait_fill_info(wo, p, CLD_KILLED, status & 0x7f);
	else
		wait_fill_info(wo, p, CLD_EXITED, (status >> 8) & 0xff);
	if (!(wo->wo_flags & WNOWAIT))
		release_task(p);
	return pid;
}

/*
 * Linux: wait_task_stopped(). For WUNTRACED/WSTOPPED: a child whose
 * process is stopped (SIGNAL_STOP_STOPPED) and not yet reported. The
 * report is the status (sig << 8) | 0x7f, or CLD_STOPPED for waitid;
 * each stop is reported once (group_exit_code is cleared) unless
 * WNOWAIT. Returns the pid, with tasklist_lock dropped; 0 (still held)
 * if there is nothing to report.
 */
static pid_t wait_task_stopped(struct wait_opts *wo, struct task_struct *p, unsigned long flags)
{
	int exit_code = 0;

	if (!(wo->wo_flags & WUNTRACED))
		return 0;
	spin_lock(&p->sighand->siglock);
	if (p->signal->flags & SIGNAL_STOP_STOPPED) {
		exit_code = p->signal->group_exit_code;
		if (exit_code && !(wo->wo_flags & WNOWAIT))
			p->signal->group_exit_code = 0;
	}
	spin_unlock(&p->sighand->siglock);
	if (!exit_code)
		return 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wo->wo_stat = (exit_code << 8) | 0x7f;
	wait_fill_info(wo, p, CLD_STOPPED, exit_code);
	return p->pid;
}

/*
 * Linux: wait_task_continued(). For WCONTINUED: a child continued by
 * SIGCONT since it was last reported; status 0xffff, or CLD_CONTINUED.
 * Returns and locks as wait_task_stopped().
 */
static pid_t wait_task_continued(struct wait_opts *wo, struct task_struct *p, unsigned long flags)
{
	bool continued;

	if (!(wo->wo_flags & WCONTINUED))
		return 0;
	spin_lock(&p->sighand->siglock);
	continued = p->signal->flags & SIGNAL_STOP_CONTINUED;
	if (continued && !(wo->wo_flags & WNOWAIT))
		p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
	spin_unlock(&p->sighand->siglock);
	if (!continued)
		return 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wo->wo_stat = 0xffff;
	wait_fill_info(wo, p, CLD_CONTINUED, SIGCONT);
	return p->pid;
}

/*
 * Linux: do_wait(). Look through our children for one that matches and has
 * something to report; sleep until one does (unless WNOHANG). Returns the
 * child's pid, 0 for WNOHANG with nothing to report, -ECHILD when no child
 * matches at all, -ERESTARTSYS (seen as EINTR) if a signal came first.
 */
static long do_wait(struct wait_opts *wo)
{
	struct wait_queue_entry wait = { 0 };
	unsigned long flags;
	long retval;

	for (;;) {
		struct task_struct *p, *t;
		bool any = false;

		prepare_to_wait(&current->signal->wait_chldexit, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tasklist_lock, flags);
		/* The children of every thread of the process are its children
		 * (Linux: do_wait_thread() per thread, unless __WNOTHREAD). */
		for_each_thread(current, t) {
			if ((wo->wo_flags & __WNOTHREAD) && t != current)
				continue;
			list_for_each_entry(p, &t->children, sibling) {
				/* Being released (autoreaped, or reaped by another
				 * waiter): no longer a child to wait for, though
				 * still on the list. Counting it would let us sleep
				 * with no wake-up to come. Linux: wait_consider_task(). */
				if (p->exit_state == EXIT_DEAD)
					continue;
				if (!eligible_child(wo, p))
					continue;
				any = true;
				if (p->exit_state == EXIT_ZOMBIE && !delay_group_leader(p)) {
					if (!(wo->wo_flags & WEXITED))
						continue;
					retval = wait_task_zombie(wo, p, flags);	/* unlocks */
					goto out;
				}
				/* signal: stopped or continued (these unlock if they report) */
				retval = wait_task_stopped(wo, p, flags);
				if (!retval)
					retval = wait_task_continued(wo, p, flags);
				if (retval)
					goto out;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		retval = -ECHILD;
		if (!any)
			break;
		retval = 0;
		if (wo->wo_flags & WNOHANG)
			break;
		retval = -ERESTARTSYS;	/* EINTR, or restarted with SA_RESTART */
		if (signal_pending(current))
			break;
		schedule();
	}
out:
	finish_wait(&current->signal->wait_chldexit, &wait);
	return retval;
}

/* Linux: kernel_wait4(). pid > 0: that child; 0: our process group; -1: any; < -1: group -pid. */
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options, void __user *, ru)
{
	struct wait_opts wo = { .wo_flags = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == -1) {
		wo.wo_type = PIDTYPE_MAX;
	} else if (upid < 0) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = -upid;
	} else if (upid == 0) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = current->signal->pgrp;
	} else {
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = upid;
	}
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.wo_stat, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && clear_user(ru, 144))	/* struct rusage: no accounting yet */
		return -EFAULT;
	return ret;
}

/* Linux: kernel_waitid(). Reports through a siginfo_t; returns 0. */
SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, void __user *, infop, int, options,
		void __user *, ru)
{
	kernel_siginfo_t info = { 0 };
	struct wait_opts wo = { .wo_flags = options, .wo_info = &info };
	struct pid *pid = NULL;
	unsigned int f_flags = 0;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		wo.wo_type = PIDTYPE_MAX;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = upid ? upid : current->signal->pgrp;
		break;
	case P_PIDFD:	/* the process a pidfd names (kernel/pidfd.c) */
		if (upid < 0)
			return -EINVAL;
		pid = pidfd_get_pid((unsigned int)upid, &f_flags);
		if (IS_ERR(pid))
			return PTR_ERR(pid);
		/* The reference keeps the number from being reused while we wait. */
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = pid->nr;
		if (f_flags & O_NONBLOCK)
			wo.wo_flags |= WNOHANG;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(&wo);
	put_pid(pid);
	/* A non-blocking pidfd: nothing to report yet is EAGAIN, not 0. */
	if (!ret && !(options & WNOHANG) && (f_flags & O_NONBLOCK))
		ret = -EAGAIN;
	if (ret < 0)
		return ret;
	/* With WNOHANG and nothing to report, Linux zeroes the siginfo. */
	if (infop && copy_siginfo_to_user(infop, &info))
		return -EFAULT;
	if (ru && clear_user(ru, 144))
		return -EFAULT;
	return 0;
}

/* Linux: kernel_wait(). Wait for child pid to exit and reap it; its wait
 * status in *stat. For the kernel's own tests. Returns pid or -errno. */
pid_t kernel_wait(pid_t pid, int *stat)
{
	struct wait_opts wo = { .wo_type = PIDTYPE_PID, .wo_pid = pid, .wo_flags = WEXITED | __WALL };
	long ret = do_wait(&wo);

	if (ret > 0 && stat)
		*stat = wo.wo_stat;
	return (pid_t)ret;
}
