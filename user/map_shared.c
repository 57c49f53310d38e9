/*
 * map_shared: MAP_SHARED|MAP_ANONYMOUS memory stays shared across fork:
 * writes on either side are seen by the other, also in pages first touched
 * after fork, and the child's last write outlives the child. A private
 * mapping next to it stays private.
 */
#include <sys/mman.h>
#include "proc.h"

#define PG 4096

int main(void)
{
	volatile int *shared, *private;
	int to_child[2], to_parent[2];
	pid_t pid;

	check_start();
	shared = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	private = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(shared != MAP_FAILED && private != MAP_FAILED, "mmap: %s", errname(errno));
	shared[0] = 100;	/* pages 1-3 are left untouched until after fork */
	private[0] = 100;
	xpipe(to_child);
	xpipe(to_parent);
	pid = xfork();
	if (pid == 0) {
		PROP(shared[0] == 100, "child: sees the shared page as written before fork");
		shared[0] = 200;
		shared[PG / sizeof(int)] = 201;		/* page 1, untouched until now */
		private[0] = 300;
		send_byte(to_parent[1], 'w');
		recv_byte(to_child[0]);
		PROP(shared[0] == 400 && shared[2 * PG / sizeof(int)] == 401,
		     "child: sees the parent's writes, also in a page the parent touched first");
		shared[3 * PG / sizeof(int)] = 500;
		exit(0);
	}
	recv_byte(to_parent[0]);
	PROP(shared[0] == 200, "parent: sees the child's write to the shared page");
	PROP(shared[PG / sizeof(int)] == 201, "parent: sees it in a page the child touched first");
	PROP(private[0] == 100, "parent: the private mapping kept its own value");
	shared[0] = 400;
	shared[2 * PG / sizeof(int)] = 401;	/* page 2, untouched until now */
	send_byte(to_child[1], 'w');
	EXPECT_EXIT(pid, 0, "child");
	PROP(shared[3 * PG / sizeof(int)] == 500, "parent: the child's last write outlives the child");
	OK(munmap((void *)shared, 4 * PG));
	pass();
}
