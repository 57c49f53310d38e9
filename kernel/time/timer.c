/*
 * Kernel timers and schedule_timeout(). Linux: kernel/time/timer.c. One
 * list per CPU, kept sorted by expiry, checked at every tick; Linux's timer
 * wheel does the same job in O(1) for thousands of timers.
 * Locking: each CPU's list has its own lock, taken with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct timer_base {
	spinlock_t lock;
	struct list_head pending;
	struct timer_list *running_timer;	/* whose function runs now (for del_timer_sync) */
};

static struct timer_base timer_bases[NR_CPUS];

/* Linux: init_timers(). */
void init_timers(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&timer_bases[cpu].lock);
		INIT_LIST_HEAD(&timer_bases[cpu].pending);
	}
}

void timer_setup(struct timer_list *timer, void (*function)(struct timer_list *))
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->cpu = 0;	/* (del_timer before any add_timer looks at a base) */
}

void add_timer(struct timer_list *timer)
{
	int cpu = smp_processor_id();
	struct timer_base *base = &timer_bases[cpu];
	struct timer_list *t;
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	timer->cpu = cpu;
	list_for_each_entry(t, &base->pending, entry) {
		if (time_before(timer->expires, t->expires))
			break;
	}
	list_add_tail(&timer->entry, &t->entry);	/* before t: the list stays sorted */
	spin_unlock_irqrestore(&base->lock, flags);
}

int del_timer(struct timer_list *timer)
{
	struct timer_base *base = &timer_bases[timer->cpu];
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = !list_empty(&timer->entry);
	list_del_init(&timer->entry);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/*
 * Linux: try_to_del_timer_sync(). del_timer(), unless the function is
 * running on some CPU right now: then -1, and nothing is changed.
 */
int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base = &timer_bases[READ_ONCE(timer->cpu)];
	unsigned long flags;
	int ret = -1;

	spin_lock_irqsave(&base->lock, flags);
	if (base->running_timer != timer) {
		ret = !list_empty(&timer->entry);
		list_del_init(&timer->entry);
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/*
 * Linux: del_timer_sync(). del_timer(), and if the function is running
 * right now, wait until it has returned: after this the timer's memory
 * may be freed (if the function cannot re-add it). The caller must not
 * hold a lock the function takes.
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret;

	while ((ret = try_to_del_timer_sync(timer)) < 0)
		cpu_relax();
	return ret;
}

/* Run every timer that is due. Called from the tick, interrupts off. */
void run_local_timers(void)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];

	spin_lock(&base->lock);
	while (!list_empty(&base->pending)) {
		struct timer_list *t = list_first_entry(&base->pending, struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		base->running_timer = t;
		spin_unlock(&base->lock);
		t->function(t);	/* may add timers: the lock is not held */
		spin_lock(&base->lock);
		base->running_timer = NULL;
	}
	spin_unlock(&base->lock);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct process_timer, timer)->task);
}

/*
 * Sleep until `timeout` ticks have passed or the task is woken, in the
 * state the caller set (TASK_INTERRUPTIBLE wakes on signals too). Returns
 * the ticks that were left (0 if the time ran out). Linux: schedule_timeout().
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0)
		timeout = 0;
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout);
	timer.timer.expires = expire;
	add_timer(&timer.timer);
	schedule();
	del_timer(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}
