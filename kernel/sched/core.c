/*
 * The scheduler: which task runs next on each CPU, and the switch to it.
 * Linux: kernel/sched/core.c. The policy here is plain round-robin with time
 * slices (Linux's is CFS/EEVDF plus real-time classes); the mechanics are
 * Linux's: per-CPU runqueues, schedule() -> __schedule() -> context_switch(),
 * wake-ups that set TASK_RUNNING and enqueue, preemption from the timer,
 * new tasks spread over the CPUs, idle CPUs pulling work from busy ones.
 *
 * Locking (docs/smp.md):
 *   p->pi_lock   serialises wake-ups and affinity changes of p; taken
 *                before any rq->lock (task_rq_lock()).
 *   rq->lock     the runqueue; taken with interrupts off. Two at once only
 *                in CPU-number order (double_rq_lock()).
 *   p->cpu       changes while p is queued only with its old and new rq
 *                locks held (balancing); while it is on no runqueue, only
 *                with p->pi_lock held (wake-up, migration after a switch).
 *   __schedule() holds this CPU's rq->lock from picking the next task until
 *   finish_task_switch() runs on it: a task found off the runqueue
 *   (on_rq == 0) under that lock has finished switching away, its stack
 *   and registers are no longer in use, and another CPU may run it.
 * Order: tasklist_lock, then p->pi_lock, then rq->lock.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
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

/* Linux: deactivate_task(). The running task stops being runnable here. */
static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 0;
	rq->nr_running--;
}

/*
 * Ask rq's current task to call schedule() at its next chance; another CPU
 * is told by a reschedule IPI (it may be halted in its idle loop).
 * rq->lock held. Linux: resched_curr().
 */
static void resched_curr(struct rq *rq)
{
	WRITE_ONCE(rq->curr->need_resched, true);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/*
 * Linux: kick_process(). p, running on another CPU, has something to see
 * on its way back to user mode (a signal): interrupt that CPU so it does
 * not run on in user space until its next tick.
 */
void kick_process(struct task_struct *p)
{
	int cpu;

	preempt_disable();
	cpu = READ_ONCE(p->cpu);
	if (cpu != smp_processor_id() && READ_ONCE(cpu_rq(cpu)->curr) == p)
		smp_send_reschedule(cpu);
	preempt_enable();
}

/* A task was just queued on rq: an idle CPU should run it now (round-robin
 * preempts nobody else). Linux: wakeup_preempt(). */
static void check_preempt_curr(struct rq *rq)
{
	if (rq->curr == rq->idle)
		resched_curr(rq);
}

/* Linux: task_rq_lock(). Lock p->pi_lock and the rq p is on, which may
 * change until its lock is held; interrupts off. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, *flags);
	for (;;) {
		rq = task_rq(p);
		spin_lock(&rq->lock);
		if (rq == task_rq(p))
			return rq;
		spin_unlock(&rq->lock);
	}
}

static void task_rq_unlock(struct rq *rq, struct task_struct *p, unsigned long *flags)
{
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, *flags);
}

/* Linux: double_rq_lock(). Both locks, lower CPU number first, so two CPUs
 * locking the same pair cannot each hold one. Interrupts off. The second
 * is taken with spin_lock_nested(): lockdep sees one class, rq->lock, twice,
 * and this fixed order is what makes that safe. */
static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		spin_lock(&a->lock);
	} else if (a->cpu < b->cpu) {
		spin_lock(&a->lock);
		spin_lock_nested(&b->lock, SINGLE_DEPTH_NESTING);
	} else {
		spin_lock(&b->lock);
		spin_lock_nested(&a->lock, SINGLE_DEPTH_NESTING);
	}
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

/*
 * The online CPU p may run on with the fewest runnable tasks, preferring
 * prev when it ties. The counts are read without locks: a hint, which a
 * later balance corrects. Linux: select_task_rq() -> find_idlest_cpu().
 */
static int find_idlest_cpu(struct task_struct *p, int prev)
{
	struct cpumask allowed;
	int cpu, best = -1;
	unsigned int best_load = ~0U;

	if (!cpumask_and(&allowed, &p->cpus_mask, cpu_online_mask))
		return prev;	/* cannot happen: set_cpus_allowed_ptr() refuses that */
	if (cpumask_test_cpu(prev, &allowed)) {
		best = prev;
		best_load = READ_ONCE(cpu_rq(prev)->nr_running);
	}
	for_each_cpu(cpu, &allowed) {
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (load < best_load) {
			best = cpu;
			best_load = load;
		}
	}
	return best;
}

/*
 * Linux: select_task_rq(). Where a waking task goes: back to its last CPU
 * (its cache may still be warm) when it may run there, else the idlest CPU
 * it may use. A new task always goes to the idlest (wake_up_new_task()).
 * One exception, Linux's wake_affine() for a "sync" wake-up: a task woken
 * by an exiting one (a parent in wait(), by its child) runs on the waker's
 * CPU, which is about to be free, with no IPI needed to get it going.
 */
static int select_task_rq(struct task_struct *p)
{
	int this = smp_processor_id();

	if ((current->flags & PF_EXITING) && current != p && cpumask_test_cpu(this, &p->cpus_mask))
		return this;
	if (cpu_online(p->cpu) && cpumask_test_cpu(p->cpu, &p->cpus_mask))
		return p->cpu;
	return find_idlest_cpu(p, p->cpu);
}

/*
 * Linux: move_queued_task(). Move p, queued on src and not running, to
 * dst's queue. Both rq locks held.
 */
static void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	dequeue_task(src, p);
	src->nr_running--;
	p->cpu = dst->cpu;
	enqueue_task(dst, p);
	dst->nr_running++;
	check_preempt_curr(dst);
}

/*
 * Put p, runnable but on no runqueue and off every CPU, on the runqueue
 * select_task_rq() picks. p->pi_lock held.
 */
static void activate_on_selected_rq(struct task_struct *p)
{
	struct rq *rq;

	p->cpu = select_task_rq(p);
	rq = task_rq(p);
	spin_lock(&rq->lock);
	activate_task(rq, p);
	check_preempt_curr(rq);
	spin_unlock(&rq->lock);
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
 * free the old task's last references if it died. A task that may no
 * longer run on this CPU (sched_setaffinity) was left off the runqueue by
 * __schedule(): now that it is off the CPU, queue it on one it may use.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;
	struct task_struct *migrate = rq->migrate, *dead = rq->dead;
	unsigned long flags;

	rq->prev_mm = NULL;
	rq->migrate = NULL;
	rq->dead = NULL;
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
	/* lockdep: prev's rq->lock is ours now (Linux: finish_lock_switch()) */
	lock_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	spin_unlock(&rq->lock);
	local_irq_enable();
	if (migrate) {
		spin_lock_irqsave(&migrate->pi_lock, flags);
		activate_on_selected_rq(migrate);
		spin_unlock_irqrestore(&migrate->pi_lock, flags);
	}
	if (mm)
		mmdrop(mm);	/* a kernel thread's borrowed mm, no longer loaded */
	if (dead) {
		put_task_struct(dead);	/* the reference the task held on itself */
		__atomic_sub_fetch(&rq->nr_dead_puts, 1, __ATOMIC_RELEASE);
	}
}

/*
 * Linux: context_switch(). Switch address space, then stacks. A kernel
 * thread has no mm: it runs on the previous task's (lazy TLB: no CR3 load)
 * and holds an mm_count reference on it meanwhile, taken from a user task or
 * handed on from a kernel thread; a user task loads its own, and a borrowed
 * one is dropped after the switch (finish_task_switch). A dead one is not
 * lent on (see mmput() for the other CPUs).
 */
static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	if (!next->mm && !prev->mm && !atomic_read(&prev->active_mm->mm_users) &&
	    prev->active_mm != &init_mm) {
		/* prev lent us an address space whose last user has exited
		 * (prev itself, dying): lend the kernel's instead, so the dead
		 * one is freed after the switch rather than kept alive here. */
		switch_mm(prev->active_mm, &init_mm, next);
		mmgrab(&init_mm);
		next->active_mm = &init_mm;
		rq->prev_mm = prev->active_mm;
		prev->active_mm = NULL;
	} else if (!next->mm) {
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
		if (READ_ONCE(prev->__state) == TASK_DEAD) {
			rq->dead = prev;	/* for finish_task_switch() to put */
			__atomic_add_fetch(&rq->nr_dead_puts, 1, __ATOMIC_RELAXED);
		}
	} else if (prev != rq->idle) {
		if (cpumask_test_cpu(rq->cpu, &prev->cpus_mask)) {
			enqueue_task(rq, prev);	/* still runnable: back of the queue */
		} else {
			deactivate_task(rq, prev);	/* moves once off this CPU */
			rq->migrate = prev;
		}
	}
	prev->need_resched = false;
	next = pick_next_task(rq);

	if (next == prev) {
		spin_unlock(&rq->lock);
		local_irq_enable();
		return;
	}
	u64 now = local_clock();
	if (now > prev->exec_start)	/* another CPU's clock may be a little behind */
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
 * Linux: sched_balance_rq(), reduced to its core. Pull one waiting task to
 * this CPU from the busiest one, if that has at least two runnable tasks
 * more than this one (with one more, moving would just swap the
 * imbalance). The busiest is chosen by counts read without locks, then
 * checked again under both locks. Interrupts off. Returns true if a task
 * was pulled (this rq's current task is then asked to reschedule).
 */
static bool sched_balance(struct rq *this_rq)
{
	struct rq *busiest = NULL;
	struct task_struct *p;
	unsigned int max = 0;
	bool moved = false;
	int cpu;

	for_each_online_cpu(cpu) {
		unsigned int n = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (cpu != this_rq->cpu && n > max) {
			max = n;
			busiest = cpu_rq(cpu);
		}
	}
	if (!busiest || max < READ_ONCE(this_rq->nr_running) + 2)
		return false;
	double_rq_lock(this_rq, busiest);
	if (busiest->nr_running >= this_rq->nr_running + 2) {
		/* The most recently queued task: its cache is the coldest. */
		for (struct list_head *pos = busiest->queue.prev; pos != &busiest->queue;
		     pos = pos->prev) {
			p = list_entry(pos, struct task_struct, run_list);
			if (cpumask_test_cpu(this_rq->cpu, &p->cpus_mask) && !p->on_cpu) {
				move_queued_task(busiest, this_rq, p);
				moved = true;
				break;
			}
		}
	}
	double_rq_unlock(this_rq, busiest);
	return moved;
}

/*
 * The idle loop's balancing: before halting, an idle CPU looks for waiting
 * work elsewhere and pulls one task. Called by do_idle() with interrupts
 * off; true if it found some (need_resched is then set).
 * Linux: sched_balance_newidle(), here simply polled from the idle loop,
 * which runs again after every interrupt (every tick at least).
 */
bool sched_idle_balance(void)
{
	return sched_balance(this_rq());
}

/*
 * Is some task still exiting: running or queued with PF_EXITING, or dead
 * but not yet put by finish_task_switch()? A task reaped on one CPU may
 * still be finishing do_exit() on another; tests that count free pages
 * after a wait() use this to let it finish (ktest_free_pages()).
 */
bool sched_exiting_tasks(void)
{
	unsigned long flags;
	bool busy = false;
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		struct task_struct *p;

		spin_lock_irqsave(&rq->lock, flags);
		busy |= (rq->curr->flags & PF_EXITING) ||
			__atomic_load_n(&rq->nr_dead_puts, __ATOMIC_ACQUIRE);
		list_for_each_entry(p, &rq->queue, run_list)
			busy |= p->flags & PF_EXITING;
		spin_unlock_irqrestore(&rq->lock, flags);
	}
	return busy;
}

/*
 * Called from the timer interrupt on each CPU. Charge the tick to the
 * running task; when its slice is used up and someone else is waiting, ask
 * for a switch. Every few ticks a busy CPU also balances, for the case of
 * two busy CPUs with very different loads. Linux: scheduler_tick() ->
 * task_tick(), and sched_balance_trigger() (there from a softirq).
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
	if (curr != rq->idle && ++rq->balance_ticks % SCHED_BALANCE_TICKS == 0)
		sched_balance(rq);
}

/*
 * Wake p if its state is in `state`: make it runnable on a runqueue.
 * Returns 1 if it was woken. Safe from interrupts.
 * Linux: try_to_wake_up().
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);

	if (!(READ_ONCE(p->__state) & state)) {
		task_rq_unlock(rq, p, &flags);
		return 0;
	}
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (p->on_rq) {
		/* It had not yet switched away: it just keeps running. */
		task_rq_unlock(rq, p, &flags);
		return 1;
	}
	/* Off the runqueue under rq->lock: it is off its CPU too (see the
	 * top), so it may start on another one. Linux: ttwu_queue(). */
	spin_unlock(&rq->lock);
	activate_on_selected_rq(p);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

/*
 * Linux: sched_fork(). Scheduler fields of a task being created: not yet
 * runnable (TASK_NEW), so nothing can wake it before copy_process is done.
 * The CPUs it may use are its parent's (copied with the task_struct).
 */
int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	spin_lock_init(&p->pi_lock);
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

/*
 * Linux: wake_up_new_task(). The last step of creating a task: make it
 * runnable for the first time, on the least loaded CPU it may use.
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, flags);
	p->cpu = find_idlest_cpu(p, p->cpu);
	rq = task_rq(p);
	spin_lock(&rq->lock);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p);
	check_preempt_curr(rq);
	task_rq_unlock(rq, p, &flags);
}

/*
 * Linux: set_cpus_allowed_ptr() -> __set_cpus_allowed_ptr(). Let p run only
 * on the CPUs of new_mask; -EINVAL if none of them is online. A task on a
 * CPU it may no longer use is moved: queued, at once; running, when it
 * next switches away (__schedule()), which for the caller itself is now;
 * asleep, when it wakes (select_task_rq()).
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	struct cpumask valid;
	unsigned long flags;
	struct rq *rq, *dst;

	if (!cpumask_and(&valid, new_mask, cpu_online_mask))
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	cpumask_copy(&p->cpus_mask, new_mask);
	if (cpumask_test_cpu(rq->cpu, new_mask) || !p->on_rq) {
		task_rq_unlock(rq, p, &flags);
		return 0;
	}
	if (rq->curr == p) {
		resched_curr(rq);
		task_rq_unlock(rq, p, &flags);
		if (p == current)
			schedule();
		return 0;
	}
	/* Queued, waiting: move it now, if it is still there under both locks. */
	spin_unlock(&rq->lock);
	dst = cpu_rq(find_idlest_cpu(p, rq->cpu));
	double_rq_lock(rq, dst);
	if (task_rq(p) == rq && p->on_rq && rq->curr != p)
		move_queued_task(rq, dst, p);
	else if (task_rq(p) == rq && rq->curr == p)
		resched_curr(rq);	/* it started running meanwhile */
	double_rq_unlock(rq, dst);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 0;
}

/* The CPUs p may run on, as far as they are online. Linux: sched_getaffinity(). */
void sched_getaffinity_mask(struct task_struct *p, struct cpumask *mask)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	cpumask_and(mask, &p->cpus_mask, cpu_online_mask);
	spin_unlock_irqrestore(&p->pi_lock, flags);
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
 * Linux: init_idle(). idle becomes cpu's idle task, as if it were running
 * there already: the CPU's first schedule() switches away from it. Called
 * by the boot CPU before starting that CPU.
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	spin_lock_init(&idle->pi_lock);
	idle->__state = TASK_RUNNING;
	idle->flags = PF_KTHREAD | PF_IDLE;
	idle->on_rq = 0;
	idle->on_cpu = 1;
	idle->need_resched = false;
	idle->cpu = cpu;
	idle->mm = NULL;
	idle->active_mm = &init_mm;
	/* The reference a task holds on its active_mm, handed on to the next
	 * kernel thread or dropped after a switch to a user task; init_task's
	 * is counted in init_mm's initial mm_count. */
	if (idle != &init_task)
		mmgrab(&init_mm);
	INIT_LIST_HEAD(&idle->run_list);
	spin_lock_irqsave(&rq->lock, flags);
	rq->curr = rq->idle = idle;
	spin_unlock_irqrestore(&rq->lock, flags);
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
	init_idle(&init_task, smp_processor_id());
}
