/*
 * The scheduler's system calls about CPUs: which CPUs a task may run on
 * (sched_setaffinity, sched_getaffinity) and which one the caller runs on
 * (getcpu). Tests use them to pin tasks and see where they ran.
 * Linux: kernel/sched/syscalls.c (6.10; earlier in core.c), kernel/sys.c getcpu.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define CAP_SYS_NICE 23	/* change other users' tasks' scheduling */

/*
 * The task pid names (0: the caller), with a reference the caller drops,
 * or NULL. Linux: find_process_by_pid() + get_task_struct().
 */
static struct task_struct *find_get_task(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	if (pid == 0) {
		get_task_struct(current);
		return current;
	}
	if (pid < 0)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* May the caller change p's scheduling? Its own user's tasks, or with
 * CAP_SYS_NICE. Linux: check_same_owner(). */
static bool check_same_owner(struct task_struct *p)
{
	return uid_eq(current_euid(), task_euid(p)) || uid_eq(current_euid(), task_uid(p)) ||
	       capable(CAP_SYS_NICE);
}

/*
 * Linux: sched_setaffinity(). Bits past cpumask_size() are ignored, a
 * shorter mask is zero-extended; CPUs that do not exist are dropped.
 * EINVAL if no CPU of the mask is online, ESRCH for no such task, EPERM
 * for another user's task.
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct cpumask new_mask = { 0 };
	struct task_struct *p;
	int ret;

	/* Linux: get_user_cpu_mask(). */
	if (copy_from_user(&new_mask, user_mask_ptr, min((size_t)len, cpumask_size())))
		return -EFAULT;
	cpumask_and(&new_mask, &new_mask, cpu_possible_mask);
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	ret = check_same_owner(p) ? set_cpus_allowed_ptr(p, &new_mask) : -EPERM;
	put_task_struct(p);
	return ret;
}

/*
 * Linux: sched_getaffinity(). The CPUs the task may run on that are online;
 * returns the number of bytes written (as the system call does; the C
 * library's wrapper returns 0). EINVAL if len is not a multiple of the
 * word size or too small for every possible CPU.
 */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct cpumask mask;
	struct task_struct *p;
	unsigned int retlen = min((size_t)len, cpumask_size());

	if ((size_t)len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	sched_getaffinity_mask(p, &mask);
	put_task_struct(p);
	if (copy_to_user(user_mask_ptr, &mask, retlen))
		return -EFAULT;
	return retlen;
}

/*
 * Linux: kernel/sys.c getcpu(). The CPU the caller is running on (it may
 * have moved by the time it looks) and its NUMA node (always 0 here).
 */
SYSCALL_DEFINE3(getcpu, unsigned __user *, cpup, unsigned __user *, nodep, void __user *, unused)
{
	unsigned int cpu = raw_smp_processor_id(), node = 0;

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(node, nodep))
		return -EFAULT;
	return 0;
}
