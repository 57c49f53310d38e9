/*
 * Resource limits: getrlimit, setrlimit and prlimit64 (which does both,
 * for any process). Linux: kernel/sys.c. The limits live in each
 * process's signal_struct (linux/resource.h); fork copies them.
 *
 * The rules, Linux's: a resource number must be below RLIM_NLIMITS and
 * the soft limit may not exceed the hard one (-EINVAL); raising a hard
 * limit needs CAP_SYS_RESOURCE (-EPERM), lowering it does not (and cannot
 * be undone). Only RLIMIT_NPROC is enforced so far (copy_process).
 *
 * Locking: tasklist_lock, held around do_prlimit(). Linux takes
 * task_lock(tsk->group_leader) and holds a task reference; here the lock
 * also keeps tsk->signal alive, because release_task() unlinks a task
 * under it before freeing its signal_struct.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/*
 * Linux: do_prlimit(). Read tsk's limit for resource into *old_rlim and/or
 * set it from *new_rlim (either may be NULL). 0, -EINVAL or -EPERM.
 * Caller holds tasklist_lock (see above); does not sleep.
 */
int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
	       struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN)
			return -EPERM;
	}
	rlim = tsk->signal->rlim + resource;
	/* The capability is the caller's, whoever's limit it is. */
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

/*
 * The limits of a new process: its parent's (the current task's), copied
 * for copy_signal() under the lock, so a prlimit64() from elsewhere cannot
 * be half-copied. Linux does this inline in copy_signal(), under
 * task_lock(current->group_leader).
 */
void copy_rlimits(struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Linux: check_prlimit_permission(). May the current task read or change
 * task's limits? Its own, always; another process's only if all of that
 * process's uids and gids equal the caller's real ones, or with
 * CAP_SYS_RESOURCE. Caller holds tasklist_lock (for task's cred).
 */
static int check_prlimit_permission(struct task_struct *task)
{
	const struct cred *cred = current_cred(), *tcred;
	bool id_match;

	if (current == task)
		return 0;
	tcred = __task_cred(task);
	id_match = uid_eq(cred->uid, tcred->euid) && uid_eq(cred->uid, tcred->suid) &&
		   uid_eq(cred->uid, tcred->uid) && gid_eq(cred->gid, tcred->egid) &&
		   gid_eq(cred->gid, tcred->sgid) && gid_eq(cred->gid, tcred->gid);
	if (!id_match && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = do_prlimit(current, resource, NULL, &value);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!ret && copy_to_user(rlim, &value, sizeof(*rlim)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit new_rlim;
	unsigned long flags;
	int ret;

	if (copy_from_user(&new_rlim, rlim, sizeof(*rlim)))
		return -EFAULT;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = do_prlimit(current, resource, &new_rlim, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * prlimit64(pid, resource, new, old): get and/or set a limit of process
 * pid (0: the caller). -ESRCH if there is no such process, -EPERM if it
 * is someone else's; then do_prlimit()'s errnos. On x86-64 struct rlimit64
 * and struct rlimit are the same, so the values pass unchanged (Linux's
 * rlim64_to_rlim() only matters on 32-bit kernels).
 */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	unsigned long flags;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	tsk = pid ? find_task_by_pid(pid) : current;
	ret = -ESRCH;
	if (tsk)
		ret = check_prlimit_permission(tsk);
	if (!ret)
		ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!ret && old_rlim) {
		struct rlimit64 old64 = { old.rlim_cur, old.rlim_max };

		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}
