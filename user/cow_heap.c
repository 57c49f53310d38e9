/*
 * cow_heap: after fork, heap memory is private in both directions: a small
 * malloc block and a 1 MiB one (musl maps large blocks with mmap).
 */
#include "cow.h"

int main(void)
{
	unsigned char *small = malloc(1000), *large = malloc(1 << 20);

	check_start();
	CHECK(small && large, "malloc: expected memory, got NULL");
	cow_both_ways(small, 1000, "a 1000-byte malloc block");
	cow_both_ways(large, 1 << 20, "a 1 MiB malloc block");
	pass();
}
