/*
 * thread_leak: 10,000 pthread_create + pthread_join in a row, each thread
 * returning its number, which join must give back. The program checks the
 * results; the kernel's ktest "threads" runs it and checks that free
 * pages, slab objects, pids and tasks are back where they started
 * (kernel/thread_test.c): a kernel test can see a leak, a user one cannot.
 * With -q (as the ktest runs it) it prints nothing and only exits 0 or 1.
 */
#include <pthread.h>
#include "check.h"

#define ROUNDS 10000

static void *return_arg(void *arg)
{
	return arg;
}

int main(int argc, char **argv)
{
	int quiet = argc > 1 && !strcmp(argv[1], "-q");

	check_start();
	for (long i = 0; i < ROUNDS; i++) {
		pthread_t t;
		void *ret;

		if (pthread_create(&t, NULL, return_arg, (void *)i) || pthread_join(t, &ret) ||
		    ret != (void *)i) {
			if (!quiet)
				printf("FAIL: %s: round %ld: create/join failed or wrong value\n",
				       TEST_NAME, i);
			return 1;
		}
	}
	if (quiet)
		return 0;
	printf("%d threads created and joined, each returned its number: yes\n", ROUNDS);
	pass();
}
