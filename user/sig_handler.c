/*
 * sig_handler: a handler runs with the signal number as its argument;
 * while it runs, the signal itself and sa_mask are blocked, and the old
 * mask comes back when it returns. A signal raised in its own handler waits
 * for the handler to return, unless SA_NODEFER. SA_RESETHAND makes the
 * handler one-shot. A handler whose frame cannot be written (the alternate
 * stack is unmapped) costs the process a SIGSEGV.
 */
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include "proc.h"

static volatile int calls, depth, max_depth, got_sig;
static volatile int usr1_blocked, usr2_blocked;

static bool blocked(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

static void handler(int sig)
{
	calls++;
	got_sig = sig;
	if (++depth > max_depth)
		max_depth = depth;
	usr1_blocked = blocked(SIGUSR1);
	usr2_blocked = blocked(SIGUSR2);
	if (calls == 1)
		raise(SIGUSR1);	/* again, from inside the handler */
	depth--;
}

static void set_handler(int flags)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	OK(sigaction(SIGUSR1, &sa, NULL));
	calls = depth = max_depth = 0;
}

int main(void)
{
	struct sigaction old;
	pid_t pid;

	check_start();
	set_handler(0);
	OK(raise(SIGUSR1));
	CHECK(got_sig == SIGUSR1, "handler got signal %d, expected SIGUSR1", got_sig);
	printf("handler runs with its signal number: yes\n");
	PROP(usr1_blocked && usr2_blocked, "in the handler, the signal and sa_mask are blocked");
	PROP(!blocked(SIGUSR1) && !blocked(SIGUSR2), "after it returns, neither is blocked");
	CHECK(calls == 2 && max_depth == 1, "expected 2 calls, never nested; got %d calls, depth %d",
	      calls, max_depth);
	printf("raised in its own handler: runs after it returns (2 calls, no nesting)\n");

	set_handler(SA_NODEFER);
	OK(raise(SIGUSR1));
	CHECK(calls == 2 && max_depth == 2, "SA_NODEFER: expected 2 nested calls, got %d calls, depth %d",
	      calls, max_depth);
	PROP(!usr1_blocked && usr2_blocked, "SA_NODEFER: the signal is not blocked, sa_mask is");
	printf("SA_NODEFER: raised in the handler, it nests (depth 2)\n");

	set_handler(SA_RESETHAND);
	pid = xfork();
	if (pid == 0) {
		OK(raise(SIGUSR1));	/* the handler runs once; the raise inside it kills */
		exit(0);
	}
	EXPECT_KILLED(pid, SIGUSR1, "SA_RESETHAND child");
	printf("SA_RESETHAND: the second SIGUSR1 gets the default action (death)\n");
	set_handler(SA_RESETHAND);
	calls = 1;	/* the handler will not raise again */
	OK(raise(SIGUSR1));
	OK(sigaction(SIGUSR1, NULL, &old));
	PROP(calls == 2 && old.sa_handler == SIG_DFL, "SA_RESETHAND: after one call the action is SIG_DFL");

	pid = xfork();
	if (pid == 0) {
		void *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		stack_t ss = { .ss_sp = p, .ss_size = 65536 };
		struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_ONSTACK };

		CHECK(p != MAP_FAILED, "mmap: %s", errname(errno));
		OK(sigaltstack(&ss, NULL));
		OK(munmap(p, 65536));	/* the alternate stack is gone */
		OK(sigaction(SIGUSR2, &sa, NULL));
		raise(SIGUSR2);
		exit(0);
	}
	EXPECT_KILLED(pid, SIGSEGV, "handler with an unmapped alternate stack");
	printf("a frame that cannot be written: SIGSEGV\n");
	pass();
}
