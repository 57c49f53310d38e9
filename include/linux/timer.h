/*
 * Kernel timers: call a function once jiffies reaches `expires`, from the
 * timer interrupt. schedule_timeout() is built on them: sleep for a number
 * of ticks, or less if woken. Linux: include/linux/timer.h,
 * kernel/time/timer.c (a sorted list here instead of Linux's timer wheel).
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>

struct timer_list {
	struct list_head entry;	/* on the pending list, sorted by expires */
	unsigned long expires;	/* in jiffies */
	void (*function)(struct timer_list *timer);	/* runs in interrupt context */
	int cpu;
};

#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

void init_timers(void);
void timer_setup(struct timer_list *timer, void (*function)(struct timer_list *));
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);	/* 1 if it was pending */
int try_to_del_timer_sync(struct timer_list *timer);	/* -1 if its function is running */
int del_timer_sync(struct timer_list *timer);	/* and its function is not running anywhere */
static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}
void run_local_timers(void);	/* from the tick */
long schedule_timeout(long timeout);	/* state set by the caller; returns ticks left */

#endif
