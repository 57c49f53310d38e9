/*
 * Task credentials: sharing them, copying them on change, giving them
 * back. Linux: kernel/cred.c (Documentation/security/credentials.rst).
 *
 * The rule that makes sharing safe: a cred that a task uses is never
 * written. A change is prepare_creds() (a private copy), edits to the copy,
 * then commit_creds() (install it, drop the old one) or abort_creds()
 * (throw the copy away). Each task holds two references, one through
 * ->real_cred (its objective ids: what others see, e.g. for kill or
 * prlimit) and one through ->cred (its subjective ids: what it acts as).
 * Linux lets ->cred differ for a while (override_creds); here they are
 * always the same cred.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache *cred_jar;

/* No supplementary groups: what init starts with. */
struct group_info init_groups = {
	.usage = ATOMIC_INIT(2),	/* init_cred's, and one so it is never freed */
	.ngroups = 0,
};

/* init_task's credentials: root, in every id. Inherited by every task
 * until one changes its ids. */
struct cred init_cred = {
	.usage = ATOMIC_INIT(4),	/* init_task's cred and real_cred, and two never dropped */
	.uid = GLOBAL_ROOT_UID,
	.gid = GLOBAL_ROOT_GID,
	.suid = GLOBAL_ROOT_UID,
	.sgid = GLOBAL_ROOT_GID,
	.euid = GLOBAL_ROOT_UID,
	.egid = GLOBAL_ROOT_GID,
	.fsuid = GLOBAL_ROOT_UID,
	.fsgid = GLOBAL_ROOT_GID,
	.user = INIT_USER,
	.group_info = &init_groups,
};

/* Linux: __put_cred() -> put_cred_rcu(). The last reference is gone:
 * release what the cred points to, and the cred. */
void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	BUG_ON(cred == current->cred);
	free_uid(cred->user);
	put_group_info(cred->group_info);
	kmem_cache_free(cred_jar, cred);
}

/*
 * Linux: exit_creds(). A task is being freed (__put_task_struct) or its
 * fork failed: drop its two references.
 */
void exit_creds(struct task_struct *tsk)
{
	const struct cred *cred = tsk->real_cred;

	tsk->real_cred = NULL;
	put_cred(cred);
	cred = tsk->cred;
	tsk->cred = NULL;
	put_cred(cred);
}

/*
 * Linux: prepare_creds(). A private copy of the current task's creds, to
 * be edited and then given to commit_creds() or abort_creds(). Holds its
 * own references to the user_struct and groups. NULL if out of memory.
 */
struct cred *prepare_creds(void)
{
	const struct cred *old = current->cred;
	struct cred *new = kmem_cache_alloc(cred_jar, GFP_KERNEL);

	if (!new)
		return NULL;
	memcpy(new, old, sizeof(*new));
	atomic_set(&new->usage, 1);
	get_uid(new->user);
	get_group_info(new->group_info);
	return new;
}

/*
 * Linux: commit_creds(). Install new (from prepare_creds) as the current
 * task's creds; the caller's reference passes to the task. The old creds
 * lose the task's two references (and are freed if nobody else shares
 * them). If the real uid changed, this process now counts against the new
 * user's RLIMIT_NPROC instead of the old one's. Always returns 0.
 * Locking: takes tasklist_lock, so that readers of another task's cred
 * (who hold it) never see one being freed; Linux uses RCU instead.
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;
	unsigned long flags;

	BUG_ON(task->cred != old);
	BUG_ON(atomic_read(&new->usage) < 1);
	get_cred(new);	/* one reference for ->real_cred, the caller's for ->cred */
	if (new->user != old->user)
		atomic_inc(&new->user->processes);
	spin_lock_irqsave(&tasklist_lock, flags);
	task->real_cred = new;
	task->cred = new;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (new->user != old->user)
		atomic_dec(&old->user->processes);
	put_cred(old);	/* the two references the task held */
	put_cred(old);
	return 0;
}

/* Linux: abort_creds(). Throw away creds from prepare_creds() unused. */
void abort_creds(struct cred *new)
{
	BUG_ON(atomic_read(&new->usage) < 1);
	put_cred(new);
}

/*
 * Linux: copy_creds(). A new task's credentials: dup_task_struct() copied
 * the parent's cred pointers, so the child shares the parent's cred; take
 * the two references that sharing needs, and count the child as one more
 * process of its user (undone by release_task(), or by copy_process's
 * bad_fork_cleanup_count). Returns 0 (Linux's can fail with -ENOMEM).
 *
 * Linux shares only with CLONE_THREAD and gives a new process its own copy
 * of the cred, because a cred also carries per-process keyrings and may get
 * a new user namespace (CLONE_NEWUSER). With neither, a copy would hold
 * exactly what the parent's holds, and copy-on-write makes sharing safe.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	p->real_cred = get_cred(p->cred);
	get_cred(p->cred);
	atomic_inc(&p->cred->user->processes);
	return 0;
}

/* Linux: cred_init(). Before the first fork (start_kernel). */
void cred_init(void)
{
	cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred), 0, SLAB_PANIC, NULL);
	uid_cache_init();
}
