/* See include/linux/fault-inject.h. Linux: lib/fault-inject.c should_fail(). */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/sched.h>

bool should_fail_alloc(void *caller)
{
	struct task_struct *t = current;

	if (likely(!t->fail_nth) || --t->fail_nth)
		return false;
	printk(KERN_INFO "FAULT_INJECTION: failing an allocation in %s[%d], called from %pS\n",
	       t->comm, t->pid, caller);
	return true;
}
