/*
 * hello: the smallest user program. It needs execve, the initial stack,
 * musl's start-up (arch_prctl, set_tid_address), write and exit_group.
 */
#include "check.h"

int main(void)
{
	check_start();
	printf("Hello from user space.\n");
	pass();
}
