/*
 * The user and group id system calls: get*id, set*id, setfs*id.
 * Linux: kernel/sys.c (kept apart here so sys.c stays short).
 *
 * Every change follows the credentials rule (kernel/cred.c): copy with
 * prepare_creds(), edit the copy, install it with commit_creds(), or drop
 * it with abort_creds() on error. Who may set what is POSIX's rule as
 * Linux applies it: with CAP_SETUID (here: euid 0, linux/capability.h) any
 * id may be set; without it, only to one of the ids the process already
 * has (real, effective, saved), else -EPERM. The id -1 means "unchanged"
 * where a call takes several, and is invalid (-EINVAL) where it would be
 * stored.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

/*
 * Linux: set_user(). The real uid in new changed: point new at that uid's
 * user_struct, whose process count commit_creds() moves this process to.
 * -EAGAIN if there is no memory for a new user_struct (Linux's errno).
 */
static int set_user(struct cred *new)
{
	struct user_struct *new_user = alloc_uid(new->uid);

	if (!new_user)
		return -EAGAIN;
	free_uid(new->user);
	new->user = new_user;
	return 0;
}

/*
 * Linux: __sys_setuid(). With CAP_SETUID, set every uid (real, effective,
 * saved, fs): a root daemon drops root for good. Without, only the
 * effective (and fs) uid, and only to the real or saved uid.
 */
long __sys_setuid(uid_t uid)
{
	const struct cred *old = current_cred();
	struct cred *new;
	int retval;

	if (!uid_valid(uid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	retval = -EPERM;
	if (capable(CAP_SETUID)) {
		new->suid = new->uid = uid;
		if (!uid_eq(uid, old->uid)) {
			retval = set_user(new);
			if (retval < 0)
				goto error;
		}
	} else if (!uid_eq(uid, old->uid) && !uid_eq(uid, new->suid)) {
		goto error;
	}
	new->fsuid = new->euid = uid;
	return commit_creds(new);
error:
	abort_creds(new);
	return retval;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return __sys_setuid(uid);
}

/*
 * Linux: __sys_setreuid(). Set the real and/or effective uid (-1: keep).
 * Unprivileged: the real uid only to the real or effective one; the
 * effective only to the real, effective or saved one. If the real uid is
 * set, or the effective one to something other than the old real uid, the
 * saved uid follows the new effective uid.
 */
long __sys_setreuid(uid_t ruid, uid_t euid)
{
	const struct cred *old = current_cred();
	struct cred *new;
	int retval;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	retval = -EPERM;
	if (ruid != (uid_t)-1) {
		new->uid = ruid;
		if (!uid_eq(old->uid, ruid) && !uid_eq(old->euid, ruid) && !capable(CAP_SETUID))
			goto error;
	}
	if (euid != (uid_t)-1) {
		new->euid = euid;
		if (!uid_eq(old->uid, euid) && !uid_eq(old->euid, euid) &&
		    !uid_eq(old->suid, euid) && !capable(CAP_SETUID))
			goto error;
	}
	if (!uid_eq(new->uid, old->uid)) {
		retval = set_user(new);
		if (retval < 0)
			goto error;
	}
	if (ruid != (uid_t)-1 || (euid != (uid_t)-1 && !uid_eq(euid, old->uid)))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);
error:
	abort_creds(new);
	return retval;
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return __sys_setreuid(ruid, euid);
}

/*
 * Linux: __sys_setresuid(). Set any of the real, effective and saved uids
 * (-1: keep); the fs uid follows the effective one. Unprivileged, each new
 * value must be one of the three old ones.
 */
long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	bool ruid_new, euid_new, suid_new;
	struct cred *new;
	int retval;

	/* Asking for what is already so needs no privilege and no copy. */
	if ((ruid == (uid_t)-1 || uid_eq(ruid, old->uid)) &&
	    (euid == (uid_t)-1 || (uid_eq(euid, old->euid) && uid_eq(euid, old->fsuid))) &&
	    (suid == (uid_t)-1 || uid_eq(suid, old->suid)))
		return 0;

	ruid_new = ruid != (uid_t)-1 && !uid_eq(ruid, old->uid) && !uid_eq(ruid, old->euid) &&
		   !uid_eq(ruid, old->suid);
	euid_new = euid != (uid_t)-1 && !uid_eq(euid, old->uid) && !uid_eq(euid, old->euid) &&
		   !uid_eq(euid, old->suid);
	suid_new = suid != (uid_t)-1 && !uid_eq(suid, old->uid) && !uid_eq(suid, old->euid) &&
		   !uid_eq(suid, old->suid);
	if ((ruid_new || euid_new || suid_new) && !capable(CAP_SETUID))
		return -EPERM;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != (uid_t)-1) {
		new->uid = ruid;
		if (!uid_eq(ruid, old->uid)) {
			retval = set_user(new);
			if (retval < 0) {
				abort_creds(new);
				return retval;
			}
		}
	}
	if (euid != (uid_t)-1)
		new->euid = euid;
	if (suid != (uid_t)-1)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return __sys_setresuid(ruid, euid, suid);
}

/* Linux: sys_getresuid(). The real, effective and saved uids. */
SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp, uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();
	int retval;

	retval = put_user(cred->uid, ruidp);
	if (!retval) {
		retval = put_user(cred->euid, euidp);
		if (!retval)
			return put_user(cred->suid, suidp);
	}
	return retval;
}

/*
 * Linux: __sys_setgid(). As setuid, for gids, with CAP_SETGID. Groups
 * have no user_struct to move.
 */
long __sys_setgid(gid_t gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!gid_valid(gid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID)) {
		new->gid = new->egid = new->sgid = new->fsgid = gid;
	} else if (gid_eq(gid, old->gid) || gid_eq(gid, old->sgid)) {
		new->egid = new->fsgid = gid;
	} else {
		abort_creds(new);
		return -EPERM;
	}
	return commit_creds(new);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return __sys_setgid(gid);
}

/* Linux: __sys_setregid(). As setreuid, for gids. */
long __sys_setregid(gid_t rgid, gid_t egid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != (gid_t)-1) {
		if (!gid_eq(old->gid, rgid) && !gid_eq(old->egid, rgid) && !capable(CAP_SETGID))
			goto error;
		new->gid = rgid;
	}
	if (egid != (gid_t)-1) {
		if (!gid_eq(old->gid, egid) && !gid_eq(old->egid, egid) &&
		    !gid_eq(old->sgid, egid) && !capable(CAP_SETGID))
			goto error;
		new->egid = egid;
	}
	if (rgid != (gid_t)-1 || (egid != (gid_t)-1 && !gid_eq(egid, old->gid)))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return __sys_setregid(rgid, egid);
}

/* Linux: __sys_setresgid(). As setresuid, for gids. */
long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	bool rgid_new, egid_new, sgid_new;
	struct cred *new;

	if ((rgid == (gid_t)-1 || gid_eq(rgid, old->gid)) &&
	    (egid == (gid_t)-1 || (gid_eq(egid, old->egid) && gid_eq(egid, old->fsgid))) &&
	    (sgid == (gid_t)-1 || gid_eq(sgid, old->sgid)))
		return 0;

	rgid_new = rgid != (gid_t)-1 && !gid_eq(rgid, old->gid) && !gid_eq(rgid, old->egid) &&
		   !gid_eq(rgid, old->sgid);
	egid_new = egid != (gid_t)-1 && !gid_eq(egid, old->gid) && !gid_eq(egid, old->egid) &&
		   !gid_eq(egid, old->sgid);
	sgid_new = sgid != (gid_t)-1 && !gid_eq(sgid, old->gid) && !gid_eq(sgid, old->egid) &&
		   !gid_eq(sgid, old->sgid);
	if ((rgid_new || egid_new || sgid_new) && !capable(CAP_SETGID))
		return -EPERM;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != (gid_t)-1)
		new->gid = rgid;
	if (egid != (gid_t)-1)
		new->egid = egid;
	if (sgid != (gid_t)-1)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return __sys_setresgid(rgid, egid, sgid);
}

/* Linux: sys_getresgid(). The real, effective and saved gids. */
SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp, gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();
	int retval;

	retval = put_user(cred->gid, rgidp);
	if (!retval) {
		retval = put_user(cred->egid, egidp);
		if (!retval)
			return put_user(cred->sgid, sgidp);
	}
	return retval;
}

/*
 * Linux: __sys_setfsuid(). The uid file access uses, set alone (an old
 * NFS server's trick). Unprivileged, only to one of the real, effective,
 * saved or current fs uids. Always returns the old fs uid: a caller learns
 * whether it worked only by calling again.
 */
long __sys_setfsuid(uid_t uid)
{
	const struct cred *old = current_cred();
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (!uid_valid(uid))
		return old_fsuid;
	if (!(uid_eq(uid, old->uid) || uid_eq(uid, old->euid) || uid_eq(uid, old->suid) ||
	      uid_eq(uid, old->fsuid) || capable(CAP_SETUID)) ||
	    uid_eq(uid, old->fsuid))
		return old_fsuid;
	new = prepare_creds();
	if (new) {
		new->fsuid = uid;
		commit_creds(new);
	}
	return old_fsuid;
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return __sys_setfsuid(uid);
}

/* Linux: __sys_setfsgid(). As setfsuid, for the fs gid. */
long __sys_setfsgid(gid_t gid)
{
	const struct cred *old = current_cred();
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (!gid_valid(gid))
		return old_fsgid;
	if (!(gid_eq(gid, old->gid) || gid_eq(gid, old->egid) || gid_eq(gid, old->sgid) ||
	      gid_eq(gid, old->fsgid) || capable(CAP_SETGID)) ||
	    gid_eq(gid, old->fsgid))
		return old_fsgid;
	new = prepare_creds();
	if (new) {
		new->fsgid = gid;
		commit_creds(new);
	}
	return old_fsgid;
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return __sys_setfsgid(gid);
}
