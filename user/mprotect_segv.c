/*
 * mprotect_segv: a page made read-only with mprotect can still be read, and
 * a store to it kills the program with SIGSEGV.
 */
#include <sys/mman.h>
#include "check.h"

int main(void)
{
	volatile int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	check_start();
	CHECK(p != MAP_FAILED, "mmap: expected memory, got %s", errname(errno));
	p[0] = 42;
	OK(mprotect((void *)p, 4096, PROT_READ));
	printf("read after mprotect(PROT_READ): %d\n", p[0]);
	printf("writing to the read-only page\n");
	p[0] = 1;
	CHECK(0, "a store to a read-only page: expected SIGSEGV, got no fault");
}
