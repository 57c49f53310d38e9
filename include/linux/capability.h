/*
 * Capabilities: the privileges root's power is split into.
 * Linux: include/uapi/linux/capability.h, kernel/capability.c.
 *
 * Linux keeps capability sets in each cred. Without file capabilities or
 * securebits, those sets come out exactly as "euid 0 has them all, any
 * other euid has none": execve and setuid (cap_task_fix_setuid) fill or
 * clear them as the effective uid becomes or stops being 0. This kernel
 * keeps no sets and uses that rule directly: euid 0 has every capability.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/cred.h>

#define CAP_KILL 5	/* send signals to any process */
#define CAP_SETGID 6	/* set any gid, set supplementary groups */
#define CAP_SETUID 7	/* set any uid */
#define CAP_SYS_ADMIN 21	/* the catch-all; also exempt from RLIMIT_NPROC */
#define CAP_SYS_RESOURCE 24	/* raise hard limits; exempt from RLIMIT_NPROC */

/* Linux: capable(). Does the current task have capability cap? */
static inline bool capable(int cap)
{
	return uid_eq(current_euid(), GLOBAL_ROOT_UID);
}

#endif
