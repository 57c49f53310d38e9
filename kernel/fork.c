/*
 * Creating tasks: every fork, vfork, clone and kernel thread comes through
 * kernel_clone() -> copy_process() -> wake_up_new_task(), in Linux's order.
 * Linux: kernel/fork.c.
 *
 * copy_process() reads as a list of steps: one copy_* helper per resource,
 * each deciding by its clone flag whether the child shares the parent's
 * (a reference more) or gets its own copy. If a step fails, the labels at
 * the bottom undo the steps before it, in reverse order. Left out, as
 * against Linux: namespaces and cgroups (the flags asking for them get the
 * errno of a Linux built without them), audit, ptrace, seccomp, io
 * contexts, perf.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/clone.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <asm/processor.h>

DEFINE_SPINLOCK(tasklist_lock);

int nr_threads;	/* tasks alive, idle tasks excluded (tasklist_lock) */
int max_threads;	/* cred: the most tasks fork will make (Linux: sysctl threads-max) */

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *sighand_cachep;
static struct kmem_cache *signal_cachep;

/* Linux: alloc_thread_stack_node(). THREAD_SIZE bytes, contiguous. */
static void *alloc_thread_stack(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	return page ? page_address(page) : NULL;
}

static void free_thread_stack(void *stack)
{
	__free_pages(virt_to_page(stack), THREAD_SIZE_ORDER);
}

/*
 * Linux: dup_task_struct(). A new task_struct and kernel stack, starting as
 * a copy of orig. The lowest word of the stack gets STACK_END_MAGIC: if a
 * deep call chain overwrites it, the scheduler notices at the next switch.
 */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);

	if (!tsk)
		return NULL;
	void *stack = alloc_thread_stack();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = stack;
	tsk->fail_nth = 0;	/* the parent's pending injected failure is not the child's */
	lockdep_init_task(tsk);	/* nor are the locks it holds (Linux: in copy_process()) */
	*end_of_stack(tsk) = STACK_END_MAGIC;
	/* One reference for the task being alive (dropped after its last
	 * switch away), one for its parent until it is reaped. */
	tsk->usage = 2;
	return tsk;
}

static void free_task(struct task_struct *p)
{
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
}

/* The last reference is gone: give back the stack, pid and task_struct. */
void __put_task_struct(struct task_struct *p)
{
	BUG_ON(p == current);
	exit_creds(p);	/* cred */
	put_pid(p->thread_pid);
	free_task(p);
}

/*
 * Linux: fork_idle(). The idle task of a CPU being started: a copy of
 * init_task (pid 0, no mm, init's files and credentials, which live
 * forever) with a stack of its own. It is in no list and never exits.
 */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *idle = dup_task_struct(&init_task);

	if (!idle)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	idle->real_parent = idle->parent = idle->group_leader = idle;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	return idle;
}

/* Linux: copy_files(). CLONE_FILES shares the descriptor table. */
static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files;
	int error = 0;

	if (!oldf)	/* a kernel thread */
		return 0;
	if (clone_flags & CLONE_FILES) {
		get_files_struct(oldf);
		return 0;
	}
	tsk->files = dup_fd(oldf, &error);
	return tsk->files ? 0 : error;
}

/* Linux: copy_fs(). CLONE_FS shares cwd, root and umask. */
static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		get_fs_struct(fs);
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/*
 * Linux: copy_sighand(). CLONE_SIGHAND shares the table of handlers; else
 * the child gets a copy. clone3's CLONE_CLEAR_SIGHAND resets the copy's
 * handlers to SIG_DFL, so a child that will not exec does not run code it
 * did not install; ignored signals stay ignored, as across execve.
 */
static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;
	unsigned long flags;

	if (clone_flags & CLONE_SIGHAND) {
		spin_lock_irqsave(&current->sighand->siglock, flags);
		current->sighand->count++;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	tsk->sighand = sig;
	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	spin_lock_init(&sig->siglock);
	spin_lock_irqsave(&current->sighand->siglock, flags);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	if (clone_flags & CLONE_CLEAR_SIGHAND) {
		/* Linux: flush_signal_handlers(tsk, 0). Nobody else sees sig yet. */
		for (int i = 0; i < _NSIG; i++) {
			struct sigaction *sa = &sig->action[i].sa;

			if (sa->sa_handler != SIG_IGN)
				sa->sa_handler = SIG_DFL;
			sa->sa_flags = 0;
			sa->sa_restorer = NULL;
			sa->sa_mask.sig[0] = 0;
		}
	}
	return 0;
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&sighand->siglock, flags);
	last = --sighand->count == 0;
	spin_unlock_irqrestore(&sighand->siglock, flags);
	if (last)
		kmem_cache_free(sighand_cachep, sighand);
}

/*
 * Linux: copy_signal(). The per-process part: a thread (CLONE_THREAD)
 * shares it; a new process gets its own, in its parent's process group
 * and session (POSIX: a child inherits them).
 */
static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;	/* joins current's group at the end of copy_process() */
	sig = kmem_cache_alloc(signal_cachep, GFP_KERNEL);
	tsk->signal = sig;
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	list_add(&tsk->thread_node, &sig->thread_head);
	sig->flags = 0;
	sig->group_exit_code = 0;
	init_sigpending(&sig->shared_pending);	/* signal: */
	sig->group_stop_count = 0;
	timer_setup(&sig->real_timer, it_real_fn);	/* alarm/setitimer: not inherited */
	sig->it_real_incr = 0;
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	init_waitqueue_head(&sig->wait_chldexit);
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->is_child_subreaper = false;
	copy_rlimits(sig);	/* cred */
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);	/* signal: sent to the process, never taken */
		kmem_cache_free(signal_cachep, sig);
	}
}

/*
 * Linux: copy_mm(). CLONE_VM (threads, vfork) shares the address space;
 * fork duplicates it with copy-on-write (dup_mm -> dup_mmap ->
 * copy_page_range, in mm/). Kernel threads have none.
 */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	/* A kernel thread never gets a user address space, even from a parent
	 * that is borrowing one (kthread_use_mm). */
	if (!oldmm || (tsk->flags & PF_KTHREAD))
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		tsk->mm = tsk->active_mm = oldmm;
		return 0;
	}
	tsk->mm = dup_mm(tsk, oldmm);
	if (!tsk->mm)
		return -ENOMEM;
	tsk->active_mm = tsk->mm;
	return 0;
}

/*
 * Linux: copy_namespaces() (kernel/nsproxy.c), and copy_creds() for
 * CLONE_NEWUSER. There are no namespaces here: every task shares the one
 * set. Asking for a new one gets what Linux answers when built without
 * that kind (CONFIG_UTS_NS=n and so on): EINVAL from create_user_ns() for
 * CLONE_NEWUSER; for the others EPERM without CAP_SYS_ADMIN, then EINVAL
 * (create_new_namespaces(); the same for CLONE_NEWIPC with CLONE_SYSVSEM).
 * Mount namespaces cannot be configured out of Linux; here CLONE_NEWNS
 * gets EINVAL too.
 */
static int copy_namespaces(u64 clone_flags)
{
	if (clone_flags & CLONE_NEWUSER)
		return -EINVAL;
	if (!(clone_flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID |
			     CLONE_NEWNET | CLONE_NEWCGROUP)))
		return 0;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	return -EINVAL;
}

/*
 * Linux: cgroup_can_fork() -> cgroup_css_set_fork(). clone3's
 * CLONE_INTO_CGROUP starts the child in the cgroup whose cgroup2 directory
 * args->cgroup is an fd of. There are no cgroups here, so no fd is one,
 * and Linux answers EBADF for an fd that is not a cgroup2 directory.
 */
static int cgroup_can_fork(const struct kernel_clone_args *args)
{
	return (args->flags & CLONE_INTO_CGROUP) ? -EBADF : 0;
}

/*
 * Linux: copy_process(). Create a new task as a copy of current, sharing or
 * copying each resource as args->flags say; it is not yet runnable. Returns
 * the task, or an ERR_PTR: on failure everything already set up is undone,
 * in reverse order, by the bad_fork_* ladder.
 */
struct task_struct *copy_process(struct kernel_clone_args *args)
{
	const u64 clone_flags = args->flags;
	struct file *pidfile = NULL;
	struct task_struct *p;
	struct pid *pid;
	unsigned long flags;
	int pidfd = -1, retval;

	/* A new mount or user namespace cannot share the old root and cwd. */
	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return ERR_PTR(-EINVAL);
	/* Thread groups must share signals as well, and detached threads
	 * can only be started up within the thread group. */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	/* Shared signal handlers imply shared VM. */
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/* Siblings of init would be zombies nobody reaps (init's parent is
	 * the idle task). Linux: init's SIGNAL_UNKILLABLE. */
	if ((clone_flags & CLONE_PARENT) && current->tgid == 1)
		return ERR_PTR(-EINVAL);
	/* A thread cannot be in another pid or user namespace than its group. */
	if ((clone_flags & CLONE_THREAD) && (clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return ERR_PTR(-EINVAL);
	/* CLONE_DETACHED is kept unused so it can mean something later; a
	 * thread's pidfd waits until someone needs it (it came in Linux 6.9). */
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & (CLONE_DETACHED | CLONE_THREAD)))
		return ERR_PTR(-EINVAL);

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;
	trace_fork("  dup_task_struct: new task_struct and 16 KiB kernel stack for %s\n",
		   current->comm);
	p->flags &= ~(PF_KTHREAD | PF_IDLE | PF_EXITING);
	p->flags |= PF_FORKNOEXEC;
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->name)
		set_task_comm(p, args->name);
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;
	p->vfork_done = NULL;
	p->robust_list = NULL;	/* a new thread registers its own */
	p->exit_state = 0;
	p->exit_code = 0;
	/* signal: what is pending for the parent is not the child's; no
	 * group stop to join, no parent-death signal (PR_SET_PDEATHSIG),
	 * and a thread sharing the stack-holding VM cannot share sigaltstack. */
	init_sigpending(&p->pending);
	p->jobctl = 0;
	p->restore_sigmask = false;
	p->pdeath_signal = 0;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		p->sas_ss_sp = p->sas_ss_size = p->sas_ss_flags = 0;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);

	/* cred: begin */
	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;
	trace_fork("  copy_creds: share the parent's credentials (uid %u); the user has %d tasks\n",
		   p->real_cred->uid, atomic_read(&p->real_cred->user->processes));
	/* RLIMIT_NPROC, counting the child: its user may already have as many
	 * processes as the limit allows, not more. Root is exempt, so that it
	 * can always fix a user's runaway fork loop. */
	retval = -EAGAIN;
	if ((unsigned long)atomic_read(&p->real_cred->user->processes) > rlimit(RLIMIT_NPROC)) {
		if (p->real_cred->user != INIT_USER && !capable(CAP_SYS_RESOURCE) &&
		    !capable(CAP_SYS_ADMIN))
			goto bad_fork_cleanup_count;
	}
	/* The check is only there to stop root's fork bombs: racing forks may
	 * overshoot it a little. */
	if (nr_threads >= max_threads)
		goto bad_fork_cleanup_count;
	/* cred: end */

	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;	/* cred: was bad_fork_free */
	trace_fork("  sched_fork: TASK_NEW, not yet runnable\n");
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;	/* cred: was bad_fork_free */
	trace_fork("  copy_files: %s\n", clone_flags & CLONE_FILES ? "share the fd table (CLONE_FILES)"
								   : "copy the fd table (dup_fd)");
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	trace_fork("  copy_fs: %s\n", clone_flags & CLONE_FS ? "share cwd/root/umask (CLONE_FS)"
							     : "copy cwd/root/umask");
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	trace_fork("  copy_sighand: %s\n", clone_flags & CLONE_SIGHAND ? "share handlers (CLONE_SIGHAND)"
								       : "copy handlers");
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	trace_fork("  copy_signal: %s\n", clone_flags & CLONE_THREAD ?
		   "same thread group (CLONE_THREAD): the process's signal_struct" :
		   "new process, same group and session");
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	trace_fork("  copy_mm: %s\n", !p->mm ? "no address space (kernel thread)" :
				       clone_flags & CLONE_VM ? "share the address space (CLONE_VM)" :
				       "dup_mm: copy page tables, pages copy-on-write");
	retval = copy_namespaces(clone_flags);
	if (retval)
		goto bad_fork_cleanup_mm;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_mm;
	trace_fork("  copy_thread: kernel stack frame to start in ret_from_fork%s%s\n",
		   args->fn ? " (kernel function)" : ", returning 0 to user mode",
		   clone_flags & CLONE_SETTLS ? "; TLS (FS base) from CLONE_SETTLS" : "");

	pid = alloc_pid(args->set_tid, args->set_tid_size);
	if (IS_ERR(pid)) {
		retval = (int)PTR_ERR(pid);
		goto bad_fork_cleanup_mm;
	}
	p->thread_pid = pid;
	p->pid = pid->nr;
	trace_fork("  alloc_pid: %d%s\n", p->pid, args->set_tid_size ? " (set_tid)" : "");

	/* After copy_files(), so that the pidfd is not in the child's copy
	 * of the fd table (it is in a table shared with CLONE_FILES). It is
	 * installed only once nothing can fail any more. */
	if (clone_flags & CLONE_PIDFD) {
		retval = pidfd_prepare(pid, O_RDWR | O_CLOEXEC, &pidfile);
		if (retval < 0)
			goto bad_fork_free_pid;
		pidfd = retval;
		retval = put_user(pidfd, args->pidfd);
		if (retval)
			goto bad_fork_put_pidfd;
		trace_fork("  pidfd: fd %d names the child (CLONE_PIDFD)\n", pidfd);
	}
	retval = cgroup_can_fork(args);
	if (retval)
		goto bad_fork_put_pidfd;
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		p->exit_signal = -1;	/* threads are not waited for one by one */
		trace_fork("  same thread group: tid %d, getpid() is still %d\n", p->pid, p->tgid);
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
		p->exit_signal = args->exit_signal;
	}

	/* Linux: the tail of copy_process(), under tasklist_lock. */
	spin_lock_irqsave(&tasklist_lock, flags);
	/* A thread must not join a group that exit_group() or an exec in
	 * another thread is killing: zap_other_threads() has counted the
	 * threads to wait for. (Linux fails any fork with a signal pending.) */
	retval = -EINTR;
	if (signal_group_exit(current->signal) || current->signal->group_exec_task) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		goto bad_fork_put_pidfd;
	}
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;	/* a sibling of the caller */
		if (clone_flags & CLONE_THREAD)
			p->exit_signal = -1;
		else
			p->exit_signal = current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
	}
	p->parent = p->real_parent;
	list_add_tail(&p->sibling, &p->real_parent->children);
	if (thread_group_leader(p)) {
		list_add_tail(&p->tasks, &init_task.tasks);	/* a new process */
	} else {
		p->signal->nr_threads++;
		atomic_inc(&p->signal->live);
		atomic_inc(&p->signal->sigcnt);
		list_add_tail(&p->thread_node, &p->signal->thread_head);
	}
	pid->task = p;
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (pidfile)
		fd_install(pidfd, pidfile);
	return p;

bad_fork_put_pidfd:
	if (pidfile) {
		fput(pidfile);	/* pidfd_release() drops the file's reference on pid */
		put_unused_fd(pidfd);
	}
bad_fork_free_pid:
	put_pid(pid);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		put_signal_struct(p->signal);
bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_count:	/* cred */
	atomic_dec(&p->real_cred->user->processes);
	exit_creds(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}

/* Linux: wait_for_vfork_done(). The vfork parent sleeps until the child
 * execs or exits (mm_release -> complete_vfork_done). */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	wait_for_completion(vfork);
	put_task_struct(child);
}

/*
 * Linux: kernel_clone(). The one entry for creating tasks: copy the caller,
 * then start the copy. Returns the child's pid, or a negative errno.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	/* Legacy clone() returns the pidfd through parent_tid, so it cannot
	 * also store the tid there; clone3 has a field for each, but they
	 * must not be one word either. */
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & CLONE_PARENT_SETTID) &&
	    args->pidfd == args->parent_tid)
		return -EINVAL;
	trace_fork_flags(clone_flags, args->exit_signal);
	p = copy_process(args);
	if (IS_ERR(p)) {
		trace_fork("kernel_clone: copy_process failed: %ld\n", PTR_ERR(p));
		return (pid_t)PTR_ERR(p);
	}
	nr = p->pid;
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);	/* it may exit before we look at it again */
	}
	wake_up_new_task(p);
	trace_fork("kernel_clone: child pid %d is running (cpu %d)\n", nr, p->cpu);
	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

/* Linux: kernel_thread(). A kernel thread running fn(arg); it never enters user mode. */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags & ~CSIGNAL) | CLONE_VM,
		.exit_signal = (int)(flags & CSIGNAL),
		.kthread = 1,
		.fn = fn,
		.fn_arg = arg,
		.name = name,
	};

	return kernel_clone(&args);
}

/*
 * Linux: user_mode_thread(). A task that starts in the kernel running
 * fn(arg) and, when fn returns 0 (after a successful kernel_execve), goes on
 * to user mode. This is how pid 1 (init) is born.
 */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags & ~CSIGNAL) | CLONE_VM,
		.exit_signal = (int)(flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/* fork(): a copy of the caller, its parent notified by SIGCHLD at exit. */
SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

/* vfork(): the child borrows the parent's memory; the parent waits until
 * the child execs or exits. */
SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/*
 * Linux: sys_clone(). x86-64's argument order is flags, stack, parent_tid,
 * child_tid, tls (other architectures swap the last ones). Only the low 32
 * bits of flags count; the low byte is the exit signal, which is not
 * checked (an invalid one is simply never sent). CLONE_PIDFD stores the
 * pidfd through parent_tid. newsp 0 keeps the parent's stack pointer.
 */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp, int __user *, parent_tidptr,
		int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = (u32)clone_flags & ~CSIGNAL,
		.exit_signal = (int)(clone_flags & CSIGNAL),
		.stack = newsp,
		.pidfd = parent_tidptr,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.tls = tls,
	};

	return kernel_clone(&args);
}

#define MAX_PID_NS_LEVEL 32	/* Linux's limit on set_tid_size, whatever the levels */

/*
 * Linux: copy_struct_from_user() (include/linux/uaccess.h). Copy a struct
 * that grows by appending fields: user space passes usize bytes, the kernel
 * knows ksize. A shorter one reads as zeroes in the new fields; a longer
 * one is accepted only if the bytes the kernel does not know are zero
 * (-E2BIG otherwise), so a new program fails loudly on an old kernel
 * rather than have its request half done. -EFAULT for a bad pointer.
 */
static int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = usize < ksize ? usize : ksize;

	if (usize < ksize)
		memset((char *)dst + size, 0, ksize - size);
	for (size_t off = ksize; off < usize; off += 64) {	/* Linux: check_zeroed_user() */
		size_t n = usize - off < 64 ? usize - off : 64;
		char chunk[64];

		if (copy_from_user(chunk, (const char __user *)src + off, n))
			return -EFAULT;
		for (size_t i = 0; i < n; i++)
			if (chunk[i])
				return -E2BIG;
	}
	if (copy_from_user(dst, src, size))
		return -EFAULT;
	return 0;
}

/*
 * Linux: copy_clone_args_from_user(). Read struct clone_args (usize bytes:
 * at least the first version's, at most a page) into kargs, and the pids
 * set_tid asks for into kargs->set_tid (MAX_PID_NS_LEVEL entries of kernel
 * memory the caller provides).
 * -EINVAL or -E2BIG for a bad size, -EINVAL for bad set_tid, exit_signal
 * or cgroup fields, -EFAULT for bad pointers.
 */
static int copy_clone_args_from_user(struct kernel_clone_args *kargs,
				     struct clone_args __user *uargs, size_t usize)
{
	pid_t *kset_tid = kargs->set_tid;
	struct clone_args args;
	int err;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	if (args.set_tid_size > MAX_PID_NS_LEVEL)
		return -EINVAL;
	if (!args.set_tid && args.set_tid_size > 0)
		return -EINVAL;
	if (args.set_tid && args.set_tid_size == 0)
		return -EINVAL;
	/* A valid signal (0 for none), and nothing above CSIGNAL. */
	if ((args.exit_signal & ~(u64)CSIGNAL) || args.exit_signal > _NSIG)
		return -EINVAL;
	/* The cgroup field must exist in the caller's struct and be an fd. */
	if ((args.flags & CLONE_INTO_CGROUP) &&
	    (args.cgroup > INT_MAX || usize < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;

	*kargs = (struct kernel_clone_args){
		.flags = args.flags,
		.pidfd = (int __user *)args.pidfd,
		.child_tid = (int __user *)args.child_tid,
		.parent_tid = (int __user *)args.parent_tid,
		.exit_signal = (int)args.exit_signal,
		.stack = args.stack,
		.stack_size = args.stack_size,
		.tls = args.tls,
		.set_tid_size = args.set_tid_size,
		.cgroup = (int)args.cgroup,
	};
	/* alloc_pid() refuses more than the one level there is, later. */
	if (args.set_tid && copy_from_user(kset_tid, (pid_t __user *)args.set_tid,
					   args.set_tid_size * sizeof(pid_t)))
		return -EFAULT;
	kargs->set_tid = kset_tid;
	return 0;
}

/*
 * Linux: clone3_stack_valid(). No stack, or a stack with a size that lies
 * in user space. The stack grows down on x86, so the child's stack pointer
 * starts at its top: stack + stack_size.
 */
static bool clone3_stack_valid(struct kernel_clone_args *kargs)
{
	if (kargs->stack == 0)
		return kargs->stack_size == 0;
	if (kargs->stack_size == 0)
		return false;
	if (!access_ok((void __user *)kargs->stack, kargs->stack_size))
		return false;
	kargs->stack += kargs->stack_size;
	return true;
}

/* Linux: clone3_args_valid(). The checks only clone3 makes, on top of
 * copy_process()'s. */
static bool clone3_args_valid(struct kernel_clone_args *kargs)
{
	/* No flags but those it knows. */
	if (kargs->flags & ~(0xffffffffULL | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return false;
	/* The exit signal has its own field; CLONE_DETACHED and the CSIGNAL
	 * bits are kept free so clone3 can give them new meanings later. */
	if (kargs->flags & (CLONE_DETACHED | CSIGNAL))
		return false;
	/* Clearing handlers one shares makes no sense. */
	if ((kargs->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
	    (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return false;
	/* A thread or a sibling signals nobody of its own choosing: clone()
	 * ignores the exit signal then, clone3 refuses one. */
	if ((kargs->flags & (CLONE_THREAD | CLONE_PARENT)) && kargs->exit_signal)
		return false;
	return clone3_stack_valid(kargs);
}

/*
 * Linux: sys_clone3(). clone with its arguments in a struct clone_args of
 * `size` bytes (include/linux/sched/clone.h), so it can grow: 64-bit
 * flags (CLONE_CLEAR_SIGHAND, CLONE_INTO_CGROUP), a field of its own for
 * the pidfd and the exit signal, a stack given as base and size, set_tid.
 */
SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	pid_t set_tid[MAX_PID_NS_LEVEL];
	struct kernel_clone_args kargs = { .set_tid = set_tid };
	int err;

	err = copy_clone_args_from_user(&kargs, uargs, size);
	if (err)
		return err;
	if (!clone3_args_valid(&kargs))
		return -EINVAL;
	return kernel_clone(&kargs);
}

/*
 * cred: Linux: set_max_threads(). At most as many tasks as would fill an
 * eighth of memory with kernel stacks (Linux's rule; about 4,000 in 512 MiB).
 */
#define MIN_THREADS 20
#define MAX_THREADS 0x3fffffff	/* FUTEX_TID_MASK: a tid must fit in a futex word */
static void set_max_threads(void)
{
	u64 threads = (u64)nr_free_pages() * PAGE_SIZE / (THREAD_SIZE * 8UL);

	if (threads < MIN_THREADS)
		threads = MIN_THREADS;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	max_threads = (int)threads;
}

/* Linux: fork_init() and proc_caches_init(). */
void fork_init(void)
{
	/* cred: init's RLIMIT_NPROC (inherited by all) is half of max_threads. */
	set_max_threads();
	init_task.signal->rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING] = init_task.signal->rlim[RLIMIT_NPROC];
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 64,
					       SLAB_PANIC, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 64,
					   SLAB_PANIC, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct), 64,
					  SLAB_PANIC, NULL);
}
