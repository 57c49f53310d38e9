/*
 * munmap_segv: after munmap, touching the range kills the program with
 * SIGSEGV (the page is gone, not still mapped or silently re-created).
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
	printf("read before munmap: %d\n", p[0]);
	OK(munmap((void *)p, 4096));
	printf("reading the unmapped page\n");
	printf("read after munmap: %d\n", p[0]);
	CHECK(0, "a load from an unmapped page: expected SIGSEGV, got no fault");
}
