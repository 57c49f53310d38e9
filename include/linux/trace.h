/*
 * Teaching traces: with trace=fork on the kernel command line, the fork
 * path prints each step it takes (kernel_clone, each copy_* decision,
 * wake_up_new_task), so students can watch a fork happen. trace=exit does
 * the same for the exit and wait path. Off by default: they cost a printk.
 */
#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

#include <linux/printk.h>
#include <linux/types.h>

extern bool trace_fork_enabled, trace_exit_enabled;

#define trace_fork(fmt, ...)                                                  \
	do {                                                                  \
		if (unlikely(trace_fork_enabled))                             \
			printk(KERN_INFO "fork: " fmt, ##__VA_ARGS__);        \
	} while (0)
#define trace_exit(fmt, ...)                                                  \
	do {                                                                  \
		if (unlikely(trace_exit_enabled))                             \
			printk(KERN_INFO "exit: " fmt, ##__VA_ARGS__);        \
	} while (0)

/* trace=fork's first line for each clone: who clones, and its flags and
 * exit signal in words ("flags CLONE_VM|CLONE_VFORK|SIGCHLD"). */
#define trace_fork_flags(flags, exit_signal)                                  \
	do {                                                                  \
		if (unlikely(trace_fork_enabled))                             \
			__trace_fork_flags(flags, exit_signal);               \
	} while (0)
void __trace_fork_flags(u64 flags, int exit_signal);

#endif
