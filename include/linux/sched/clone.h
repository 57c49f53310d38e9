/* Clone flags and clone3's arguments (uapi: include/uapi/linux/sched.h). */
#ifndef _LINUX_SCHED_CLONE_H
#define _LINUX_SCHED_CLONE_H

#include <linux/types.h>

#define CSIGNAL 0x000000ff	/* the exit signal is in the low byte */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000
#define CLONE_IO 0x80000000UL

/* Flags only clone3 can pass: they lie above clone's 32 bits. */
#define CLONE_CLEAR_SIGHAND 0x100000000ULL	/* handlers back to SIG_DFL, SIG_IGN kept */
#define CLONE_INTO_CGROUP 0x200000000ULL	/* start in the cgroup that clone_args.cgroup names */

/*
 * What clone3() reads from user space. The struct grows at its end: the
 * caller passes its size, and a kernel accepts any size from the first
 * version's up, as long as fields it does not know are zero.
 */
struct clone_args {
	u64 flags;	/* CLONE_* (no exit signal in the low byte) */
	u64 pidfd;	/* CLONE_PIDFD: where to store the pidfd (int *) */
	u64 child_tid;	/* CLONE_CHILD_SETTID/CLEARTID: the child's tid word */
	u64 parent_tid;	/* CLONE_PARENT_SETTID: the parent's copy of the tid */
	u64 exit_signal;	/* sent to the parent when the child exits; 0: none */
	u64 stack;	/* the lowest address of the child's stack ... */
	u64 stack_size;	/* ... and its size (x86: sp starts at stack + stack_size) */
	u64 tls;	/* CLONE_SETTLS: the new FS base */
	u64 set_tid;	/* an array of pids to ask for, one per pid namespace level */
	u64 set_tid_size;
	u64 cgroup;	/* CLONE_INTO_CGROUP: an fd of a cgroup2 directory */
};

#define CLONE_ARGS_SIZE_VER0 64	/* up to tls (Linux 5.3) */
#define CLONE_ARGS_SIZE_VER1 80	/* up to set_tid_size (5.5) */
#define CLONE_ARGS_SIZE_VER2 88	/* up to cgroup (5.7) */

#endif
