/*
 * cow_large: a 64 MiB private mapping, every page touched before fork.
 * After fork the child writes every page (each write copies the shared
 * page), the parent checks it still sees the pre-fork data, then writes
 * every page itself (now the only user of each page: Linux reuses it in
 * place), and each side sees only its own writes.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "proc.h"

#define SIZE (64UL << 20)
#define PG 4096UL
#define NPAGES (SIZE / PG)

/* Two words per page, first and last: they name the writer and the page. */
static void write_all(uint64_t *m, uint64_t who)
{
	for (unsigned long pg = 0; pg < NPAGES; pg++) {
		m[pg * PG / 8] = who << 32 | pg;
		m[(pg + 1) * PG / 8 - 1] = ~(who << 32 | pg);
	}
}

/* How many pages do not hold who's words. */
static unsigned long wrong_pages(const uint64_t *m, uint64_t who)
{
	unsigned long wrong = 0;

	for (unsigned long pg = 0; pg < NPAGES; pg++)
		wrong += m[pg * PG / 8] != (who << 32 | pg) ||
			 m[(pg + 1) * PG / 8 - 1] != ~(who << 32 | pg);
	return wrong;
}

int main(void)
{
	int to_child[2], to_parent[2];
	unsigned long wrong;
	uint64_t *m;
	pid_t pid;

	check_start();
	m = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap 64 MiB: expected memory, got %s", errname(errno));
	write_all(m, 1);
	printf("64 MiB mapped, all %lu pages written before fork\n", NPAGES);
	xpipe(to_child);
	xpipe(to_parent);
	pid = xfork();
	if (pid == 0) {
		write_all(m, 2);
		send_byte(to_parent[1], 'w');
		recv_byte(to_child[0]);
		wrong = wrong_pages(m, 2);
		CHECK(wrong == 0, "child: expected its own data in every page, %lu pages differ", wrong);
		printf("child: every page holds the child's writes, none the parent's: yes\n");
		exit(0);
	}
	recv_byte(to_parent[0]);
	wrong = wrong_pages(m, 1);
	CHECK(wrong == 0, "parent: expected the pre-fork data after the child wrote, %lu pages differ",
	      wrong);
	printf("parent: after the child wrote every page, it still sees the pre-fork data: yes\n");
	write_all(m, 3);
	send_byte(to_child[1], 'w');
	EXPECT_EXIT(pid, 0, "child");
	wrong = wrong_pages(m, 3);
	CHECK(wrong == 0, "parent: expected its own data in every page, %lu pages differ", wrong);
	printf("parent: every page holds the parent's writes: yes\n");
	OK(munmap(m, SIZE));
	pass();
}
