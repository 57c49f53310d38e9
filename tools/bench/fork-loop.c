/*
 * The loop tools/bench/profile.sh profiles by default: N times fork (or
 * -DCALL=vfork), the child exits at once, the parent waits. Built with
 * -DN=0 and -DN=<count>; the difference of the two profiles is the loop.
 */
#include <sys/wait.h>
#include <unistd.h>

#ifndef CALL
#define CALL fork
#endif

int main(void)
{
	for (int i = 0; i < N; i++) {
		pid_t pid = CALL();

		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	return 0;
}
