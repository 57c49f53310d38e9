/*
 * smp.h: what the SMP tests share: the CPUs this process may use, pinning
 * to one of them, and CLONE_VM helpers (tasks sharing the address space,
 * for tests that need a second thread of execution without pthreads).
 */
#ifndef USER_SMP_H
#define USER_SMP_H

#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

/* The allowed CPUs, in *set; how many. */
static inline int smp_allowed(cpu_set_t *set)
{
	CPU_ZERO(set);
	CHECK(sched_getaffinity(0, sizeof(*set), set) == 0, "sched_getaffinity: %s",
	      errname(errno));
	return CPU_COUNT(set);
}

/* The n-th allowed CPU (n taken modulo their number). */
static inline int smp_nth_cpu(const cpu_set_t *set, int n)
{
	n %= CPU_COUNT(set);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, set) && n-- == 0)
			return cpu;
	return -1;
}

/*
 * Pin the caller to cpu with a raw system call: a CLONE_VM helper shares
 * the C library's thread data (errno) with its creator, so it must not go
 * through the library. Returns 0 or -errno.
 */
static inline long smp_pin_raw(int cpu)
{
	unsigned long mask[16] = { 0 };
	long ret;

	mask[cpu / 64] = 1UL << (cpu % 64);
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"((long)SYS_sched_setaffinity), "D"(0L), "S"((long)sizeof(mask)),
			   "d"(mask)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Pin the caller to cpu, through the library (for ordinary processes). */
static inline void smp_pin(int cpu)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	CHECK(sched_setaffinity(0, sizeof(one), &one) == 0, "sched_setaffinity(CPU%d): %s", cpu,
	      errname(errno));
}

/*
 * Start fn(arg) in a task sharing our memory (CLONE_VM), on its own stack
 * of STACK bytes; it is reaped with waitpid like a child. fn may only use
 * atomics and raw system calls (see smp_pin_raw).
 */
static inline pid_t smp_start_helper(int (*fn)(void *), void *arg, char *stack, size_t size)
{
	pid_t pid = clone(fn, stack + size, CLONE_VM | SIGCHLD, arg);

	CHECK(pid > 0, "clone(CLONE_VM): %s", errname(errno));
	return pid;
}

/* Reap pid; it must have exited with status 0. */
static inline void smp_reap(pid_t pid, const char *what)
{
	int status;

	CHECK(waitpid(pid, &status, 0) == pid, "waitpid(%s): %s", what, errname(errno));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "%s: expected exit status 0, got wait status %#x", what, status);
}

#endif /* USER_SMP_H */
