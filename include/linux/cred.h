/*
 * Credentials: who a task is, for permission checks and for counting a
 * user's processes. Linux: include/linux/cred.h, include/linux/sched/user.h.
 *
 * A struct cred never changes once a task uses it. To change its ids, a
 * task copies its cred (prepare_creds), edits the copy, and installs it
 * (commit_creds). So one cred can be shared, by reference count, by every
 * task forked from the same parent until one of them changes ids:
 * copy-on-write for credentials.
 *
 * Locking: a task changes only its own cred, so it reads its own without a
 * lock. Reading another task's cred needs tasklist_lock (commit_creds
 * swaps the pointers under it); Linux uses RCU for this.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/uidgid.h>

/*
 * One per user id that has credentials alive: the number of that user's
 * processes, which RLIMIT_NPROC bounds. Linux: include/linux/sched/user.h
 * (since 5.14 the count lives in struct ucounts, per user namespace; this
 * is the older, simpler layout).
 */
struct user_struct {
	atomic_t __count;	/* references: one per cred naming this user */
	atomic_t processes;	/* tasks whose real uid this is (fork +1, release_task -1) */
	struct list_head uidhash_node;	/* in uidhash_table (uidhash_lock) */
	kuid_t uid;
};

extern struct user_struct root_user;
#define INIT_USER (&root_user)

/* Supplementary groups, sorted, so in_group_p() can binary-search them.
 * Shared by reference like the cred. Linux: struct group_info. */
struct group_info {
	atomic_t usage;
	int ngroups;
	kgid_t gid[];
};

#define NGROUPS_MAX 65536	/* the most setgroups() accepts (Linux's) */

extern struct group_info init_groups;

/*
 * The ids of a task. Real ids say who owns the process; effective ids are
 * what permission checks use; saved ids let an unprivileged program switch
 * back to an id it had; fs ids are what file access uses (they follow the
 * effective ids unless setfsuid() is called). Linux: struct cred, less
 * capabilities (root is euid 0 here: linux/capability.h), keyrings, LSM
 * data and the user namespace.
 */
struct cred {
	atomic_t usage;	/* references: from tasks (cred, real_cred) and callers */
	kuid_t uid;	/* real UID of the task */
	kgid_t gid;	/* real GID of the task */
	kuid_t suid;	/* saved UID of the task */
	kgid_t sgid;	/* saved GID of the task */
	kuid_t euid;	/* effective UID of the task */
	kgid_t egid;	/* effective GID of the task */
	kuid_t fsuid;	/* UID for VFS ops */
	kgid_t fsgid;	/* GID for VFS ops */
	struct user_struct *user;	/* the real uid's user_struct (a reference) */
	struct group_info *group_info;	/* supplementary groups (a reference) */
};

extern struct cred init_cred;

/* kernel/cred.c */
void cred_init(void);
struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void exit_creds(struct task_struct *tsk);
void __put_cred(struct cred *cred);

/* Linux: get_cred(). Another reference to a cred; returns it. */
static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

/* Linux: put_cred(). Drop a reference; the last one frees the cred. */
static inline void put_cred(const struct cred *cred)
{
	if (atomic_dec_and_test(&((struct cred *)cred)->usage))
		__put_cred((struct cred *)cred);
}

/* The current task's credentials: no lock needed, only it changes them. */
#define current_cred() (current->cred)
#define current_uid() (current_cred()->uid)
#define current_gid() (current_cred()->gid)
#define current_euid() (current_cred()->euid)
#define current_egid() (current_cred()->egid)
#define current_user() (current_cred()->user)

/* Another task's (objective) credentials: tasklist_lock held, or the task
 * is dead (its ids can no longer change). Linux: __task_cred(). */
#define __task_cred(task) ((task)->real_cred)
#define task_uid(task) (__task_cred(task)->uid)
#define task_euid(task) (__task_cred(task)->euid)

/* kernel/user.c */
void uid_cache_init(void);
struct user_struct *alloc_uid(kuid_t uid);
struct user_struct *find_user(kuid_t uid);
void free_uid(struct user_struct *up);

/* Linux: get_uid(). Another reference to a user_struct the caller holds. */
static inline struct user_struct *get_uid(struct user_struct *u)
{
	atomic_inc(&u->__count);
	return u;
}

/* kernel/groups.c */
struct group_info *groups_alloc(int gidsetsize);
void groups_free(struct group_info *group_info);
void groups_sort(struct group_info *group_info);
void set_groups(struct cred *new, struct group_info *group_info);
int set_current_groups(struct group_info *group_info);
bool groups_search(const struct group_info *group_info, kgid_t grp);
bool in_group_p(kgid_t grp);
bool in_egroup_p(kgid_t grp);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
	return gi;
}

static inline void put_group_info(struct group_info *gi)
{
	if (atomic_dec_and_test(&gi->usage))
		groups_free(gi);
}

/* kernel/sys_creds.c: the id system calls' bodies, for callers in the
 * kernel (and tests). Linux declares them in include/linux/syscalls.h. */
long __sys_setuid(uid_t uid);
long __sys_setgid(gid_t gid);
long __sys_setreuid(uid_t ruid, uid_t euid);
long __sys_setregid(gid_t rgid, gid_t egid);
long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long __sys_setfsuid(uid_t uid);
long __sys_setfsgid(gid_t gid);

#endif
