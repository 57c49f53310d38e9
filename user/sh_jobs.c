/*
 * sh_jobs: the shell's background jobs: `cmd &` forks a copy of the shell
 * that runs it while the shell goes on; jobs lists them by number; wait
 * (all), wait %N and wait PID reap them and give their status. The script
 * is user/sh_jobs.sh; its output is user/expected/sh_jobs.out.
 *
 * A job that is still running when `jobs` lists it must really be running:
 * it reads commands from a pipe (fd 3) that the script writes only later
 * (fd 4), so the listing never depends on timing.
 */
#include "shtest.h"

SHTEST_SCRIPT("user/sh_jobs.sh");

int main(void)
{
	int fds[2];

	check_start();
	xpipe(fds);
	/* Out of the way first, so that neither lands on the other's fd. */
	int rd = OK(fcntl(fds[0], F_DUPFD, 10)), wr = OK(fcntl(fds[1], F_DUPFD, 10));
	close(fds[0]);
	close(fds[1]);
	OK(dup2(rd, 3));
	OK(dup2(wr, 4));
	close(rd);
	close(wr);
	EXPECT_SCRIPT_EXIT(script, 0);
	pass();
}
