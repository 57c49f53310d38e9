/*
 * waitid: P_PID, P_PGID and P_ALL select the right children, and siginfo
 * says who and how: si_pid, si_uid, si_signo SIGCHLD, si_code CLD_EXITED
 * with the exit code in si_status, or CLD_KILLED with the signal. WNOHANG
 * with nothing to report returns 0 with si_pid 0. Bad idtype or no event
 * bit: EINVAL.
 */
#include <signal.h>
#include "proc.h"

static int release[2];	/* children block reading this until it closes */

/*
 * Fork a child that exits with code once `release` closes. pgid -1: it stays
 * in our process group; 0: it leads a new group; else it joins group pgid.
 */
static pid_t child(int code, pid_t pgid)
{
	pid_t pid = xfork();
	char c;

	if (pid == 0) {
		if (pgid >= 0)
			OK(setpgid(0, pgid));
		close(release[1]);
		while (read(release[0], &c, 1) > 0)
			;
		exit(code);
	}
	if (pgid >= 0)
		OK(setpgid(pid, pgid ? pgid : pid));	/* both sides, so no race */
	return pid;
}

/* waitid(idtype, id, WEXITED) into *si: it must be a SIGCHLD report from our uid. */
static void wait_info(idtype_t idtype, id_t id, siginfo_t *si)
{
	memset(si, 0, sizeof(*si));
	OK(waitid(idtype, id, si, WEXITED));
	CHECK(si->si_signo == SIGCHLD && si->si_uid == getuid(),
	      "waitid: expected si_signo SIGCHLD and our uid, got signo %d, uid %s",
	      si->si_signo, si->si_uid == getuid() ? "ours" : "another");
}

/* si reports pid exited with code. */
static int exited(const siginfo_t *si, pid_t pid, int code)
{
	return si->si_pid == pid && si->si_code == CLD_EXITED && si->si_status == code;
}

int main(void)
{
	siginfo_t si, s1, s2;
	pid_t a, b, c;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	xpipe(release);

	/* P_PID, a killed child: CLD_KILLED with the signal number. */
	a = child(0, -1);
	memset(&si, 0xff, sizeof(si));
	OK(waitid(P_PID, a, &si, WEXITED | WNOHANG));
	PROP(si.si_pid == 0, "WNOHANG with the child still running: returns 0, si_pid 0");
	OK(kill(a, SIGKILL));
	wait_info(P_PID, a, &si);
	CHECK(si.si_pid == a && si.si_code == CLD_KILLED && si.si_status == SIGKILL,
	      "P_PID: expected the child, CLD_KILLED, SIGKILL; got %s, code %d, status %d",
	      si.si_pid == a ? "the child" : "another pid", si.si_code, si.si_status);
	printf("P_PID, killed child: si_pid, si_uid, SIGCHLD, CLD_KILLED, si_status SIGKILL\n");

	/* P_PGID: a and b in a new group led by a; c stays in ours. */
	a = child(11, 0);
	b = child(12, a);
	c = child(13, -1);
	close(release[1]);
	wait_info(P_PGID, a, &s1);
	wait_info(P_PGID, a, &s2);
	PROP((exited(&s1, a, 11) && exited(&s2, b, 12)) || (exited(&s1, b, 12) && exited(&s2, a, 11)),
	     "P_PGID reports both children of the group, each CLD_EXITED with its own status");
	EXPECT_ERR(waitid(P_PGID, a, &si, WEXITED | WNOHANG), ECHILD);
	printf("then P_PGID for that group: ECHILD\n");
	wait_info(P_ALL, 0, &si);
	PROP(exited(&si, c, 13), "P_ALL reports the child outside the group, CLD_EXITED, status 13");
	EXPECT_ERR(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
	printf("then P_ALL: ECHILD\n");

	EXPECT_ERR(waitid((idtype_t)99, 0, &si, WEXITED), EINVAL);
	EXPECT_ERR(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
	EXPECT_ERR(waitid(P_PID, 0, &si, WEXITED), EINVAL);
	printf("bad idtype, no event bit (WEXITED...), P_PID 0: EINVAL\n");
	pass();
}
