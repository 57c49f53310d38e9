/*
 * Signals: sending them, and taking them on the way back to user mode.
 * Linux: kernel/signal.c. (Building the handler's frame is x86:
 * arch/x86_64/signal.c. Walkthrough: docs/signals.md.)
 *
 * Sending (kill, tgkill, a fault, a child's exit, a timer) sets the
 * signal's bit in a pending set and queues its siginfo: the thread's own
 * set (t->pending: faults, tgkill) or the process's (signal->shared_pending:
 * kill), then wakes a thread that can take it. Nothing runs yet.
 * Taking happens in get_signal(), called before every return to user mode
 * while signal_pending(): the lowest pending, unblocked signal is dequeued
 * and its action done: ignore, a default action (terminate, stop, ...),
 * or hand it to the arch code to run the user's handler.
 *
 * Locking: sighand->siglock (irqsave: timers send from interrupts)
 * protects the pending sets, the blocked set, the actions and jobctl.
 * Every send also holds tasklist_lock, taken first: a signal to a process
 * walks its threads (signal->thread_head), and the group-stop state
 * (signal->flags, group_stop_count) is written under both.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

struct sighand_struct init_sighand = {
	.count = 1,
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};

static struct kmem_cache *sigqueue_cachep;

/* Linux: signals_init(). */
void signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0, SLAB_PANIC, NULL);
}

/* ---- The queue of siginfo ---- */

void clear_siginfo(kernel_siginfo_t *info)
{
	memset(info, 0, sizeof(*info));
}

/* Linux: __sigqueue_alloc(). May fail (NULL); callers still mark the signal pending. */
static struct sigqueue *__sigqueue_alloc(void)
{
	struct sigqueue *q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC);

	if (q)
		INIT_LIST_HEAD(&q->list);
	return q;
}

/* Linux: flush_sigqueue(). Empty a pending set and free its siginfo. */
void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	queue->signal.sig[0] = 0;
	list_for_each_entry_safe(q, n, &queue->list, list) {
		list_del_init(&q->list);
		kmem_cache_free(sigqueue_cachep, q);
	}
}

/* Linux: flush_sigqueue_mask(). Drop the signals in mask from a pending
 * set. Caller holds siglock. */
static void flush_sigqueue_mask(unsigned long mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal.sig[0] & mask))
		return;
	s->signal.sig[0] &= ~mask;
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigmask(q->info.si_signo) & mask) {
			list_del_init(&q->list);
			kmem_cache_free(sigqueue_cachep, q);
		}
	}
}

/* ---- Is anything pending? ---- */

/*
 * Does p have a signal to act on: pending for it or its process, and not
 * blocked? Blocking calls check this to stop sleeping. Linux keeps the
 * answer in TIF_SIGPENDING (recalc_sigpending()); it is computed here.
 */
bool signal_pending(struct task_struct *p)
{
	unsigned long pending = READ_ONCE(p->pending.signal.sig[0]) |
				READ_ONCE(p->signal->shared_pending.signal.sig[0]);

	return (pending & ~READ_ONCE(p->blocked.sig[0])) || READ_ONCE(p->jobctl) & JOBCTL_PENDING_MASK;
}

/* Is SIGKILL pending for p (it is about to die)? Linux: fatal_signal_pending(). */
bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending.signal.sig[0]) & sigmask(SIGKILL);
}

/* Linux: unhandled_signal(). Will sig kill tsk (no handler)? For the fault messages. */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	void *handler = tsk->sighand->action[sig - 1].sa.sa_handler;

	return handler == SIG_IGN || handler == SIG_DFL;
}

/*
 * Wake t to act on a signal: from an interruptible sleep, and for a fatal
 * one also from a stop; if t is running on another CPU, that CPU is
 * interrupted so t sees the signal now. Linux: signal_wake_up_state().
 */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	if (!wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0)))
		kick_process(t);
}

/* ---- Sending ---- */

/* Linux: sig_handler_ignored(). Does this handler mean "do nothing" for sig? */
static bool sig_handler_ignored(void *handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/*
 * Would t do nothing on sig? Then it is dropped when sent, not queued (so
 * it cannot interrupt a sleep for nothing). A blocked signal is kept: the
 * action may change before it is unblocked. Linux: sig_ignored().
 */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	if (t->signal->flags & SIGNAL_UNKILLABLE && t->sighand->action[sig - 1].sa.sa_handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;	/* init gets only the signals it asked for */
	return sig_handler_ignored(t->sighand->action[sig - 1].sa.sa_handler, sig);
}

/* Linux: task_clear_jobctl_pending(). Caller holds siglock. */
static void task_clear_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (mask & JOBCTL_STOP_PENDING)
		mask |= JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;
	t->jobctl &= ~mask;
}

/*
 * What happens at the moment of sending, whatever the action: a stop
 * signal cancels a pending SIGCONT; SIGCONT cancels pending stops and
 * resumes a stopped process (and records that its parent is to be told:
 * the first thread to run tells it, in get_signal()). Returns whether sig
 * should be queued. Caller holds tasklist_lock and siglock.
 * Linux: prepare_signal().
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return sig == SIGKILL;	/* dying anyway */
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
			task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;	/* stopped partly: report the stop, then go on */
		if (why) {
			signal_set_stop_flags(signal, why | SIGNAL_STOP_CONTINUED);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Linux: wants_signal(). Can t take sig now, without waiting? */
static bool wants_signal(int sig, struct task_struct *t)
{
	if (sigismember(&t->blocked, sig) || (t->flags & PF_EXITING))
		return false;
	if (sig == SIGKILL)
		return true;
	if (READ_ONCE(t->__state) & __TASK_STOPPED)
		return false;
	/* Running, or with nothing else to do: a thread already woken for
	 * other signals is not the best choice. (sig itself is pending by now.) */
	return READ_ONCE(t->on_cpu) ||
	       !((t->pending.signal.sig[0] | t->signal->shared_pending.signal.sig[0]) &
		 ~t->blocked.sig[0] & ~sigmask(sig));
}

/*
 * SIGKILL every thread of p's process but skip: exit_group(), a fatal
 * signal, exec from a thread. Caller holds tasklist_lock and siglock.
 * Returns how many other threads there are, dead ones not yet released
 * included (an exec waits for each to be released: de_thread).
 */
static int __zap_other_threads(struct task_struct *p, struct task_struct *skip)
{
	struct task_struct *t;
	int count = 0;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK);
		if (t == skip)
			continue;
		count++;	/* dead but not yet released: de_thread waits for it too */
		if (t->exit_state)
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/* Linux: zap_other_threads(). Caller holds tasklist_lock (see above). */
int zap_other_threads(struct task_struct *p)
{
	int count;

	spin_lock(&p->sighand->siglock);
	count = __zap_other_threads(p, p);
	spin_unlock(&p->sighand->siglock);
	return count;
}

/*
 * The signal is pending now: find a thread to take it and wake it. The
 * thread it was sent to if it can; for a process-wide signal, any thread
 * that does not block it; if none can, it stays pending until one
 * unblocks it. A signal whose default action will kill the process kills
 * every thread at once. Caller holds tasklist_lock and siglock.
 * Linux: complete_signal().
 */
static void complete_signal(int sig, struct task_struct *p, enum pid_type type)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = NULL, *i;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (type != PIDTYPE_PID) {
		for_each_thread(p, i) {
			if (wants_signal(sig, i)) {
				t = i;
				break;
			}
		}
	}
	if (!t)
		return;
	/* Fatal for the process: it dies now, all of it, whichever thread
	 * dequeues it. (Linux leaves core-dumping signals to get_signal() so
	 * that the dump can collect the threads; no dumps here. A kernel
	 * thread acts on no signal: it only finds them pending.) */
	if (sig_fatal(p, sig) && !(signal->flags & (SIGNAL_GROUP_EXIT | SIGNAL_UNKILLABLE)) &&
	    !sigismember(&t->real_blocked, sig) && !(p->flags & PF_KTHREAD)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		__zap_other_threads(p, NULL);
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/*
 * Make sig pending for t (type PIDTYPE_PID: that thread; PIDTYPE_TGID: its
 * process) with its siginfo. A standard signal already pending is not
 * queued twice. If no memory is left for the siginfo, a standard signal is
 * still marked pending (its siginfo then reads SI_USER, pid 0), while a
 * real-time one sent with siginfo fails with -EAGAIN. Caller holds siglock.
 * Linux: __send_signal_locked().
 */
static int __send_signal_locked(int sig, kernel_siginfo_t *info, struct task_struct *t,
				enum pid_type type, bool force)
{
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = type != PIDTYPE_PID ? &t->signal->shared_pending : &t->pending;
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;	/* Linux: legacy_queue() */
	if (sig == SIGKILL || (t->flags & PF_KTHREAD))
		goto out_set;
	q = __sigqueue_alloc();
	if (q) {
		list_add_tail(&q->list, &pending->list);
		if (info == SEND_SIG_NOINFO) {
			clear_siginfo(&q->info);
			q->info.si_signo = sig;
			q->info.si_code = SI_USER;
			q->info.si_pid = current->tgid;
			q->info.si_uid = current_uid();
		} else if (info == SEND_SIG_PRIV) {
			clear_siginfo(&q->info);
			q->info.si_signo = sig;
			q->info.si_code = SI_KERNEL;
		} else {
			q->info = *info;
		}
	} else if (sig >= SIGRTMIN && info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV &&
		   info->si_code != SI_USER) {
		return -EAGAIN;	/* a real-time signal's data is the point: refuse */
	}
out_set:
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, type);
	return 0;
}

/* Linux: send_signal_locked(). Caller holds tasklist_lock and p's siglock. */
int send_signal_locked(int sig, kernel_siginfo_t *info, struct task_struct *p, enum pid_type type)
{
	return __send_signal_locked(sig, info, p, type, false);
}

/* Linux: do_send_sig_info(). Send to t (a thread, or its process), taking
 * siglock. Caller holds tasklist_lock. */
static int do_send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *t,
			    enum pid_type type)
{
	int ret;

	spin_lock(&t->sighand->siglock);
	ret = __send_signal_locked(sig, info, t, type, false);
	spin_unlock(&t->sighand->siglock);
	return ret;
}

/* Linux: send_sig_info(). To one thread. Caller holds tasklist_lock. */
int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	if (!valid_signal(sig) || !sig)
		return -EINVAL;
	return do_send_sig_info(sig, info, p, PIDTYPE_PID);
}

/*
 * To p's process, as from current with si_code SI_USER (Linux:
 * send_sig(sig, p, 0)): SIGPIPE, the OOM killer's SIGKILL. Takes
 * tasklist_lock: the caller must not hold it.
 */
int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig) || !sig)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = do_send_sig_info(sig, SEND_SIG_NOINFO, p, PIDTYPE_TGID);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * May current send sig to t? As root, always; else only to processes of
 * the same user (real or effective uid against the target's real or
 * saved), and SIGCONT within the session. Caller holds tasklist_lock.
 * Linux: check_kill_permission() -> kill_ok_by_cred().
 */
static int check_kill_permission(int sig, kernel_siginfo_t *info, struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = __task_cred(t);

	if (info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV && info->si_code > 0)
		return 0;	/* from the kernel */
	if (uid_eq(cred->euid, tcred->suid) || uid_eq(cred->euid, tcred->uid) ||
	    uid_eq(cred->uid, tcred->suid) || uid_eq(cred->uid, tcred->uid) || capable(CAP_KILL))
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

/*
 * Linux: group_send_sig_info(). Send to p's process after the permission
 * check; sig 0 only checks. Caller holds tasklist_lock.
 */
int group_send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	int ret = check_kill_permission(sig, info, p);

	if (!ret && sig)
		ret = do_send_sig_info(sig, info, p, PIDTYPE_TGID);
	return ret;
}

/*
 * A fault, or a signal the kernel must deliver (a bad signal frame): it
 * must not be blocked or ignored, or the faulting instruction would simply
 * run again. So unblock it, and reset an ignoring action (or, with
 * sigdfl, any action) to the default. Linux: force_sig_info_to_task().
 */
static int force_sig_info_to_task(kernel_siginfo_t *info, struct task_struct *t, bool sigdfl)
{
	int sig = info->si_signo;
	struct k_sigaction *action = &t->sighand->action[sig - 1];
	bool blocked = sigismember(&t->blocked, sig);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&t->sighand->siglock);
	if (blocked || action->sa.sa_handler == SIG_IGN || sigdfl) {
		action->sa.sa_handler = SIG_DFL;
		if (blocked)
			sigdelset(&t->blocked, sig);
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;	/* even init dies of a fault */
	ret = __send_signal_locked(sig, info, t, PIDTYPE_PID, false);
	spin_unlock(&t->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Linux: force_sig_fault(). A fault of the current task, with its code and address. */
int force_sig_fault(int sig, int code, void __user *addr)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	return force_sig_info_to_task(&info, current, false);
}

/* Linux: force_sig(). Sent by the kernel to the current task (si_code SI_KERNEL). */
void force_sig(int sig)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	force_sig_info_to_task(&info, current, false);
}

/*
 * Linux: force_sigsegv(). A handler for sig could not be set up (bad
 * stack): SIGSEGV. If sig was SIGSEGV itself, its handler cannot run
 * either, so the default action (death) is forced.
 */
void force_sigsegv(int sig)
{
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = SIGSEGV;
	info.si_code = SI_KERNEL;
	force_sig_info_to_task(&info, current, sig == SIGSEGV);
}

/* ---- Taking a signal ---- */

/*
 * The next signal to take from a pending set: faults first (they belong
 * to the instruction that just ran), then the lowest number.
 * Linux: next_signal().
 */
static int next_signal(struct sigpending *pending, sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/*
 * Take sig off a pending set with its siginfo (the oldest queued; a second
 * queued one of a real-time signal keeps it pending). Linux: collect_signal().
 */
static void collect_signal(int sig, struct sigpending *list, kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo == sig) {
			if (first)
				goto still_pending;
			first = q;
		}
	}
	sigdelset(&list->signal, sig);
	if (!first) {
		/* Sent while no memory was free: the number is all we know. */
		clear_siginfo(info);
		info->si_signo = sig;
		info->si_code = SI_USER;
		return;
	}
still_pending:
	list_del_init(&first->list);
	*info = first->info;
	kmem_cache_free(sigqueue_cachep, first);
}

/*
 * Linux: dequeue_signal(). The next signal not in mask: the thread's own
 * first, then the process's. 0 if none. Caller holds siglock.
 */
static int dequeue_signal(struct task_struct *tsk, sigset_t *mask, kernel_siginfo_t *info)
{
	struct sigpending *pending = &tsk->pending;
	int sig = next_signal(pending, mask);

	if (!sig) {
		pending = &tsk->signal->shared_pending;
		sig = next_signal(pending, mask);
	}
	if (!sig)
		return 0;
	collect_signal(sig, pending, info);
	/* A stop begins only if no SIGCONT comes before do_signal_stop(). */
	if (sig_kernel_stop(sig))
		tsk->jobctl |= JOBCTL_STOP_DEQUEUED;
	return sig;
}

/*
 * Linux: do_notify_parent_cldstop(). Tell tsk's parent that its process
 * stopped (CLD_STOPPED) or continued (CLD_CONTINUED): SIGCHLD unless the
 * parent ignores it or set SA_NOCLDSTOP, and in any case a wake-up of its
 * waitpid(WUNTRACED / WCONTINUED). Caller holds tasklist_lock.
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *leader = tsk->group_leader, *parent = leader->real_parent;
	struct k_sigaction *sa = &parent->sighand->action[SIGCHLD - 1];
	kernel_siginfo_t info;

	clear_siginfo(&info);
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = leader->pid;
	info.si_uid = task_uid(tsk);
	info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code & 0x7f;
	spin_lock(&parent->sighand->siglock);
	if (sa->sa.sa_handler != SIG_IGN && !(sa->sa.sa_flags & SA_NOCLDSTOP))
		__send_signal_locked(SIGCHLD, &info, parent, PIDTYPE_TGID, false);
	spin_unlock(&parent->sighand->siglock);
	wake_up_interruptible(&parent->signal->wait_chldexit);	/* Linux: __wake_up_parent() */
}

/*
 * Linux: do_notify_parent(). Tell tsk's parent that tsk's process died:
 * the exit signal (SIGCHLD for fork's children) with CLD_EXITED, KILLED
 * or DUMPED, and a wake-up of its wait4/waitid. Returns true if the
 * parent does not want to wait (SIGCHLD ignored, or SA_NOCLDWAIT): the
 * child is reaped at once then. With SA_NOCLDWAIT and a handler, SIGCHLD
 * is still sent, as Linux does. Caller holds tasklist_lock.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct k_sigaction *sa = &parent->sighand->action[SIGCHLD - 1];
	int status = signal_group_exit(tsk->signal) ? tsk->signal->group_exit_code : tsk->exit_code;
	kernel_siginfo_t info;
	bool autoreap = false;

	clear_siginfo(&info);
	info.si_signo = sig;
	info.si_pid = tsk->tgid;
	info.si_uid = task_uid(tsk);
	info.si_utime = task_sched_runtime(tsk) / (NSEC_PER_SEC / 100);	/* clock ticks (USER_HZ) */
	if (status & 0x80) {
		info.si_code = CLD_DUMPED;
		info.si_status = status & 0x7f;
	} else if (status & 0x7f) {
		info.si_code = CLD_KILLED;
		info.si_status = status & 0x7f;
	} else {
		info.si_code = CLD_EXITED;
		info.si_status = (status >> 8) & 0xff;
	}
	spin_lock(&parent->sighand->siglock);
	if (sig == SIGCHLD && (sa->sa.sa_handler == SIG_IGN || (sa->sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (sa->sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		__send_signal_locked(sig, &info, parent, PIDTYPE_TGID, false);
	spin_unlock(&parent->sighand->siglock);
	wake_up_interruptible(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * Linux: task_participate_group_stop(). t stops for the group stop; if it
 * is the last one to, the process is now stopped: returns true (then the
 * parent is told CLD_STOPPED). Caller holds tasklist_lock and siglock.
 */
static bool task_participate_group_stop(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;
	bool consume = t->jobctl & JOBCTL_STOP_CONSUME;

	task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
	if (!consume)
		return false;
	if (sig->group_stop_count > 0)
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		return true;
	}
	return false;
}

/* Linux: task_set_jobctl_pending(). Ask t to stop; false if it is dying anyway. */
static bool task_set_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (fatal_signal_pending(t) || (t->flags & PF_EXITING))
		return false;
	t->jobctl = (t->jobctl & ~JOBCTL_STOP_SIGMASK) | mask;
	return true;
}

/*
 * Linux: do_signal_stop(). Stop the current thread for a group stop,
 * starting one (signr: the stop signal just dequeued) if none is in
 * progress: every other thread is asked to stop too (JOBCTL_STOP_PENDING
 * makes signal_pending() true for it). The last thread to stop tells the
 * parent. Sleeps in TASK_STOPPED until SIGCONT or SIGKILL wakes it.
 * Returns false if it did not stop (a SIGCONT or a group exit came first).
 */
static bool do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&current->sighand->siglock);
	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		unsigned long gstop = JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;

		if (!(current->jobctl & JOBCTL_STOP_DEQUEUED) || signal_group_exit(sig) ||
		    sig->group_exec_task) {
			spin_unlock(&current->sighand->siglock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return false;
		}
		/* (Not while dying, or while an exec in another thread kills
		 * the others.) A process already stopped keeps its stop signal. */
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 0;
		if (task_set_jobctl_pending(current, signr | gstop))
			sig->group_stop_count++;
		for_each_thread(current, t) {
			if (t != current && !(READ_ONCE(t->__state) & __TASK_STOPPED) &&
			    task_set_jobctl_pending(t, signr | gstop)) {
				sig->group_stop_count++;
				signal_wake_up(t, false);
			}
		}
	}
	notify = task_participate_group_stop(current);
	set_current_state(TASK_STOPPED);
	spin_unlock(&current->sighand->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	schedule();	/* until SIGCONT or SIGKILL: wake_up_state(__TASK_STOPPED or TASK_WAKEKILL) */
	return true;
}

/*
 * Linux: will_become_orphaned_pgrp(task_pgrp(current), NULL). A process
 * group is orphaned when no member has a parent in another group of the
 * same session: no shell is left to continue it, so SIGTSTP, SIGTTIN and
 * SIGTTOU do not stop it (SIGSTOP still does).
 */
bool is_current_pgrp_orphaned(void)
{
	pid_t pgrp = current->signal->pgrp, session = current->signal->session;
	struct task_struct *p;
	unsigned long flags;
	bool orphaned = true;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks) {
		struct task_struct *parent = p->real_parent;

		if (p->signal->pgrp != pgrp || (p->exit_state && thread_group_empty(p)) ||
		    parent->tgid == 1)
			continue;
		if (parent->signal->pgrp != pgrp && parent->signal->session == session) {
			orphaned = false;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}

/*
 * Report a stop or continue that prepare_signal() or a group stop left for
 * the parent (SIGNAL_CLD_*). true if there was one.
 */
static bool report_cld_pending(void)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	int why = 0;

	if (!(READ_ONCE(sig->flags) & SIGNAL_CLD_MASK))
		return false;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&current->sighand->siglock);
	if (sig->flags & SIGNAL_CLD_MASK) {
		why = sig->flags & SIGNAL_CLD_CONTINUED ? CLD_CONTINUED : CLD_STOPPED;
		sig->flags &= ~SIGNAL_CLD_MASK;
	}
	spin_unlock(&current->sighand->siglock);
	if (why)
		do_notify_parent_cldstop(current, why);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return why;
}

/*
 * Linux: get_signal(). Dequeue signals and carry out their actions until
 * one has a user handler: then fill ksig and return true (the arch code
 * runs it). Ignored signals are dropped; default actions are done here:
 * nothing, a stop (until SIGCONT), or the death of the process.
 * Returns false when none is left.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	unsigned long flags;
	int signr;

relock:
	if (report_cld_pending())
		goto relock;
	spin_lock_irqsave(&sighand->siglock, flags);
	for (;;) {
		struct k_sigaction *ka;

		if (signal_group_exit(current->signal)) {
			signr = SIGKILL;
			sigdelset(&current->pending.signal, SIGKILL);
			goto fatal;
		}
		if (current->jobctl & JOBCTL_STOP_PENDING) {	/* another thread started a group stop */
			spin_unlock_irqrestore(&sighand->siglock, flags);
			do_signal_stop(0);
			goto relock;
		}
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;	/* one-shot */
			break;
		}
		/* The default action. */
		if (sig_kernel_ignore(signr))
			continue;
		/* Init ignores what it did not ask for (kernel-only signals aside). */
		if ((current->signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			spin_unlock_irqrestore(&sighand->siglock, flags);
			if (signr != SIGSTOP && is_current_pgrp_orphaned())
				goto relock;
			do_signal_stop(signr);
			goto relock;
		}
fatal:
		spin_unlock_irqrestore(&sighand->siglock, flags);
		/* Terminate, or "core dump": without core files the status is the
		 * same (Linux sets 0x80 only when a core was written; Debian's
		 * RLIMIT_CORE is 0). */
		do_group_exit(signr);
	}
	spin_unlock_irqrestore(&sighand->siglock, flags);
	ksig->sig = signr;
	return signr > 0;
}

/* Linux: __set_current_blocked(). Caller has removed SIGKILL and SIGSTOP. */
static void __set_current_blocked(const sigset_t *newset)
{
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->blocked = *newset;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

/* Linux: set_current_blocked(). SIGKILL and SIGSTOP are never blocked. */
void set_current_blocked(sigset_t *newset)
{
	sigdelsetmask(newset, SIG_KERNEL_ONLY_MASK);
	__set_current_blocked(newset);
}

/* The blocked set a signal frame saves: sigsuspend's original one if it is waiting to go back. */
sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
}

/* Linux: restore_saved_sigmask(). No handler ran after sigsuspend: its mask goes back. */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		__set_current_blocked(&current->saved_sigmask);
	}
}

/*
 * Linux: signal_delivered(). The handler's frame is built (and has saved
 * the old blocked set): block what its sa_mask says, and the signal itself
 * unless SA_NODEFER.
 */
static void signal_delivered(struct ksignal *ksig)
{
	sigset_t blocked = current->blocked;

	current->restore_sigmask = false;	/* the frame holds the mask to go back to */
	blocked.sig[0] |= ksig->ka.sa.sa_mask.sig[0];
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

/* Linux: signal_setup_done(). After the arch code tried to set up a handler. */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	if (failed)
		force_sigsegv(ksig->sig);
	else
		signal_delivered(ksig);
}

/*
 * Linux: copy_siginfo_to_user(). The 128-byte siginfo_t: the kernel's
 * part, then zeroes.
 */
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from)
{
	if (copy_to_user(to, from, sizeof(*from)) ||
	    clear_user((char __user *)to + sizeof(*from), SI_MAX_SIZE - sizeof(*from)))
		return -EFAULT;
	return 0;
}

/*
 * Linux: flush_signal_handlers(). At exec: caught signals go back to the
 * default (the handler's code is gone); ignored ones stay ignored, unless
 * force_default.
 */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		ka->sa.sa_mask.sig[0] = 0;
	}
}

/* ---- The alternate signal stack ---- */

/* Linux: on_sig_stack(). Is sp on the current alternate stack? */
bool on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;	/* disarmed while in use: cannot be on it */
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* Linux: sas_ss_flags(). SS_DISABLE, SS_ONSTACK or 0, for sigaltstack and the frame's uc_stack. */
int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/*
 * Linux: do_sigaltstack(). Set (ss) and/or get (oss) the alternate stack;
 * sp is the caller's user stack pointer. EPERM while running on it,
 * EINVAL for bad flags, ENOMEM if smaller than MINSIGSTKSZ.
 */
static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	if (oss) {
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | t->sas_ss_flags;
	}
	if (ss) {
		unsigned int ss_flags = ss->ss_flags, ss_mode = ss_flags & ~SS_AUTODISARM;

		if (on_sig_stack(sp))
			return -EPERM;
		if (ss_mode != SS_DISABLE && ss_mode != SS_ONSTACK && ss_mode != 0)
			return -EINVAL;
		if (ss_mode == SS_DISABLE) {
			t->sas_ss_sp = t->sas_ss_size = 0;
			t->sas_ss_flags = ss_flags;	/* Linux keeps the flags as given */
		} else {
			if (ss->ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			t->sas_ss_sp = (unsigned long)ss->ss_sp;
			t->sas_ss_size = ss->ss_size;
			t->sas_ss_flags = ss_flags & SS_AUTODISARM;
		}
	}
	return 0;
}

/* Linux: restore_altstack(). rt_sigreturn puts back the frame's sigaltstack settings. */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	do_sigaltstack(&new, NULL, task_pt_regs(current)->sp);
	return 0;	/* an error here is ignored, as in Linux */
}

/* Linux: sys_sigaltstack(). */
SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, task_pt_regs(current)->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/* ---- System calls: actions and masks ---- */

/*
 * Linux: do_sigaction(). Setting an action that ignores sig (SIG_IGN, or
 * SIG_DFL of a default-ignored signal) discards it if pending, as POSIX asks.
 */
static int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current, *t;
	struct k_sigaction *k = &p->sighand->action[sig - 1];
	unsigned long flags;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&p->sighand->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		sigdelsetmask(&act->sa.sa_mask, SIG_KERNEL_ONLY_MASK);
		*k = *act;
		if (sig_handler_ignored(k->sa.sa_handler, sig)) {
			flush_sigqueue_mask(sigmask(sig), &p->signal->shared_pending);
			for_each_thread(p, t)
				flush_sigqueue_mask(sigmask(sig), &t->pending);
		}
	}
	spin_unlock(&p->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* Linux: sys_rt_sigaction(). */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new.sa, act, sizeof(new.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact && copy_to_user(oact, &old.sa, sizeof(old.sa)))
		return -EFAULT;
	return ret;
}

/* Linux: sigprocmask(). */
static int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	sigset_t newset = current->blocked;

	if (oldset)
		*oldset = current->blocked;
	switch (how) {
	case SIG_BLOCK:
		newset.sig[0] |= set->sig[0];
		break;
	case SIG_UNBLOCK:
		newset.sig[0] &= ~set->sig[0];
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

/* Linux: sys_rt_sigprocmask(). */
SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;
	int err;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		err = sigprocmask(how, &new, &old);
		if (err)
			return err;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* Linux: sys_rt_sigpending(). Pending and blocked, for this thread or its process. */
SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;
	unsigned long flags;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	pending.sig[0] = (current->pending.signal.sig[0] | current->signal->shared_pending.signal.sig[0]) &
			 current->blocked.sig[0];
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* Sleep until a signal is pending (pause, sigsuspend): -ERESTARTNOHAND,
 * which a handler turns into EINTR and an ignored signal into a restart. */
static long sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

/*
 * Linux: sys_rt_sigsuspend(). Wait for a signal with a temporary blocked
 * set. The old set goes back after the handler (its frame saves it) or,
 * if no handler runs, on the way out (restore_saved_sigmask()).
 */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(&newset);
	current->restore_sigmask = true;
	return sleep_until_signal();
}

/* Linux: sys_pause(). Sleep until a signal is taken; always EINTR if a handler runs. */
SYSCALL_DEFINE0(pause)
{
	return sleep_until_signal();
}

/* Linux: do_no_restart_syscall(). A restart_block with nothing to restart. */
long do_no_restart_syscall(struct restart_block *param)
{
	return -EINTR;
}

/* Linux: sys_restart_syscall(). Go on with the call current->restart_block describes. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	return restart->fn ? restart->fn(restart) : -EINTR;
}

/* ---- System calls: sending ---- */

/* A siginfo for kill() and tkill(): who sent it. Linux: prepare_kill_siginfo(). */
static void prepare_kill_siginfo(int sig, kernel_siginfo_t *info, int code)
{
	clear_siginfo(info);
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = current->tgid;
	info->si_uid = current_uid();
}

/*
 * Linux: kill_something_info(). pid > 0: that process; 0: the caller's
 * process group; -1: every process but init and the caller; < -1: process
 * group -pid. A zombie still counts as found (kill(zombie, 0) succeeds;
 * what is queued for it is freed with it). For a group: success if any
 * one could be signalled, else the last error.
 */
static int kill_something_info(int sig, kernel_siginfo_t *info, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH, count = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks) {
		bool match;
		int err;

		if (p->group_leader != p)
			continue;
		if (pid > 0)
			match = p->pid == pid;
		else if (pid == -1)
			match = p->pid > 1 && p != current->group_leader;
		else
			match = p->signal->pgrp == (pid ? -pid : current->signal->pgrp);
		if (!match)
			continue;
		err = group_send_sig_info(sig, info, p);
		if (!err)
			count++;
		else
			ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? 0 : ret;
}

/* Linux: sys_kill(). */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	kernel_siginfo_t info;

	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	prepare_kill_siginfo(sig, &info, SI_USER);
	return kill_something_info(sig, &info, pid);
}

/* Linux: kill_pgrp(). To every process of a process group, from the kernel
 * (priv: si_code SI_KERNEL) or as from current. The tty's ^C, ^\ and ^Z. */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	kernel_siginfo_t info;

	if (pgrp <= 0)
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, priv ? SI_KERNEL : SI_USER);
	if (priv)
		info.si_pid = info.si_uid = 0;
	return kill_something_info(sig, &info, -pgrp);
}

/*
 * Linux: do_tkill() -> do_send_specific(). To the one thread pid, which
 * must be in process tgid (if tgid > 0). ESRCH if there is none.
 */
static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	prepare_kill_siginfo(sig, &info, SI_TKILL);
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p && (tgid <= 0 || p->tgid == tgid)) {
		ret = check_kill_permission(sig, &info, p);
		/* A thread that is exiting gets no more signals, silently. */
		if (!ret && sig && !p->exit_state)
			ret = do_send_sig_info(sig, &info, p, PIDTYPE_PID);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Linux: sys_tgkill(). */
SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/* Linux: sys_tkill(). tgkill without the process check (old). */
SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || !valid_signal(sig) || sig < 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/*
 * Linux: sys_rt_sigqueueinfo() (sigqueue(3)). The sender gives the
 * siginfo, but may not pose as the kernel or as kill(): si_code >= 0 or
 * SI_TKILL is refused, except to itself.
 */
SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, kernel_siginfo_t __user *, uinfo)
{
	kernel_siginfo_t info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	info.si_signo = sig;
	if (pid <= 0)
		return -ESRCH;	/* Linux: kill_proc_info() finds no such process */
	return kill_something_info(sig, &info, pid);
}

/*
 * Linux: sys_pidfd_send_signal(). kill() aimed through a pidfd (see
 * kernel/pidfd.c), so it reaches the process the pidfd was made for or
 * fails with ESRCH once that one is reaped, never a later owner of its
 * number. Signal 0 only checks. flags must be 0 (6.1 has none); info, if
 * given, must name sig, and only a process signalling itself may forge
 * si_code (EPERM otherwise); it is what the handler receives.
 */
SYSCALL_DEFINE4(pidfd_send_signal, int, pidfd, int, sig, kernel_siginfo_t __user *, uinfo,
		unsigned int, flags)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	struct file *file;
	struct pid *pid;
	unsigned long irqflags;
	int ret;

	if (flags)
		return -EINVAL;
	file = fget((unsigned int)pidfd);
	if (!file)
		return -EBADF;
	pid = pidfd_pid(file);
	ret = (int)PTR_ERR(pid);
	if (IS_ERR(pid))
		goto out;
	ret = -EINVAL;
	if (!valid_signal(sig) || sig < 0)
		goto out;
	if (uinfo) {
		ret = -EFAULT;
		if (copy_from_user(&info, uinfo, sizeof(info)))
			goto out;
		ret = -EINVAL;
		if (info.si_signo != sig)
			goto out;
		ret = -EPERM;
		if (pid != current->thread_pid && (info.si_code >= 0 || info.si_code == SI_TKILL))
			goto out;
	} else {
		prepare_kill_siginfo(sig, &info, SI_USER);
	}
	spin_lock_irqsave(&tasklist_lock, irqflags);
	p = pid->task;
	ret = p ? group_send_sig_info(sig, &info, p) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
out:
	fput(file);	/* not under tasklist_lock: the last fput may sleep */
	return ret;
}
