/*
 * Small system calls about the process and the system.
 * Linux: kernel/sys.c (uname, getpid and friends). The id calls (getuid,
 * setuid, ...) are in kernel/sys_creds.c, the limits in kernel/rlimit.c.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

static struct new_utsname init_uts_ns = {
	.sysname = UTS_SYSNAME,
	.nodename = "forklift",
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = UTS_MACHINE,
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts_ns, sizeof(*name)) ? -EFAULT : 0;
}

/* getpid() is the thread group's id; gettid() the thread's own. */
SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

/* Linux: sys_getppid(): the parent of the thread group. */
SYSCALL_DEFINE0(getppid)
{
	return current->group_leader->real_parent->tgid;
}

/*
 * Where to write 0 (and wake a futex) when this thread exits: musl's
 * threads use it to know a thread is gone. Returns the caller's tid.
 * Linux: kernel/fork.c sys_set_tid_address().
 */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/*
 * Process groups and sessions (job control). A process group is named by
 * its leader's pid; a session by its leader's. Linux: kernel/sys.c.
 * Locking: tasklist_lock, as the pgrp/session fields of every process may
 * be read by wait4(0, ...) and kill(-pgrp).
 */
static bool pgrp_exists_in_session(pid_t pgrp, pid_t session)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->signal->pgrp == pgrp && p->signal->session == session)
			return true;
	return false;
}

/* Linux: sys_setpgid(). Move process pid (0: self) into group pgid (0: its own). */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p, *group_leader = current->group_leader;
	unsigned long flags;
	int err;

	if (!pid)
		pid = group_leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = find_task_by_pid(pid);
	if (!p)
		goto out;
	err = -EINVAL;
	if (p->group_leader != p)
		goto out;
	if (p->real_parent == group_leader) {	/* one of our children */
		err = -EPERM;
		if (p->signal->session != group_leader->signal->session)
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))	/* it has exec'd since fork */
			goto out;
	} else {
		err = -ESRCH;
		if (p != group_leader)
			goto out;
	}
	err = -EPERM;
	if (p->signal->session == p->pid)	/* a session leader stays put */
		goto out;
	if (pgid != pid && !pgrp_exists_in_session(pgid, group_leader->signal->session))
		goto out;
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* The pgrp or session of process pid (0: self). */
static long get_pgrp_or_session(pid_t pid, bool session)
{
	struct task_struct *p = current;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid)
		p = find_task_by_pid(pid);
	ret = !p ? -ESRCH : session ? p->signal->session : p->signal->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return get_pgrp_or_session(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return get_pgrp_or_session(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return get_pgrp_or_session(pid, true);
}

/* Linux: ksys_setsid(). A new session and group, led by the caller, unless
 * the caller already leads a process group. */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *leader = current->group_leader, *p;
	pid_t sid = leader->pid;
	unsigned long flags;
	long err = sid;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks) {
		if (p->signal->pgrp == sid) {
			err = -EPERM;
			break;
		}
	}
	if (err > 0) {
		leader->signal->session = sid;
		leader->signal->pgrp = sid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

#define PR_SET_PDEATHSIG 1	/* signal: sent to this thread when its parent thread exits */
#define PR_GET_PDEATHSIG 2
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

/* Linux: sys_prctl(), the options this kernel has. */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4,
		unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (!valid_signal(arg2))
			return -EINVAL;
		current->pdeath_signal = arg2;	/* cleared by fork (kernel/fork.c) */
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void __user *)arg2, current->comm, sizeof(current->comm)) ?
			       -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = !!arg2;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper, (int __user *)arg2);
	default:
		return -EINVAL;
	}
}
