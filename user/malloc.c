/*
 * malloc: musl's allocator on top of the kernel's brk and mmap. Many small
 * blocks and some large ones (which musl maps with mmap) keep their
 * contents; freed memory is reused; calloc memory reads zero; realloc keeps
 * the old contents.
 */
#include <stdint.h>
#include "check.h"

#define NSMALL 10000
#define MiB (1024 * 1024)

static unsigned char *small[NSMALL];
static size_t small_len[NSMALL];

/* The byte block i holds at offset j: differs between blocks and offsets. */
static unsigned char pat(size_t i, size_t j)
{
	return (unsigned char)(i * 31 + j * 7 + 1);
}

/* Write block i's pattern into it. */
static void fill(size_t i)
{
	for (size_t j = 0; j < small_len[i]; j++)
		small[i][j] = pat(i, j);
}

/* Block i must still hold its pattern. */
static int intact(size_t i)
{
	for (size_t j = 0; j < small_len[i]; j++)
		if (small[i][j] != pat(i, j))
			return 0;
	return 1;
}

/* Allocate block i with len bytes and fill it. */
static void alloc_small(size_t i, size_t len)
{
	small_len[i] = len;
	small[i] = malloc(len);
	CHECK(small[i] != NULL, "malloc(%zu): expected memory, got NULL", len);
	fill(i);
}

/* 10000 small blocks: fill, check, free half, reallocate, realloc, calloc. */
static void small_blocks(void)
{
	int ok = 1;

	for (size_t i = 0; i < NSMALL; i++)
		alloc_small(i, (i * 37) % 500 + 1);
	for (size_t i = 0; i < NSMALL; i++)
		ok &= intact(i);
	PROP(ok, "10000 small blocks written and read back");

	for (size_t i = 1; i < NSMALL; i += 2)
		free(small[i]);
	for (size_t i = 1; i < NSMALL; i += 2)
		alloc_small(i, (i * 53) % 700 + 1);
	ok = 1;
	for (size_t i = 0; i < NSMALL; i++)
		ok &= intact(i);
	PROP(ok, "after freeing half and allocating again, every block is intact");

	for (size_t i = 0; i < NSMALL; i += 10) {
		size_t old = small_len[i];
		unsigned char *p = realloc(small[i], old * 3 + 100);
		CHECK(p != NULL, "realloc to %zu: expected memory, got NULL", old * 3 + 100);
		for (size_t j = 0; j < old; j++)
			ok &= p[j] == pat(i, j);
		small[i] = p;
		small_len[i] = old * 3 + 100;
		fill(i);
	}
	PROP(ok, "realloc to a larger size keeps the old contents");

	for (size_t i = 0; i < NSMALL; i++)
		free(small[i]);
	ok = 1;
	for (size_t i = 0; i < 2000; i++) {
		unsigned char *p = calloc(1, (i * 37) % 500 + 1);
		CHECK(p != NULL, "calloc: expected memory, got NULL");
		for (size_t j = 0; j < (i * 37) % 500 + 1; j++)
			ok &= p[j] == 0;
		small[i] = p;
	}
	PROP(ok, "calloc after free returns zeroed memory");
	for (size_t i = 0; i < 2000; i++)
		free(small[i]);
}

/* Large blocks: one word per 512 bytes, different for each block. */
static void large_blocks(void)
{
	static const size_t sizes[] = { 1 * MiB, 2 * MiB, 4 * MiB, 8 * MiB, 16 * MiB, 32 * MiB };
	enum { N = sizeof(sizes) / sizeof(sizes[0]) };
	uint64_t *big[N];
	int ok = 1;

	for (int round = 0; round < 2; round++) {
		for (int b = 0; b < N; b++) {
			big[b] = round ? calloc(1, sizes[b]) : malloc(sizes[b]);
			CHECK(big[b] != NULL, "malloc(%zu MiB): expected memory, got NULL", sizes[b] / MiB);
			for (size_t w = 0; w < sizes[b] / 8; w += 64) {
				if (round)
					ok &= big[b][w] == 0;
				big[b][w] = (uint64_t)b << 32 | w;
			}
		}
		for (int b = 0; b < N; b++)
			for (size_t w = 0; w < sizes[b] / 8; w += 64)
				ok &= big[b][w] == ((uint64_t)b << 32 | w);
		for (int b = 0; b < N; b++)
			free(big[b]);
	}
	PROP(ok, "large blocks (1 to 32 MiB) hold their data, calloc'd ones start zeroed");
}

int main(void)
{
	check_start();
	small_blocks();
	large_blocks();
	pass();
}
