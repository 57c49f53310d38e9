/*
 * sig_threads: signals in a process with two threads (made with a raw
 * clone(CLONE_THREAD), so no futex or libc thread support is needed). A
 * signal sent to the process goes to a thread that does not block it: the
 * main thread blocks SIGUSR1, so the handler runs in the other thread.
 * tgkill picks the thread. A signal whose default action kills kills the
 * whole process: the parent's wait sees it once every thread is gone.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include "sig.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM)

static volatile int thread_tid, thread_ready, handler_tid, handled;

static long raw(long nr, long a, long b, long c, long d)
{
	register long r10 __asm__("r10") = d;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * clone() with a new stack, the child running fn() there and exiting with
 * its return value. Only raw system calls in the thread: it shares the
 * parent's TLS (and so errno).
 */
static long clone_thread(int (*fn)(void), void *stack_top)
{
	long ret;
	register long r10 __asm__("r10") = 0;
	register long r8 __asm__("r8") = 0;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "xor %%ebp, %%ebp\n\t"
			 "call *%%rbx\n\t"
			 "mov %%eax, %%edi\n\t"
			 "mov $60, %%eax\n\t"	/* exit: this thread only */
			 "syscall\n\t"
			 "hlt\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(SYS_clone), "D"(THREAD_FLAGS), "S"(stack_top), "d"(0), "r"(r10), "r"(r8),
			   "b"(fn)
			 : "rcx", "r11", "memory");
	return ret;
}

static void on_sig(int sig)
{
	(void)sig;
	handler_tid = (int)raw(SYS_gettid, 0, 0, 0, 0);
	handled++;
}

/* The second thread: does not block SIGUSR1, waits in pause until told. */
static int second_thread(void)
{
	unsigned long none = 0;

	raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&none, 0, 8);	/* blocks nothing */
	thread_tid = (int)raw(SYS_gettid, 0, 0, 0, 0);
	thread_ready = 1;
	for (;;)
		raw(SYS_pause, 0, 0, 0, 0);
	return 0;
}

static char stack[65536] __attribute__((aligned(16)));

static void start_second_thread(void)
{
	thread_ready = 0;
	CHECK(clone_thread(second_thread, stack + sizeof(stack)) > 0, "clone(CLONE_THREAD) failed");
	while (!thread_ready)
		sched_yield();
}

int main(void)
{
	sigset_t block;
	pid_t pid;
	int status;

	check_start();
	pid = xfork();
	if (pid == 0) {
		set_action(SIGUSR1, on_sig, 0);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		OK(sigprocmask(SIG_BLOCK, &block, NULL));	/* the main thread blocks it */
		start_second_thread();
		OK(kill(getpid(), SIGUSR1));
		while (!handled)
			sched_yield();
		CHECK(handler_tid == thread_tid && handler_tid != getpid(),
		      "the handler ran in %s", handler_tid == getpid() ? "the main thread" : "another thread");
		printf("kill to the process: the handler runs in the thread that does not block it\n");
		handled = 0;
		set_action(SIGUSR2, on_sig, 0);
		CHECK(raw(SYS_tgkill, getpid(), thread_tid, SIGUSR2, 0) == 0, "tgkill failed");
		while (!handled)
			sched_yield();
		CHECK(handler_tid == thread_tid, "tgkill: the handler ran in another thread");
		printf("tgkill to the second thread: the handler runs there\n");
		_exit(0);	/* exit_group: both threads end */
	}
	EXPECT_EXIT(pid, 0, "two-thread process");

	pid = xfork();
	if (pid == 0) {
		start_second_thread();
		for (;;)
			pause();
	}
	wait_for_state(pid, 'S');
	OK(kill(pid, SIGTERM));
	OK(waitpid(pid, &status, 0));
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "expected killed by SIGTERM, got %s",
	      status_str(status));
	printf("SIGTERM (default: terminate) to a two-thread process: both threads end, wait sees SIGTERM\n");
	pass();
}
