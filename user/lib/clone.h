/*
 * clone.h: helpers for the clone tests (issue 5). clone3's struct and
 * flags (musl's headers do not have them), a child stack, and two ways to
 * start a child that runs fn(arg) and exits with its return value:
 *
 *   clone_fn(flags, fn, arg, ptid, tls, ctid)   clone (56), through musl's
 *                                               clone(), on child_stack
 *   clone3_fn(args, size, fn, arg)              clone3 (435), raw: the child
 *                                               comes back from the system
 *                                               call on whatever stack args
 *                                               gives (or a copy of ours), so
 *                                               a few lines of assembly call
 *                                               fn there and exit
 *
 * Both return the child's pid, or -1 with errno. fn runs in the child; with
 * CLONE_VM it shares our memory (and errno), so it should do little.
 */
#ifndef USER_CLONE_H
#define USER_CLONE_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* clone() and the CLONE_* flags; include this header first */
#endif
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "proc.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#define CLONE_INTO_CGROUP 0x200000000ULL

/* Linux: include/uapi/linux/sched.h. */
struct clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
#define CLONE_ARGS_SIZE_VER0 64	/* up to tls */
#define CLONE_ARGS_SIZE_VER1 80	/* up to set_tid_size */
#define CLONE_ARGS_SIZE_VER2 88	/* up to cgroup */

#ifndef __WALL
#define __WALL 0x40000000
#endif
#ifndef __WCLONE
#define __WCLONE 0x80000000
#endif

/* The stack a clone_fn() child runs on (the clone3 tests pass their own). */
#define CHILD_STACK_SIZE (64 * 1024)
static char child_stack[CHILD_STACK_SIZE] __attribute__((aligned(16)));

/* clone(2) with the child on child_stack, running fn(arg). */
static inline pid_t clone_fn(unsigned long flags, int (*fn)(void *), void *arg, pid_t *ptid,
			     void *tls, pid_t *ctid)
{
	return clone(fn, child_stack + CHILD_STACK_SIZE, (int)flags, arg, ptid, tls, ctid);
}

/*
 * clone3(2) where the child calls fn(arg) and exits with its result. The
 * child arrives just after `syscall` with RAX 0 and our other registers,
 * on args->stack's top or, without one, on a copy of our stack (no
 * CLONE_VM) or ours itself (CLONE_VFORK: we are stopped meanwhile). It
 * steps below the red zone (128 bytes under RSP the compiler may be
 * using), aligns the stack as a call wants, and never returns.
 */
static inline pid_t clone3_fn(struct clone_args *args, size_t size, int (*fn)(void *), void *arg)
{
	register long rax __asm__("rax") = SYS_clone3;
	register void *rdi __asm__("rdi") = args;
	register size_t rsi __asm__("rsi") = size;
	register int (*r12)(void *) __asm__("r12") = fn;
	register void *r13 __asm__("r13") = arg;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "xor %%ebp, %%ebp\n\t"
			 "sub $128, %%rsp\n\t"
			 "and $-16, %%rsp\n\t"
			 "mov %%r13, %%rdi\n\t"
			 "call *%%r12\n\t"
			 "mov %%eax, %%edi\n\t"
			 "mov $60, %%eax\n\t"	/* SYS_exit: this task only */
			 "syscall\n\t"
			 "hlt\n"
			 "1:"
			 : "+r"(rax)
			 : "r"(rdi), "r"(rsi), "r"(r12), "r"(r13)
			 : "rcx", "r11", "memory");
	if (rax < 0) {
		errno = (int)-rax;
		return -1;
	}
	return (pid_t)rax;
}

/* A child for calls that must fail: if one is made after all, it exits 99. */
static inline int child_exit99(void *arg)
{
	(void)arg;
	return 99;
}

/* The call must fail with err; print "what: ERR". If it made a child
 * after all, reap it (any kind, __WALL) and fail. */
#define EXPECT_CLONE_ERR(what, call, err)                                         \
	do {                                                                      \
		errno = 0;                                                        \
		pid_t p_ = (call);                                                \
		int e_ = errno;                                                   \
		if (p_ > 0)                                                       \
			waitpid(p_, NULL, __WALL);                                \
		CHECK(p_ == -1 && e_ == (err), "%s: expected %s, got %s", (what), \
		      errname(err), p_ == -1 ? errname(e_) : "a child");          \
		printf("%s: %s\n", (what), errname(err));                         \
	} while (0)

/* The calling thread's id (musl 1.2.3 has no gettid()). */
static inline pid_t sys_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

#endif /* USER_CLONE_H */
