/*
 * enosys: a system call number the kernel does not know returns -1 with
 * ENOSYS (never a silent 0, never a crash), and the program goes on. 1000,
 * 4095 and 100000 are above the table; 400 is in x86-64's unused gap
 * between 334 and 424.
 */
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	check_start();
	EXPECT_ERR(syscall(1000), ENOSYS);
	EXPECT_ERR(syscall(4095, 1, 2, 3), ENOSYS);
	EXPECT_ERR(syscall(100000), ENOSYS);
	EXPECT_ERR(syscall(400), ENOSYS);
	printf("system calls 400, 1000, 4095 and 100000: -1 with ENOSYS\n");
	PROP(syscall(SYS_getpid) == getpid(), "a known system call still works afterwards");
	pass();
}
