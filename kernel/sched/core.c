/*
 * The scheduler: which task runs next on each CPU, and the switch to it.
 * Linux: kernel/sched/core.c. The policy here is plain round-robin with time
 * slices (Linux's is CFS/EEVDF plus real-time classes); the mechanics are
 * Linux's: per-CPU runqueues, schedule() -> __schedule() -> context_switch(),
 * wake-ups that set TASK_RUNNING and enqueue, and preemption from the timer.
 *
 * Locking: each runqueue has its own lock, taken with interrupts off.
 * A task's on_rq and cpu change only under its runqueue's lock. Lock order:
 * tasklist_lock, then rq->lock.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/switch_to.h>
#include <asm/mmu_context.h>
#include "sched.h"

struct rq runqueues[NR_CPUS];

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
}

/* Linux: activate_task(). The task becomes runnable on rq. */
static void activate_task(struct rq *rq, struct task_struct *p)
{
	enqueue_task(rq, p);
	p->on_rq = 1;
	rq->nr_running++;
}

/* Linux: deactivate_task(). The running task stops being runnable. */
static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 0;
	rq->nr_running--;
}

/* Ask rq's current task to call schedule() at its next chance. Linux: resched_curr(). */
static void resched_curr(struct rq *rq)
{
	rq->curr->need_resched = true;
}

/* Linux: pick_next_task(). The longest-waiting runnable task, or idle. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	if (list_empty(&rq->queue))
		return rq->idle;
	next = list_first_entry(&rq->queue, struct task_struct, run_list);
	dequeue_task(rq, next);
	next->time_slice = SCHED_TIMESLICE;
	return next;
}

/*
 * Linux: finish_task_switch(). Runs on the new task's stack right after the
 * switch: drop the runqueue lock taken by __schedule() in the old task, and
 * free the old task's last references if it died.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;
	unsigned int prev_state = READ_ONCE(prev->__state);

	rq->prev_mm = NULL;
	prev->on_cpu = 0;
	/* lockdep: prev's rq->lock is ours now (Linux: finish_lock_switch()) */
	lock_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	spin_unlock(&rq->lock);
	local_irq_enable();
	if (mm)
		mmdrop(mm);	/* a kernel thread's borrowed mm, no longer loaded */
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);	/* the reference the task held on itself */
}

/*
 * Linux: context_switch(). Switch address space, then stacks. A kernel
 * thread has no mm: it runs on the previous task's (lazy TLB: no CR3 load)
 * and holds an mm_count reference on it meanwhile, taken from a user task or
 * handed on from a kernel thread; a user task loads its own, and a borrowed
 * one is dropped after the switch (finish_task_switch).
 */
static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	if (!next->mm) {
		enter_lazy_tlb(prev->active_mm, next);
		next->active_mm = prev->active_mm;
		if (prev->mm)
			mmgrab(prev->active_mm);
		else
			prev->active_mm = NULL;
	} else {
		switch_mm(prev->active_mm, next->mm, next);
		if (!prev->mm) {
			rq->prev_mm = prev->active_mm;
			prev->active_mm = NULL;
		}
	}
	next->on_cpu = 1;
	/* lockdep: rq->lock passes to next, which unlocks it (Linux: prepare_lock_switch()) */
	lock_release(&rq->lock.dep_map, _THIS_IP_);
	prev = switch_to(prev, next);
	finish_task_switch(prev);
}

/*
 * Linux: __schedule(). Choose the next task for this CPU and switch to it.
 * preempt: called from an interrupt to preempt the running task, which stays
 * runnable whatever its state says (it may be just about to sleep).
 * Called with preemption disabled.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq;

	/* Linux: schedule_debug(). A task that ran off the bottom of its
	 * kernel stack has overwritten the magic word there. */
	if (*end_of_stack(prev) != STACK_END_MAGIC)
		panic("corrupted stack end detected inside scheduler: %s (pid %d)",
		      prev->comm, prev->pid);
	local_irq_disable();
	rq = this_rq();
	spin_lock(&rq->lock);

	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
		deactivate_task(rq, prev);	/* going to sleep, or dead */
	} else if (prev != rq->idle) {
		enqueue_task(rq, prev);	/* still runnable: back of the queue */
	}
	prev->need_resched = false;
	next = pick_next_task(rq);

	if (next == prev) {
		spin_unlock(&rq->lock);
		local_irq_enable();
		return;
	}
	u64 now = local_clock();
	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
	rq->curr = next;
	rq->nr_switches++;
	next->nr_switches++;
	context_switch(rq, prev, next);	/* unlocks rq */
}

/*
 * Give up the CPU. The caller sets its state first (TASK_INTERRUPTIBLE ...)
 * if it wants to sleep until woken; with TASK_RUNNING it just yields.
 * Linux: schedule().
 */
void schedule(void)
{
	preempt_disable();
	__schedule(false);
	preempt_enable_no_resched();
}

void yield(void)
{
	schedule();
}

void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (unlikely(current->need_resched) && preempt_count() == 0 && !irqs_disabled())
		schedule();
}

/*
 * Called on the way out of an interrupt that came from kernel code with
 * interrupts on and preempt_count 0: switch tasks if the timer asked for it.
 * Interrupts are off on entry and on return. Linux: preempt_schedule_irq().
 */
void preempt_schedule_irq(void)
{
	while (current->need_resched) {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
		local_irq_disable();
	}
}

/*
 * Called from the timer interrupt on each CPU. Charge the tick to the
 * running task; when its slice is used up and someone else is waiting, ask
 * for a switch. Linux: scheduler_tick() -> task_tick().
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr == rq->idle) {
		if (!list_empty(&rq->queue))
			resched_curr(rq);
	} else if (curr->time_slice && --curr->time_slice == 0) {
		curr->time_slice = SCHED_TIMESLICE;
		if (!list_empty(&rq->queue))
			resched_curr(rq);
	}
	spin_unlock(&rq->lock);
}

/*
 * Wake p if its state is in `state`: make it runnable on its runqueue.
 * Returns 1 if it was woken. Safe from interrupts.
 * Linux: try_to_wake_up().
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	struct rq *rq;
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	rq = task_rq(p);
	spin_lock(&rq->lock);
	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		/* Still on_rq: it had not yet switched away; it just keeps running. */
		if (!p->on_rq) {
			activate_task(rq, p);
			if (rq->curr == rq->idle)
				resched_curr(rq);
		}
		woken = 1;
	}
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

/*
 * Linux: sched_fork(). Scheduler fields of a task being created: not yet
 * runnable (TASK_NEW), so nothing can wake it before copy_process is done.
 */
int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	p->__state = TASK_NEW;
	p->on_rq = 0;
	p->on_cpu = 0;
	p->need_resched = false;
	p->nr_switches = 0;
	p->sum_exec_runtime = 0;
	p->time_slice = SCHED_TIMESLICE;
	INIT_LIST_HEAD(&p->run_list);
	p->cpu = smp_processor_id();
	return 0;
}

/* Linux: select_task_rq(). Which CPU's runqueue a new task starts on. */
static int select_task_rq(struct task_struct *p)
{
	return p->cpu;	/* one CPU for now: the parent's */
}

/*
 * Linux: wake_up_new_task(). The last step of creating a task: make it
 * runnable for the first time.
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	p->cpu = select_task_rq(p);
	rq = task_rq(p);
	spin_lock(&rq->lock);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p);
	if (rq->curr == rq->idle)
		resched_curr(rq);
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/*
 * The first thing a new task runs (from ret_from_fork), on its own stack:
 * finish the switch that __schedule() began in the previous task.
 * Linux: schedule_tail().
 */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable_no_resched();	/* the count __schedule()'s caller raised */
	/* clone(CLONE_CHILD_SETTID): the child writes its tid in its own
	 * memory, now that it runs in it. A bad pointer is ignored. */
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/* Linux: task_sched_runtime(). The time p has run, including the current stint. */
u64 task_sched_runtime(struct task_struct *p)
{
	u64 ns = p->sum_exec_runtime;

	if (p == current)
		ns += local_clock() - p->exec_start;
	return ns;
}

void set_task_comm(struct task_struct *p, const char *name)
{
	strscpy(p->comm, name, sizeof(p->comm));
}

/*
 * Linux: sched_init(). The boot code becomes this CPU's idle task
 * ("swapper/0", pid 0): the runqueue is empty, so nothing else runs yet.
 */
void sched_init(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		rq->cpu = cpu;
	}
	struct rq *rq = this_rq();

	rq->curr = rq->idle = &init_task;
	init_task.on_cpu = 1;
	init_task.cpu = smp_processor_id();
}
