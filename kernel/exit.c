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
#include <linux/pid.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <asm/power.h>

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

/*
 * Init (pid 1) has exited. Linux panics ("Attempted to kill init!"); this
 * kernel reports how init ended and powers off, so a test run's result is
 * init's status (see arch/x86_64/power.c for the exit-code mapping).
 */
static void __noreturn init_exited(long code)
{
	int sig = code & 0x7f, status = (code >> 8) & 0xff;

	if (sig) {
		pr_notice("init (pid 1) was killed by signal %d\n", sig);
		machine_power_off(EXIT_CODE_SIGNALED + (sig < 63 ? sig : 63));
	}
	pr_notice("init (pid 1) exited with status %d; powering off\n", status);
	machine_power_off(status < 63 ? status : 63);
}

/*
 * Linux: do_exit(). End the current task. `code` is the wait status its
 * parent will see: (status & 0xff) << 8 for exit(status), or the signal
 * number for a death by signal (WIFSIGNALED).
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1)
		init_exited(code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	exit_notify(tsk);
	do_task_dead();
}

/* Linux: sys_exit(). End this thread with exit status error_code & 0xff. */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * Linux: sys_exit_group(). End every thread of the process. Until threads
 * (CLONE_THREAD) exist, the process is this one task.
 */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}
