/*
 * sig_pdeathsig: prctl(PR_SET_PDEATHSIG, sig) asks for sig when the parent
 * exits. PR_GET_PDEATHSIG reads it back; a bad signal number is EINVAL; a
 * child of the caller does not inherit it (fork clears it). When the
 * parent exits, the child gets the signal (its handler runs) and is
 * adopted by another process.
 */
#include <sys/prctl.h>
#include "sig.h"

static int report[2];

static void on_usr1(int sig)
{
	(void)sig;
	send_byte(report[1], 'd');
	_exit(0);	/* (its new parent reaps it) */
}

int main(void)
{
	int ready[2], got = -1;
	pid_t middle, pid;

	check_start();
	OK(prctl(PR_SET_PDEATHSIG, SIGUSR1));
	OK(prctl(PR_GET_PDEATHSIG, &got));
	CHECK(got == SIGUSR1, "PR_GET_PDEATHSIG: expected SIGUSR1, got %d", got);
	printf("PR_GET_PDEATHSIG reads back SIGUSR1: yes\n");
	EXPECT_ERR(prctl(PR_SET_PDEATHSIG, 65), EINVAL);
	printf("PR_SET_PDEATHSIG 65: EINVAL\n");
	pid = xfork();
	if (pid == 0) {
		got = -1;
		OK(prctl(PR_GET_PDEATHSIG, &got));
		exit(got == 0 ? 0 : 1);
	}
	EXPECT_EXIT(pid, 0, "child reading its PR_GET_PDEATHSIG");
	printf("a forked child's PR_GET_PDEATHSIG is 0: yes\n");
	OK(prctl(PR_SET_PDEATHSIG, 0));

	xpipe(ready);
	xpipe(report);
	middle = xfork();
	if (middle == 0) {
		if (xfork() == 0) {
			set_action(SIGUSR1, on_usr1, 0);
			OK(prctl(PR_SET_PDEATHSIG, SIGUSR1));
			send_byte(ready[1], 'r');
			for (;;)
				pause();	/* until the signal's handler reports and exits */
		}
		recv_byte(ready[0]);
		exit(0);	/* the parent exits: the child gets SIGUSR1 */
	}
	EXPECT_EXIT(middle, 0, "middle process");
	CHECK(recv_byte(report[0]) == 'd', "the orphan's handler did not report");
	printf("the parent exits: the child's handler for SIGUSR1 runs\n");
	pass();
}
