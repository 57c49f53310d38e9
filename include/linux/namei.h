/*
 * Path lookup: flags for the walk, and the kinds of last component.
 * Linux: include/linux/namei.h, fs/namei.c.
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>

#define LOOKUP_FOLLOW 0x0001	/* follow a final symlink (there are none yet) */
#define LOOKUP_DIRECTORY 0x0002	/* the result must be a directory */
#define LOOKUP_EMPTY 0x4000	/* "" is allowed and names the starting directory */

/* The last component of a path. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* What open() asked for, decoded once. Linux: fs/internal.h struct open_flags. */
struct open_flags {
	int open_flag;	/* O_* */
	umode_t mode;	/* for O_CREAT: S_IFREG | permissions (umask not yet applied) */
	int acc_mode;	/* MAY_* the open needs */
	unsigned int lookup_flags;	/* LOOKUP_* */
};

int build_open_flags(int flags, umode_t mode, struct open_flags *op);

#endif
