/*
 * Wait queues. Linux: kernel/sched/wait.c (without exclusive/custom wake
 * functions: a wake-up wakes the first nr sleepers, or all).
 * Locking: wq->lock (irqsave), so interrupt handlers may wake sleepers.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

/* Queue the current task on wq (once) and set its state. Linux: prepare_to_wait(). */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (wait->private != current) {
		wait->private = current;
		list_add_tail(&wait->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* Back to TASK_RUNNING and off the queue. Linux: finish_wait(). */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* Wake up to nr sleepers whose state is in `state` (nr 0: all). Linux: __wake_up(). */
void __wake_up(struct wait_queue_head *wq, unsigned int state, int nr)
{
	struct wait_queue_entry *wait;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(wait, &wq->head, entry) {
		if (wake_up_state(wait->private, state) && --nr == 0)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}
