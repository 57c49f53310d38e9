/* The trace= command-line option: see include/linux/trace.h. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/trace.h>

bool trace_fork_enabled, trace_exit_enabled;

/* trace=fork,exit: a comma-separated list. */
static int __init trace_setup(char *val)
{
	for (char *p = val; *p;) {
		char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == 4 && !strncmp(p, "fork", 4))
			trace_fork_enabled = true;
		else if (len == 4 && !strncmp(p, "exit", 4))
			trace_exit_enabled = true;
		else
			return -EINVAL;
		p += len + (comma != NULL);
	}
	return 0;
}
__setup("trace=", trace_setup);

/* The clone flags by bit number (include/linux/sched/clone.h). */
static const char *const clone_flag_names[] = {
	[8] = "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_PIDFD",
	"CLONE_PTRACE", "CLONE_VFORK", "CLONE_PARENT", "CLONE_THREAD", "CLONE_NEWNS",
	"CLONE_SYSVSEM", "CLONE_SETTLS", "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID",
	"CLONE_DETACHED", "CLONE_UNTRACED", "CLONE_CHILD_SETTID", "CLONE_NEWCGROUP",
	"CLONE_NEWUTS", "CLONE_NEWIPC", "CLONE_NEWUSER", "CLONE_NEWPID", "CLONE_NEWNET",
	"CLONE_IO", "CLONE_CLEAR_SIGHAND", "CLONE_INTO_CGROUP",
};

static const char *const signal_names[] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
	"SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
	"SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
	"SIGIO", "SIGPWR", "SIGSYS",
};

/*
 * Linux's strace-like picture of a clone's flags: names joined by '|', the
 * exit signal last (clone() carries it in the flags' low byte), bits
 * without a name as one hex number, "0" for none at all.
 */
static void clone_flags_str(char *buf, size_t size, u64 flags, int exit_signal)
{
	size_t len = 0;
	u64 unknown = 0;

#define APPEND(...) (len += snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__))
	buf[0] = '\0';
	for (unsigned int bit = 0; bit < 64; bit++) {
		if (!(flags & (1ULL << bit)))
			continue;
		if (bit < ARRAY_SIZE(clone_flag_names) && clone_flag_names[bit])
			APPEND("%s%s", len ? "|" : "", clone_flag_names[bit]);
		else
			unknown |= 1ULL << bit;
	}
	if (unknown)
		APPEND("%s%#llx", len ? "|" : "", (unsigned long long)unknown);
	if (exit_signal > 0 && exit_signal < (int)ARRAY_SIZE(signal_names))
		APPEND("%s%s", len ? "|" : "", signal_names[exit_signal]);
	else if (exit_signal)
		APPEND("%ssignal %d", len ? "|" : "", exit_signal);
	if (!len)
		APPEND("0");
#undef APPEND
}

/* See linux/trace.h. */
void __trace_fork_flags(u64 flags, int exit_signal)
{
	char buf[512];	/* every name at once fits */

	clone_flags_str(buf, sizeof(buf), flags, exit_signal);
	printk(KERN_INFO "fork: %s[%d] kernel_clone: flags %s\n", current->comm, current->pid, buf);
}
