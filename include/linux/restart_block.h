/*
 * How an interrupted system call goes on where it stopped. A call that
 * cannot simply start again with the same arguments (nanosleep: the time
 * already slept must not count twice) fills current->restart_block and
 * returns -ERESTART_RESTARTBLOCK. If no handler runs, the arch code points
 * the user's registers at restart_syscall (219), which calls ->fn; if a
 * handler runs, the call fails with EINTR instead.
 * Linux: include/linux/restart_block.h.
 */
#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

#include <linux/types.h>

struct __kernel_timespec;

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {	/* nanosleep, clock_nanosleep */
			int clockid;
			struct __kernel_timespec __user *rmtp;	/* where the time left goes */
			u64 expires;	/* when to wake: ns of the clock */
		} nanosleep;
	};
};

long do_no_restart_syscall(struct restart_block *parm);	/* -EINTR: kernel/signal.c */

#endif
