/*
 * brk: the program break. brk(0) reports it; growing it gives zeroed memory
 * that takes writes; shrinking gives pages back, so growing again reads
 * zero; a request below the start fails and leaves the break where it was.
 * The raw system call is used: musl's brk() always fails (its malloc does
 * not rely on brk) and its sbrk() only answers sbrk(0).
 */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define PG 4096UL
#define GROW (1024 * 1024UL)

extern char end[];	/* the linker's end of .bss */

/* Linux's brk returns the new break, or the old one when it refuses. */
static char *sys_brk(void *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

int main(void)
{
	char *b0, *top, *cut, *p;
	int ok = 1;

	check_start();
	b0 = sys_brk(0);
	PROP(b0 >= end, "the initial break lies above the program's .bss");
	PROP(sbrk(0) == b0, "sbrk(0) agrees with brk(0)");

	top = sys_brk(b0 + GROW);
	PROP(top == b0 + GROW && sys_brk(0) == top, "brk grows by 1 MiB and brk(0) reports it");
	for (p = b0; p < top; p++)
		ok &= *p == 0;
	PROP(ok, "the new memory reads zero");
	for (p = b0; p < top; p++)
		*p = (char)((uintptr_t)p >> 4);
	for (p = b0; p < top; p++)
		ok &= *p == (char)((uintptr_t)p >> 4);
	PROP(ok, "1 MiB written above the old break reads back");

	/* Cut at a page boundary so the pages above it are wholly given back. */
	cut = (char *)(((uintptr_t)b0 + GROW / 4 + PG - 1) & ~(PG - 1));
	PROP(sys_brk(cut) == cut && sys_brk(0) == cut, "brk shrinks and brk(0) reports it");
	PROP(sys_brk(top) == top, "brk grows again to 1 MiB");
	for (p = b0; p < cut; p++)
		ok &= *p == (char)((uintptr_t)p >> 4);
	PROP(ok, "memory below the shrunk break kept its data");
	for (p = cut; p < top; p++)
		ok &= *p == 0;
	PROP(ok, "memory given back and grown again reads zero");

	PROP(sys_brk((void *)PG) == top && sys_brk(0) == top,
	     "brk below the program's start fails: the break stays");
	PROP(sys_brk(b0) == b0, "brk back to the initial break");
	pass();
}
