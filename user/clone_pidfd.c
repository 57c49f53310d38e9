/*
 * clone_pidfd: CLONE_PIDFD returns a pidfd for the child (clone: through
 * parent_tid; clone3: through args.pidfd), open O_RDWR and close-on-exec.
 * pidfd_send_signal() signals the process it names (signal 0 only checks;
 * flags must be 0), waitid(P_PIDFD) waits for it, and pidfd_open() makes a
 * pidfd for a process that exists. Once the child is reaped, its pidfd
 * reaches nobody: ESRCH, ECHILD. A file that is not a pidfd: EBADF.
 */
#include "clone.h"
#include <fcntl.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#define PIDFD_NONBLOCK O_NONBLOCK

static int release[2];	/* the children wait for this pipe to close */

static int sys_pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags)
{
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, info, flags);
}

static int sys_pidfd_open(pid_t pid, unsigned int flags)
{
	return (int)syscall(SYS_pidfd_open, pid, flags);
}

static int child_waits(void *arg)
{
	char c;

	(void)arg;
	close(release[1]);
	while (read(release[0], &c, 1) > 0)
		;
	return 9;
}

int main(void)
{
	struct clone_args args = { .flags = CLONE_PIDFD, .exit_signal = SIGCHLD };
	siginfo_t si;
	pid_t pid, pid2;
	int pidfd = -1, pidfd2 = -1, nbfd, self;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	xpipe(release);
	pid = (pid_t)OK(clone_fn(CLONE_PIDFD | SIGCHLD, child_waits, NULL, &pidfd, NULL, NULL));
	CHECK(pidfd > 2, "clone CLONE_PIDFD: expected an fd in parent_tid, got %d", pidfd);
	PROP(fcntl(pidfd, F_GETFD) == FD_CLOEXEC, "the pidfd is close-on-exec");
	PROP((fcntl(pidfd, F_GETFL) & O_ACCMODE) == O_RDWR, "the pidfd is open O_RDWR");
	PROP(sys_pidfd_send_signal(pidfd, 0, NULL, 0) == 0, "pidfd_send_signal 0 to a live child: 0");
	EXPECT_ERR(sys_pidfd_send_signal(pidfd, 0, NULL, 1 << 10), EINVAL);
	EXPECT_ERR(sys_pidfd_send_signal(pidfd, 100, NULL, 0), EINVAL);
	printf("pidfd_send_signal with unknown flags or no such signal: EINVAL\n");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_QUEUE;
	EXPECT_ERR(sys_pidfd_send_signal(pidfd, SIGUSR1, &si, 0), EINVAL);
	printf("pidfd_send_signal with a siginfo for another signal: EINVAL\n");
	EXPECT_ERR(sys_pidfd_send_signal(release[0], 0, NULL, 0), EBADF);
	EXPECT_ERR(sys_pidfd_send_signal(-1, 0, NULL, 0), EBADF);
	printf("pidfd_send_signal to a pipe or to fd -1: EBADF\n");
	EXPECT_ERR(waitid(P_PIDFD, release[0], &si, WEXITED), EBADF);
	EXPECT_ERR(waitid(P_PIDFD, -1, &si, WEXITED), EINVAL);
	printf("waitid P_PIDFD with a pipe: EBADF; with -1: EINVAL\n");

	pidfd2 = OK(sys_pidfd_open(pid, 0));
	PROP(fcntl(pidfd2, F_GETFD) == FD_CLOEXEC, "pidfd_open: a close-on-exec pidfd");
	nbfd = OK(sys_pidfd_open(pid, PIDFD_NONBLOCK));
	EXPECT_ERR(waitid(P_PIDFD, nbfd, &si, WEXITED), EAGAIN);
	printf("waitid on a PIDFD_NONBLOCK pidfd of a running child: EAGAIN\n");
	EXPECT_ERR(sys_pidfd_open(0, 0), EINVAL);
	EXPECT_ERR(sys_pidfd_open(-1, 0), EINVAL);
	EXPECT_ERR(sys_pidfd_open(pid, 1), EINVAL);
	printf("pidfd_open of pid 0 or -1, or with unknown flags: EINVAL\n");
	self = OK(sys_pidfd_open(getpid(), 0));
	EXPECT_ERR(waitid(P_PIDFD, self, &si, WEXITED | WNOHANG), ECHILD);
	printf("waitid P_PIDFD on our own pidfd (not a child): ECHILD\n");
	close(self);

	OK(sys_pidfd_send_signal(pidfd2, SIGKILL, NULL, 0));
	memset(&si, 0, sizeof(si));
	OK(waitid(P_PIDFD, pidfd, &si, WEXITED));
	CHECK(si.si_pid == pid && si.si_code == CLD_KILLED && si.si_status == SIGKILL,
	      "waitid P_PIDFD: expected the child killed by SIGKILL, got %s, code %d, status %d",
	      si.si_pid == pid ? "the child" : "another pid", si.si_code, si.si_status);
	printf("pidfd_send_signal SIGKILL, then waitid P_PIDFD: the child, CLD_KILLED, SIGKILL\n");
	EXPECT_ERR(sys_pidfd_send_signal(pidfd, 0, NULL, 0), ESRCH);
	EXPECT_ERR(waitid(P_PIDFD, pidfd, &si, WEXITED), ECHILD);
	EXPECT_ERR(sys_pidfd_open(pid, 0), ESRCH);
	printf("after the child is reaped: pidfd_send_signal ESRCH, waitid ECHILD, pidfd_open ESRCH\n");
	close(pidfd);
	close(pidfd2);
	close(nbfd);

	/* clone3: the pidfd arrives in args.pidfd; the child is a zombie
	 * (not reaped) when we signal it, which is no error. */
	args.pidfd = (uintptr_t)&pidfd;
	pidfd = -1;
	pid2 = (pid_t)OK(clone3_fn(&args, sizeof(args), child_waits, NULL));
	CHECK(pidfd > 2, "clone3 CLONE_PIDFD: expected an fd in args.pidfd, got %d", pidfd);
	close(release[1]);
	memset(&si, 0, sizeof(si));
	OK(waitid(P_PIDFD, pidfd, &si, WEXITED | WNOWAIT));
	CHECK(si.si_pid == pid2 && si.si_code == CLD_EXITED && si.si_status == 9,
	      "waitid P_PIDFD WNOWAIT: expected the clone3 child exited with 9");
	PROP(sys_pidfd_send_signal(pidfd, SIGTERM, NULL, 0) == 0,
	     "clone3 CLONE_PIDFD: pidfd_send_signal to the zombie child succeeds");
	close(pidfd);	/* before reaping: the pid must not leak either way */
	EXPECT_EXIT(pid2, 9, "clone3 child");
	printf("clone3 CLONE_PIDFD: waitid P_PIDFD sees the child exit with 9: yes\n");
	pass();
}
