/*
 * segv: a store to address 0. The kernel must kill the program with
 * SIGSEGV and go on (run it under expect_signal SIGSEGV, or as init and
 * check the reported signal). It must never print the FAIL line.
 */
#include "check.h"

int main(void)
{
	/* Both volatile: the compiler can neither see the pointer is NULL nor drop the store. */
	volatile int *volatile null = NULL;

	check_start();
	printf("writing to address 0\n");
	*null = 1;
	CHECK(0, "a store to address 0: expected SIGSEGV, got no fault");
}
