/*
 * memcpy and memset with x86's string instructions: "rep movsq"/"rep stosq"
 * move 8 bytes per step, "rep movsb"/"rep stosb" the last few. They use
 * only general registers, so no SSE state is touched. Zeroing a page this
 * way costs 512 steps instead of 4096: it is most of the price of a page
 * fault and of copying page tables at fork (docs/benchmarks.md).
 * Linux: arch/x86/lib/memcpy_64.S, memset_64.S.
 */
#include <linux/string.h>

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t quads = n / 8, rest = n % 8;

	__asm__ __volatile__("rep movsq\n\t"
			     "mov %3, %%rcx\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(quads)
			     : "r"(rest)
			     : "memory");
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t quads = n / 8, rest = n % 8;
	unsigned long pattern = 0x0101010101010101UL * (unsigned char)c;

	__asm__ __volatile__("rep stosq\n\t"
			     "mov %3, %%rcx\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(quads)
			     : "a"(pattern), "r"(rest)
			     : "memory");
	return s;
}
