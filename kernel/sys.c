/*
 * Small system calls about the process and the system.
 * Linux: kernel/sys.c (uname, getpid and friends, the id calls).
 * Credentials (uid/gid) are all root's (0) until the process issue gives
 * tasks their own struct cred.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

static struct new_utsname init_uts_ns = {
	.sysname = UTS_SYSNAME,
	.nodename = "forklift",
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = UTS_MACHINE,
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts_ns, sizeof(*name)) ? -EFAULT : 0;
}

/* getpid() is the thread group's id; gettid() the thread's own. */
SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

/* Linux: sys_getppid(): the parent of the thread group. */
SYSCALL_DEFINE0(getppid)
{
	return current->group_leader->real_parent->tgid;
}

SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

/*
 * Where to write 0 (and wake a futex) when this thread exits: musl's
 * threads use it to know a thread is gone. Returns the caller's tid.
 * Linux: kernel/fork.c sys_set_tid_address().
 */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}
