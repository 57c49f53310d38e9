/*
 * sig_siginfo: an SA_SIGINFO handler learns who sent the signal and why.
 * kill(): SI_USER with the sender's pid and uid; sigqueue(): SI_QUEUE and
 * the value; raise() (tkill): SI_TKILL; a child's exit: SIGCHLD with
 * CLD_EXITED, its pid and status. A fault on a page without access:
 * SIGSEGV, SEGV_ACCERR, si_addr the address; the handler can fix the page
 * (mprotect) and return, and the access then succeeds. On an unmapped
 * page: SEGV_MAPERR; the handler leaves with siglongjmp.
 */
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include "proc.h"

static siginfo_t last;
static volatile int count;
static char *page;
static sigjmp_buf env;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	last = *si;
	count++;
}

static void on_segv_fix(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	last = *si;
	count++;
	mprotect(page, 4096, PROT_READ | PROT_WRITE);
}

static void on_segv_jump(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	last = *si;
	siglongjmp(env, 1);
}

static void catch(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	OK(sigaction(sig, &sa, NULL));
}

static const char *code_name(int code)
{
	switch (code) {
	case SI_USER: return "SI_USER";
	case SI_QUEUE: return "SI_QUEUE";
	case SI_TKILL: return "SI_TKILL";
	case SI_KERNEL: return "SI_KERNEL";
	default: return "other";
	}
}

int main(void)
{
	pid_t pid;

	check_start();
	catch(SIGUSR1, on_info);
	OK(kill(getpid(), SIGUSR1));
	CHECK(count == 1 && last.si_signo == SIGUSR1, "kill: handler calls %d, si_signo %d", count,
	      last.si_signo);
	printf("kill: si_code %s\n", code_name(last.si_code));
	PROP(last.si_pid == getpid() && last.si_uid == getuid(), "kill: si_pid and si_uid are the sender's");

	OK(sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 42 }));
	printf("sigqueue: si_code %s, si_value %d\n", code_name(last.si_code), last.si_value.sival_int);
	PROP(last.si_pid == getpid(), "sigqueue: si_pid is the sender's");

	OK(raise(SIGUSR1));
	printf("raise: si_code %s\n", code_name(last.si_code));

	catch(SIGCHLD, on_info);
	count = 0;
	sigset_t chld, old;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, &old));	/* no SIGCHLD between the test and the wait */
	pid = xfork();
	if (pid == 0)
		exit(3);
	while (count == 0)
		sigsuspend(&old);
	OK(sigprocmask(SIG_SETMASK, &old, NULL));
	CHECK(last.si_signo == SIGCHLD && last.si_pid == pid, "SIGCHLD: si_signo %d, si_pid %s",
	      last.si_signo, last.si_pid == pid ? "the child's" : "another");
	printf("SIGCHLD: si_code %s, si_status %d\n", last.si_code == CLD_EXITED ? "CLD_EXITED" : "other",
	       last.si_status);
	EXPECT_EXIT(pid, 3, "child");

	page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED, "mmap: %s", errname(errno));
	catch(SIGSEGV, on_segv_fix);
	count = 0;
	page[100] = 'x';	/* faults once; the handler opens the page; then it works */
	CHECK(count == 1 && page[100] == 'x', "handler calls %d, byte %d", count, page[100]);
	printf("SIGSEGV on a PROT_NONE page: si_code %s\n",
	       last.si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other");
	PROP(last.si_addr == page + 100, "si_addr is the faulting address");
	printf("the handler mprotects the page and returns: the write is done\n");

	OK(munmap(page, 4096));
	catch(SIGSEGV, on_segv_jump);
	if (sigsetjmp(env, 1) == 0) {
		page[7] = 'y';
		CHECK(0, "a write to an unmapped page succeeded");
	}
	printf("SIGSEGV on an unmapped page: si_code %s\n",
	       last.si_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
	PROP(last.si_addr == page + 7, "si_addr is the faulting address");
	printf("siglongjmp out of the handler: yes\n");
	pass();
}
