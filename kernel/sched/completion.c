/*
 * Completions, on top of a wait queue. Linux: kernel/sched/completion.c.
 * x->done is read and changed under x->wait.lock.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/completion.h>

#define COMPLETE_ALL (~0U >> 1)

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static void do_complete(struct completion *x, unsigned int n, int nr_wake)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = x->done + n > COMPLETE_ALL ? COMPLETE_ALL : x->done + n;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, nr_wake);
}

/* Let one waiter (present or future) through. */
void complete(struct completion *x)
{
	do_complete(x, 1, 1);
}

/* Let every waiter through, now and from now on. */
void complete_all(struct completion *x)
{
	do_complete(x, COMPLETE_ALL, 0);
}

static bool try_consume(struct completion *x)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&x->wait.lock, flags);
	ok = x->done > 0;
	if (ok && x->done != COMPLETE_ALL)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

/* Sleep (uninterruptibly) until complete() lets this caller through. */
void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_consume(x));
}
