/*
 * Completions: "wait until this has happened once". vfork's parent sleeps
 * on one until the child execs or exits. Linux: include/linux/completion.h.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;	/* complete() calls not yet consumed by a waiter */
	struct wait_queue_head wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);

#endif
