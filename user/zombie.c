/*
 * zombie: a child that has exited stays a zombie until it is reaped: it
 * still exists for kill(pid, 0), waitid(WEXITED|WNOWAIT) reports it twice
 * without reaping it, then wait4 reaps it with its status, and after that
 * it is gone: wait4 says ECHILD and kill says ESRCH.
 */
#include <signal.h>
#include "proc.h"

int main(void)
{
	siginfo_t si;
	pid_t pid;
	int status;

	check_start();
	pid = xfork();
	if (pid == 0)
		exit(42);
	for (int round = 1; round <= 2; round++) {
		memset(&si, 0, sizeof(si));
		OK(waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
		CHECK(si.si_pid == pid && si.si_signo == SIGCHLD && si.si_code == CLD_EXITED &&
		      si.si_status == 42,
		      "waitid WNOWAIT #%d: expected the child, SIGCHLD, CLD_EXITED, 42; got "
		      "%s, signo %d, code %d, status %d", round,
		      si.si_pid == pid ? "the child" : "another pid", si.si_signo, si.si_code,
		      si.si_status);
		printf("waitid(P_PID, WEXITED|WNOWAIT) #%d: the exited child, status 42: yes\n", round);
	}
	PROP(kill(pid, 0) == 0, "kill(zombie, 0) succeeds: it still exists");
	EXPECT_EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "wait4: expected exited with 42, got %s", status_str(status));
	printf("wait4 reaps it: exited with 42\n");
	EXPECT_ERR(wait4(pid, &status, 0, NULL), ECHILD);
	EXPECT_ERR(waitid(P_PID, pid, &si, WEXITED | WNOHANG), ECHILD);
	EXPECT_ERR(kill(pid, 0), ESRCH);
	printf("after reaping: wait4 and waitid ECHILD, kill ESRCH\n");
	pass();
}
