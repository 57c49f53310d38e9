/*
 * Resource limits: getrlimit, setrlimit, prlimit64. Each process has a
 * soft limit (what is enforced) and a hard limit (the ceiling the soft
 * limit may be raised to without privilege) per resource, in its
 * signal_struct: shared by its threads, inherited by fork, kept by exec.
 * Linux: include/uapi/linux/resource.h, include/uapi/asm-generic/resource.h,
 * include/asm-generic/resource.h.
 *
 * Every limit can be read and set; only RLIMIT_NPROC is enforced (in
 * copy_process). The others are stored and reported, as programs expect.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

#define RLIMIT_CPU 0	/* CPU time, seconds */
#define RLIMIT_FSIZE 1	/* largest file size */
#define RLIMIT_DATA 2	/* largest data segment (heap) */
#define RLIMIT_STACK 3	/* largest stack */
#define RLIMIT_CORE 4	/* largest core file */
#define RLIMIT_RSS 5	/* largest resident set */
#define RLIMIT_NPROC 6	/* most processes of the real user: enforced by fork */
#define RLIMIT_NOFILE 7	/* most open files */
#define RLIMIT_MEMLOCK 8	/* most locked-in-memory bytes */
#define RLIMIT_AS 9	/* largest address space */
#define RLIMIT_LOCKS 10	/* most file locks */
#define RLIMIT_SIGPENDING 11	/* most pending signals */
#define RLIMIT_MSGQUEUE 12	/* most bytes in POSIX message queues */
#define RLIMIT_NICE 13	/* nice ceiling, as 20 - nice */
#define RLIMIT_RTPRIO 14	/* real-time priority ceiling */
#define RLIMIT_RTTIME 15	/* real-time CPU time without a blocking call, us */
#define RLIM_NLIMITS 16

#define RLIM_INFINITY (~0UL)	/* no limit */

struct rlimit {
	unsigned long rlim_cur;	/* the soft limit */
	unsigned long rlim_max;	/* the hard limit */
};

/* prlimit64's layout: the same as struct rlimit on a 64-bit kernel. */
struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

#define _STK_LIM (8UL << 20)	/* default stack soft limit, 8 MiB (as linux/mm.h has it) */
#define MLOCK_LIMIT (8 * 1024 * 1024)
#define MQ_BYTES_MAX 819200
#define INR_OPEN_CUR 1024	/* default soft limit on open files */
#define INR_OPEN_MAX 4096	/* ...and hard limit */
#define NR_OPEN (1024 * 1024)	/* RLIMIT_NOFILE may not go above (Linux: sysctl nr_open) */

/*
 * init's limits, which every process inherits. RLIMIT_NPROC and
 * RLIMIT_SIGPENDING are filled in by fork_init() from the memory size
 * (max_threads / 2), as Linux does.
 */
#define INIT_RLIMITS                                                   \
	{                                                              \
		[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },       \
		[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },     \
		[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },      \
		[RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },          \
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },                  \
		[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },       \
		[RLIMIT_NPROC] = { 0, 0 },                             \
		[RLIMIT_NOFILE] = { INR_OPEN_CUR, INR_OPEN_MAX },      \
		[RLIMIT_MEMLOCK] = { MLOCK_LIMIT, MLOCK_LIMIT },       \
		[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },        \
		[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },     \
		[RLIMIT_SIGPENDING] = { 0, 0 },                        \
		[RLIMIT_MSGQUEUE] = { MQ_BYTES_MAX, MQ_BYTES_MAX },    \
		[RLIMIT_NICE] = { 0, 0 },                              \
		[RLIMIT_RTPRIO] = { 0, 0 },                            \
		[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },    \
	}

struct task_struct;
struct signal_struct;

/* kernel/rlimit.c */
int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
	       struct rlimit *old_rlim);
void copy_rlimits(struct signal_struct *sig);

#endif
