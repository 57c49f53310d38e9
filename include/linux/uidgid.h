/*
 * User and group ids. Linux: include/linux/uidgid.h (and uidgid_types.h).
 *
 * Linux wraps the kernel's ids in structs (kuid_t, kgid_t) so that an id
 * already mapped through a user namespace cannot be mixed up with the
 * number a program passed in (make_kuid() / from_kuid() convert). This
 * kernel has no user namespaces, so the two are the same number; the names
 * and the helpers are kept so the code reads as Linux's does.
 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef uid_t kuid_t;
typedef gid_t kgid_t;

#define GLOBAL_ROOT_UID ((kuid_t)0)
#define GLOBAL_ROOT_GID ((kgid_t)0)
#define INVALID_UID ((kuid_t)-1)	/* -1 in the id calls means "leave unchanged" */
#define INVALID_GID ((kgid_t)-1)

static inline bool uid_eq(kuid_t a, kuid_t b)
{
	return a == b;
}

static inline bool gid_eq(kgid_t a, kgid_t b)
{
	return a == b;
}

static inline bool uid_valid(kuid_t uid)
{
	return uid != INVALID_UID;
}

static inline bool gid_valid(kgid_t gid)
{
	return gid != INVALID_GID;
}

#endif
