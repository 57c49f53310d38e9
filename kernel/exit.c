/*
 * How tasks end. Linux: kernel/exit.c.
 *
 * This first version ends kernel threads: they are reaped at once (nobody
 * waits for them). Zombies, wait4/waitid, reparenting and SIGCHLD arrive
 * with fork from user space, each in its Linux-named step.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/pid.h>

/*
 * Linux: release_task(). Unlink a dead task from the task list and its
 * parent, and drop the parent's reference. The task's own reference goes
 * after its final switch away (finish_task_switch).
 */
static void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->sibling);
	list_del_init(&p->tasks);
	p->thread_pid->task = NULL;
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
}

/* Linux: exit_notify(). Tell whoever cares that we died. */
static void exit_notify(struct task_struct *tsk)
{
	tsk->exit_state = EXIT_DEAD;	/* no parent waits for kernel threads */
	release_task(tsk);
}

/*
 * Linux: do_task_dead(). Switch away for the last time. finish_task_switch()
 * on the next task sees TASK_DEAD and drops our last reference.
 */
static void __noreturn do_task_dead(void)
{
	preempt_disable();	/* no preemption between setting the state and schedule() */
	set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	BUG();
}

/* Linux: do_exit(). End the current task with `code`. */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	exit_mm();
	exit_notify(tsk);
	do_task_dead();
}
