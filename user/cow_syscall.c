/*
 * cow_syscall: a system call that writes into a page shared copy-on-write
 * after fork (read() into a buffer) must break the sharing just as a user
 * store does: the writer sees the data, the other side keeps its own. A
 * kernel that writes through the read-only PTE, or fails with EFAULT, fails
 * here. (Every fork test also has the kernel write a wait status into a
 * COW-shared stack.)
 */
#include "proc.h"

#define LEN 8192

static unsigned char buf[LEN] __attribute__((aligned(4096)));

/* Every byte of the buffer p is c. */
static int all(const unsigned char *p, unsigned char c)
{
	for (int i = 0; i < LEN; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* Put LEN bytes of c into the pipe (it holds them: 64 KiB on Linux). */
static void stuff(int fd, unsigned char c)
{
	static unsigned char tmp[LEN];

	memset(tmp, c, LEN);
	EXPECT_EQ(write(fd, tmp, LEN), LEN);
}

int main(void)
{
	int data[2], go[2];
	pid_t pid;

	check_start();
	memset(buf, 'A', LEN);
	xpipe(data);
	xpipe(go);

	/* The child reads into the shared buffer; the parent's stays 'A'. */
	stuff(data[1], 'B');
	pid = xfork();
	if (pid == 0) {
		EXPECT_EQ(read(data[0], buf, LEN), LEN);
		PROP(all(buf, 'B'), "child: read() into a COW-shared buffer fills it");
		exit(0);
	}
	EXPECT_EXIT(pid, 0, "child");
	PROP(all(buf, 'A'), "parent: its buffer still holds its own data");

	/* Now the parent reads while a child still shares the buffer. */
	pid = xfork();
	if (pid == 0) {
		recv_byte(go[0]);
		PROP(all(buf, 'A'), "second child: the parent's read() did not reach its buffer");
		exit(0);
	}
	stuff(data[1], 'C');
	EXPECT_EQ(read(data[0], buf, LEN), LEN);
	PROP(all(buf, 'C'), "parent: read() into a buffer a child shares fills it");
	send_byte(go[1], 'g');
	EXPECT_EXIT(pid, 0, "second child");
	pass();
}
