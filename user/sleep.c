/*
 * sleep SECONDS: wait, then exit 0. A program to try job control on at
 * the shell: `sleep 100` then ^C (SIGINT ends it), or ^Z (it stops; `fg`
 * continues it). Not a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec t = { argc > 1 ? atol(argv[1]) : 1, 0 };

	if (argc != 2 || t.tv_sec < 0) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	while (nanosleep(&t, &t) != 0)
		;	/* (only a handled signal would interrupt it; none is set) */
	return 0;
}
