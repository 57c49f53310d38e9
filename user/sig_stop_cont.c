/*
 * sig_stop_cont: job control. SIGSTOP stops a child; its parent gets
 * SIGCHLD with CLD_STOPPED and waitpid(WUNTRACED) reports WIFSTOPPED,
 * once. SIGCONT resumes it: CLD_CONTINUED, and waitpid(WCONTINUED) reports
 * WIFCONTINUED, once. SIGTSTP stops too (in a process group with a parent
 * outside it, so not orphaned), waitid(WSTOPPED) reports CLD_STOPPED. With
 * SA_NOCLDSTOP there is no SIGCHLD for either, but wait still reports.
 * SIGKILL ends a stopped child.
 */
#include <sys/wait.h>
#include "sig.h"

static volatile int chld_count, chld_code, chld_status;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	chld_count++;
	chld_code = si->si_code;
	chld_status = si->si_status;
}

static void catch_chld(int flags)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | flags };

	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGCHLD, &sa, NULL));
}

static const char *code_name(int code)
{
	return code == CLD_STOPPED ? "CLD_STOPPED" : code == CLD_CONTINUED ? "CLD_CONTINUED" : "other";
}

/* A child in its own process group, looping in pause. */
static pid_t pauser(void)
{
	pid_t pid = xfork();

	if (pid == 0) {
		OK(setpgid(0, 0));
		for (;;)
			pause();
	}
	setpgid(pid, pid);	/* (either may run first) */
	return pid;
}

/* Wait (blocking, restarting) with options; the status. */
static int wait_for(pid_t pid, int options)
{
	int status = 0, r;

	do
		r = waitpid(pid, &status, options);
	while (r == -1 && errno == EINTR);
	CHECK(r == pid, "waitpid(0x%x): expected the child, got %d (%s)", options, r,
	      r < 0 ? errname(errno) : "0");
	return status;
}

/* Until the SIGCHLD handler has run n times. */
static void wait_chld(int n)
{
	for (int i = 0; i < 1000 && chld_count < n; i++)
		msleep(2);
	CHECK(chld_count == n, "expected %d SIGCHLD, got %d", n, chld_count);
}

int main(void)
{
	siginfo_t info;
	pid_t pid;
	int status;

	check_start();
	catch_chld(0);
	pid = pauser();
	wait_for_state(pid, 'S');
	OK(kill(pid, SIGSTOP));
	status = wait_for(pid, WUNTRACED);
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP, "expected stopped by SIGSTOP, got %s",
	      status_str(status));
	printf("SIGSTOP: waitpid(WUNTRACED) reports %s\n", status_str(status));
	wait_chld(1);
	printf("SIGCHLD: %s, si_status %s\n", code_name(chld_code), signame(chld_status));
	CHECK(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0, "WIFSTOPPED reported twice");
	printf("reported once: a second waitpid(WUNTRACED|WNOHANG) returns 0\n");

	OK(kill(pid, SIGCONT));
	status = wait_for(pid, WCONTINUED);
	PROP(WIFCONTINUED(status), "SIGCONT: waitpid(WCONTINUED) reports WIFCONTINUED");
	wait_chld(2);
	printf("SIGCHLD: %s, si_status %s\n", code_name(chld_code), signame(chld_status));
	CHECK(waitpid(pid, &status, WCONTINUED | WNOHANG) == 0, "WIFCONTINUED reported twice");
	printf("reported once: a second waitpid(WCONTINUED|WNOHANG) returns 0\n");

	wait_for_state(pid, 'S');
	OK(kill(pid, SIGTSTP));
	memset(&info, 0, sizeof(info));
	OK(waitid(P_PID, pid, &info, WSTOPPED));
	printf("SIGTSTP: waitid(WSTOPPED) reports %s, si_status %s\n", code_name(info.si_code),
	       signame(info.si_status));
	wait_chld(3);

	catch_chld(SA_NOCLDSTOP);
	OK(kill(pid, SIGCONT));
	status = wait_for(pid, WCONTINUED);
	CHECK(WIFCONTINUED(status), "expected continued, got %s", status_str(status));
	wait_for_state(pid, 'S');
	OK(kill(pid, SIGSTOP));
	status = wait_for(pid, WUNTRACED);
	CHECK(WIFSTOPPED(status), "expected stopped, got %s", status_str(status));
	msleep(50);
	CHECK(chld_count == 3, "SA_NOCLDSTOP: expected no more SIGCHLD, got %d", chld_count - 3);
	printf("SA_NOCLDSTOP: no SIGCHLD for stop or continue, wait still reports both\n");

	OK(kill(pid, SIGKILL));
	EXPECT_KILLED(pid, SIGKILL, "stopped child");
	printf("SIGKILL ends a stopped child: yes\n");
	pass();
}
