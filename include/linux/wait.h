/*
 * Wait queues: a list of tasks sleeping until some condition holds.
 *
 *	wait_event(wq, cond);    sleeps until cond is true (rechecked at each wake-up)
 *	wake_up(&wq);            wakes the sleepers so they recheck
 *
 * The sleeper puts itself on the queue and sets its state *before* testing
 * the condition, so a wake-up between the test and schedule() is not lost:
 * it sets the state back to TASK_RUNNING and schedule() returns at once.
 * Linux: include/linux/wait.h, kernel/sched/wait.c.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;	/* of struct wait_queue_entry */
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *private;	/* the sleeping task */
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { __SPIN_LOCK_UNLOCKED((name).lock), LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
void __wake_up(struct wait_queue_head *wq, unsigned int state, int nr);

#define wake_up(wq) __wake_up(wq, TASK_NORMAL, 0)
#define wake_up_one(wq) __wake_up(wq, TASK_NORMAL, 1)
#define wake_up_interruptible(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 0)

#define ___wait_event(wq, cond, state)                                \
	do {                                                          \
		struct wait_queue_entry __wait = { 0 };                     \
		for (;;) {                                            \
			prepare_to_wait(wq, &__wait, state);          \
			if (cond)                                     \
				break;                                \
			schedule();                                   \
		}                                                     \
		finish_wait(wq, &__wait);                             \
	} while (0)

#define wait_event(wq, cond)                                          \
	do {                                                          \
		if (!(cond))                                          \
			___wait_event(&(wq), cond, TASK_UNINTERRUPTIBLE); \
	} while (0)

#endif
