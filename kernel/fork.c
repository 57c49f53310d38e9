/*
 * Creating tasks: every fork, vfork, clone and kernel thread comes through
 * kernel_clone() -> copy_process() -> wake_up_new_task(), in Linux's order.
 * Linux: kernel/fork.c.
 *
 * This first version creates kernel threads (kernel_thread) and the first
 * user task (user_mode_thread, for init): no address space, files, signals
 * yet. Each later resource gets its own copy_* step in copy_process(), with
 * its bad_fork_cleanup_* label in the unwinding ladder at the bottom.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/clone.h>
#include <linux/pid.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/processor.h>

DEFINE_SPINLOCK(tasklist_lock);

static struct kmem_cache *task_struct_cachep;
int nr_threads;	/* tasks alive, idle tasks excluded (tasklist_lock) */

/* Linux: alloc_thread_stack_node(). THREAD_SIZE bytes, contiguous. */
static void *alloc_thread_stack(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	return page ? page_address(page) : NULL;
}

static void free_thread_stack(void *stack)
{
	__free_pages(virt_to_page(stack), THREAD_SIZE_ORDER);
}

/*
 * Linux: dup_task_struct(). A new task_struct and kernel stack, starting as
 * a copy of orig. The lowest word of the stack gets STACK_END_MAGIC: if a
 * deep call chain overwrites it, the scheduler notices at the next switch.
 */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);

	if (!tsk)
		return NULL;
	void *stack = alloc_thread_stack();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = stack;
	*end_of_stack(tsk) = STACK_END_MAGIC;
	/* One reference for the task being alive (dropped after its last
	 * switch away), one for its parent until it is reaped. */
	tsk->usage = 2;
	return tsk;
}

/* The last reference is gone: give back the stack, pid and task_struct. */
void __put_task_struct(struct task_struct *p)
{
	BUG_ON(p == current);
	put_pid(p->thread_pid);
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
}

/*
 * Linux: copy_process(). Create a new task as a copy of current, sharing or
 * copying each resource as args->flags say; it is not yet runnable. Returns
 * the task, or an ERR_PTR: on failure everything already set up is undone,
 * in reverse order, by the bad_fork_* ladder.
 */
struct task_struct *copy_process(struct kernel_clone_args *args)
{
	struct task_struct *p;
	struct pid *pid;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;
	p->flags &= ~(PF_KTHREAD | PF_IDLE | PF_EXITING);
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->name)
		set_task_comm(p, args->name);
	p->exit_state = 0;
	p->exit_code = 0;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);

	retval = sched_fork(args->flags, p);
	if (retval)
		goto bad_fork_free;

	/* Kernel threads have no address space of their own. */
	p->mm = NULL;
	p->active_mm = NULL;

	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_free;

	pid = alloc_pid();
	if (IS_ERR(pid)) {
		retval = (int)PTR_ERR(pid);
		goto bad_fork_free;
	}
	p->thread_pid = pid;
	p->pid = pid->nr;
	p->tgid = p->pid;
	p->group_leader = p;
	p->exit_signal = args->exit_signal;

	/* Linux: the tail of copy_process(), under tasklist_lock. */
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	p->real_parent = current;
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	pid->task = p;
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

bad_fork_free:
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
fork_out:
	return ERR_PTR(retval);
}

/*
 * Linux: kernel_clone(). The one entry for creating tasks: copy the caller,
 * then start the copy. Returns the child's pid, or a negative errno.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p;
	pid_t nr;

	p = copy_process(args);
	if (IS_ERR(p))
		return (pid_t)PTR_ERR(p);
	nr = p->pid;
	wake_up_new_task(p);
	return nr;
}

/* Linux: kernel_thread(). A kernel thread running fn(arg); it never enters user mode. */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags & ~CSIGNAL) | CLONE_VM,
		.exit_signal = (int)(flags & CSIGNAL),
		.kthread = 1,
		.fn = fn,
		.fn_arg = arg,
		.name = name,
	};

	return kernel_clone(&args);
}

/*
 * Linux: user_mode_thread(). A task that starts in the kernel running
 * fn(arg) and, when fn returns 0 (after a successful kernel_execve), goes on
 * to user mode. This is how pid 1 (init) is born.
 */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags & ~CSIGNAL) | CLONE_VM,
		.exit_signal = (int)(flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/* Linux: fork_init(). The slab cache for task_structs. */
void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					       64, SLAB_PANIC, NULL);
}
