/*
 * pgrp: process groups and sessions, as a shell uses them. A child inherits
 * its parent's group and session; setpgid(0, 0) makes a new group; a group
 * leader cannot setsid (EPERM); its child can, and becomes leader of a new
 * session and group; a process cannot join a group in another session
 * (EPERM); a session leader cannot change group (EPERM); the parent cannot
 * move a child that has exec'd (EACCES); nor a process that is not its
 * child (ESRCH). No controlling terminal is needed for any of this.
 *
 *     pgrp --wait     (the exec'd mode: read stdin to EOF, exit 0)
 */
#include <fcntl.h>
#include "proc.h"

/* The middle child: its own group, then a grandchild that starts a session. */
static void group_leader(pid_t pg0, pid_t sid0)
{
	pid_t me = getpid(), g;

	PROP(getpgrp() == pg0 && getsid(0) == sid0, "child: inherits the parent's group and session");
	OK(setpgid(0, 0));
	PROP(getpgrp() == me && getpgid(0) == me, "child: setpgid(0, 0) makes it leader of a new group");
	EXPECT_ERR(setsid(), EPERM);
	printf("child: setsid as a group leader: EPERM\n");
	g = xfork();
	if (g == 0) {
		PROP(getpgrp() == me, "grandchild: inherits the new group");
		PROP(setsid() == getpid(), "grandchild: setsid returns its pid");
		PROP(getsid(0) == getpid() && getpgrp() == getpid(),
		     "grandchild: leads a new session and a new group");
		EXPECT_ERR(setpgid(0, me), EPERM);
		printf("grandchild: joining a group of another session: EPERM\n");
		EXPECT_ERR(setpgid(0, 0), EPERM);
		printf("grandchild: a session leader changing its group: EPERM\n");
		EXPECT_ERR(setsid(), EPERM);
		printf("grandchild: setsid again: EPERM\n");
		exit(0);
	}
	EXPECT_EXIT(g, 0, "grandchild");
	exit(0);
}

int main(int argc, char **argv)
{
	char *wait_argv[] = { "pgrp", "--wait", NULL }, *envp[] = { NULL }, c;
	pid_t pg0, sid0, pid, gone;
	int hold[2], execd[2];

	check_start();
	if (argc == 2 && !strcmp(argv[1], "--wait")) {
		while (read(0, &c, 1) > 0)
			;
		exit(0);
	}
	/*
	 * Booted as init, Linux's pid 1 is in session 0 and group 0 (the idle
	 * task's); an init starts its own session first, and so do we, since
	 * setpgid(pid, 0) would otherwise mean "pid's own group", not group 0.
	 */
	if (getpgrp() == 0)
		OK(setsid());
	pg0 = getpgrp();
	sid0 = getsid(0);
	PROP(getpgid(0) == pg0 && getpgid(getpid()) == pg0, "getpgid(0) and getpgid(self) equal getpgrp()");
	PROP(getsid(getpid()) == sid0, "getsid(self) equals getsid(0)");

	pid = xfork();
	if (pid == 0)
		group_leader(pg0, sid0);
	EXPECT_EXIT(pid, 0, "child");
	gone = pid;	/* reaped: no longer our child, nor anyone's */
	EXPECT_ERR(getpgid(gone), ESRCH);
	EXPECT_ERR(getsid(gone), ESRCH);
	EXPECT_ERR(setpgid(gone, 0), ESRCH);
	printf("getpgid, getsid, setpgid of a reaped pid: ESRCH\n");
	EXPECT_ERR(setpgid(0, -1), EINVAL);
	printf("setpgid to a negative group: EINVAL\n");

	/* The parent moves a child: allowed until the child execs. */
	OK(pipe2(hold, O_CLOEXEC));	/* so the exec'd child holds no write end */
	pid = xfork();
	if (pid == 0) {
		recv_byte(hold[0]);
		exit(0);
	}
	PROP(getpgid(pid) == pg0, "a new child is in the parent's group");
	OK(setpgid(pid, pid));
	PROP(getpgid(pid) == pid, "the parent puts the child in a new group of its own");
	EXPECT_ERR(setpgid(pid, 0x7ffffff0), EPERM);	/* no such group (nor pid) */
	printf("moving the child to a group that does not exist: EPERM\n");
	OK(setpgid(pid, pg0));
	PROP(getpgid(pid) == pg0, "and back into the parent's group");
	send_byte(hold[1], 'x');
	EXPECT_EXIT(pid, 0, "child");

	/* execd closes on exec: its read end sees EOF once the child has exec'd. */
	OK(pipe2(execd, O_CLOEXEC));
	pid = xfork();
	if (pid == 0) {
		dup2(hold[0], 0);
		execve(bin_path("pgrp"), wait_argv, envp);
		printf("FAIL: %s: execve(%s): %s\n", TEST_NAME, bin_path("pgrp"), errname(errno));
		exit(127);
	}
	OK(close(execd[1]));
	EXPECT_EQ(read(execd[0], &c, 1), 0);
	EXPECT_ERR(setpgid(pid, pid), EACCES);
	printf("setpgid of a child that has exec'd: EACCES\n");
	OK(close(hold[1]));
	EXPECT_EXIT(pid, 0, "exec'd child");
	pass();
}
