/*
 * Signals: recording them, and acting on them on the way back to user mode.
 * Linux: kernel/signal.c. This first version keeps Linux's bookkeeping
 * (per-task pending and blocked sets, shared handler table) and carries out
 * default actions; calling user handlers (the signal frame, rt_sigreturn),
 * stop/continue and siginfo arrive with the signals issue.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct sighand_struct init_sighand = {
	.count = 1,
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};

/* Signals whose default action is to do nothing. */
#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | sigmask(SIGWINCH))
/* Signals that can be neither caught, blocked nor ignored. */
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))

static bool valid_signal(unsigned long sig)
{
	return sig >= 1 && sig <= _NSIG;
}

bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending.sig[0]) & ~READ_ONCE(p->blocked.sig[0]);
}

/* Make sig pending for p and wake it if it sleeps interruptibly. */
static void __send_signal(int sig, struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	p->pending.sig[0] |= sigmask(sig);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	wake_up_state(p, TASK_INTERRUPTIBLE);
}

/*
 * Would p do nothing on sig? Then it is dropped when sent, not queued (so
 * it cannot interrupt a sleep for nothing). A blocked signal is kept: the
 * action may change before it is unblocked. Linux: sig_ignored().
 */
static bool sig_ignored(struct task_struct *p, int sig)
{
	void *handler = p->sighand->action[sig - 1].sa.sa_handler;

	if (p->blocked.sig[0] & sigmask(sig))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK));
}

int send_sig(int sig, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!sig_ignored(p, sig))
		__send_signal(sig, p);
	return 0;
}

/*
 * A fault in user mode (SIGSEGV, SIGBUS, SIGILL, SIGFPE) for the current
 * task: it must not be blocked or ignored, or the faulting instruction
 * would simply run again. So, as Linux's force_sig_info_to_task() does,
 * unblock it and reset an ignoring action to the default.
 */
int force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = &t->sighand->action[sig - 1];
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (ka->sa.sa_handler == SIG_IGN || (t->blocked.sig[0] & sigmask(sig))) {
		ka->sa.sa_handler = SIG_DFL;
		t->blocked.sig[0] &= ~sigmask(sig);
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	__send_signal(sig, t);
	return 0;
}

/* Take the lowest-numbered deliverable signal off the pending set; 0 if none. */
static int dequeue_signal(struct task_struct *t)
{
	unsigned long flags, ready;
	int sig = 0;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	ready = t->pending.sig[0] & ~t->blocked.sig[0];
	if (ready) {
		sig = __builtin_ctzl(ready) + 1;
		t->pending.sig[0] &= ~sigmask(sig);
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return sig;
}

/*
 * Act on each pending, unblocked signal. Called with interrupts on, just
 * before a return to user mode. Linux: arch/x86/kernel/signal.c
 * arch_do_signal_or_restart() -> get_signal().
 */
void do_signal(void)
{
	int sig;

	while ((sig = dequeue_signal(current))) {
		void *handler = current->sighand->action[sig - 1].sa.sa_handler;

		if (handler == SIG_IGN)
			continue;
		if (handler != SIG_DFL) {
			pr_notice_once("signal handlers do not run yet (signals issue): "
				       "%s[%d] gets the default action for signal %d\n",
				       current->comm, current->pid, sig);
		}
		if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
			continue;
		/* Default action: terminate the whole process. The status
		 * says which signal (no core dumps here, so never WCOREDUMP). */
		do_group_exit(sig);
	}
}

/* Linux: kernel/signal.c sys_rt_sigaction(). */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction *k;
	struct sigaction new;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!valid_signal(sig) || (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	k = &current->sighand->action[sig - 1];
	if (oact && copy_to_user(oact, &k->sa, sizeof(*oact)))
		return -EFAULT;
	if (act) {
		new.sa_mask.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		spin_lock_irqsave(&current->sighand->siglock, flags);
		k->sa = new;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	return 0;
}

/* Linux: kernel/signal.c sys_rt_sigprocmask(). */
SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		new.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		switch (how) {
		case SIG_BLOCK:
			new.sig[0] |= old.sig[0];
			break;
		case SIG_UNBLOCK:
			new.sig[0] = old.sig[0] & ~new.sig[0];
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		WRITE_ONCE(current->blocked.sig[0], new.sig[0]);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * Linux: sys_kill() -> kill_something_info(). pid > 0: that process;
 * 0: the caller's process group; -1: every process but init and the
 * caller; < -1: process group -pid. Signal 0 only checks that a target
 * exists. (No permission checks: every process is root's here.)
 */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks) {
		bool match;

		if (p->group_leader != p)
			continue;	/* a zombie still counts: kill(zombie, 0) succeeds, as in Linux */
		if (pid > 0)
			match = p->pid == pid;
		else if (pid == -1)
			match = p->pid > 1 && p != current->group_leader;
		else
			match = p->signal->pgrp == (pid ? -pid : current->signal->pgrp);
		if (!match)
			continue;
		found++;
		if (sig && !p->exit_state)
			send_sig(sig, p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found ? 0 : -ESRCH;
}

/*
 * Linux: zap_other_threads(). SIGKILL every other live thread of p's group
 * (exit_group, a fatal signal, exec from a thread). Returns how many other
 * threads there are, dead ones not yet released included: an exec waits
 * for each to be released (de_thread). Caller holds tasklist_lock.
 */
int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	for_each_thread(p, t) {
		if (t == p)
			continue;
		count++;	/* dead but not yet released: de_thread waits for it too */
		if (t->exit_state)
			continue;
		__send_signal(SIGKILL, t);
	}
	return count;
}

#define SI_TKILL (-6)	/* si_code of tkill/tgkill (uapi asm-generic/siginfo.h) */

/*
 * Linux: sys_pidfd_send_signal(). kill() aimed through a pidfd (see
 * kernel/pidfd.c), so it reaches the process the pidfd was made for or
 * fails with ESRCH once that one is reaped, never a later owner of its
 * number. Signal 0 only checks. flags must be 0 (6.1 has none); info, if
 * given, must name sig, and only a process signalling itself may forge
 * si_code (EPERM otherwise). The siginfo's contents are not delivered yet.
 * No permission checks, as in kill() here.
 */
SYSCALL_DEFINE4(pidfd_send_signal, int, pidfd, int, sig, const int __user *, info,
		unsigned int, flags)
{
	struct task_struct *p;
	struct file *file;
	struct pid *pid;
	unsigned long irqflags;
	int ret, si[32];	/* a siginfo_t: si_signo, si_errno, si_code, ... */

	if (flags)
		return -EINVAL;
	file = fget((unsigned int)pidfd);
	if (!file)
		return -EBADF;
	pid = pidfd_pid(file);
	ret = (int)PTR_ERR(pid);
	if (IS_ERR(pid))
		goto out;
	if (info) {
		ret = -EFAULT;
		if (copy_from_user(si, info, sizeof(si)))
			goto out;
		ret = -EINVAL;
		if (si[0] != sig)
			goto out;
		ret = -EPERM;
		if (pid != current->thread_pid && (si[2] >= 0 || si[2] == SI_TKILL))
			goto out;
	}
	spin_lock_irqsave(&tasklist_lock, irqflags);
	p = pid->task;
	ret = -ESRCH;
	if (p) {
		ret = -EINVAL;
		if (sig >= 0 && sig <= _NSIG) {
			ret = 0;
			if (sig && !p->exit_state)
				send_sig(sig, p);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
out:
	fput(file);	/* not under tasklist_lock: the last fput may sleep */
	return ret;
}
