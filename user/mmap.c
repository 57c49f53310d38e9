/*
 * mmap: anonymous memory. Fresh pages read zero and are page-aligned;
 * munmap of a middle range leaves its neighbours; MAP_FIXED fills a hole and
 * replaces pages; mprotect to read-only keeps the data readable; a large
 * mapping is only paid for where touched; system calls read from and write
 * into untouched pages (the kernel must fault them in, as user code would);
 * bad arguments get the errno Linux gives. (A write to a read-only page is
 * mprotect_segv's job: it kills the program.)
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define PG 4096UL
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* Pages [from, to) of p hold the byte 'tag + page number'. */
static int holds(const unsigned char *p, int from, int to, int tag)
{
	for (int pg = from; pg < to; pg++)
		for (unsigned long i = 0; i < PG; i += 512)
			if (p[pg * PG + i] != (unsigned char)(tag + pg))
				return 0;
	return 1;
}

/* Write the byte 'tag + page number' into pages [from, to) of p. */
static void put(unsigned char *p, int from, int to, int tag)
{
	for (int pg = from; pg < to; pg++)
		memset(p + pg * PG, tag + pg, PG);
}

/* The len bytes at p are all zero. */
static int zero(const unsigned char *p, unsigned long len)
{
	for (unsigned long i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

/* mmap, partial munmap, MAP_FIXED, mprotect on 16 pages. */
static void map_unmap_fixed(void)
{
	unsigned char *p = mmap(NULL, 16 * PG, RW, ANON, -1, 0);

	CHECK(p != MAP_FAILED, "mmap 16 pages: expected memory, got %s", errname(errno));
	PROP((uintptr_t)p % PG == 0, "mmap returns a page-aligned address");
	PROP(zero(p, 16 * PG), "fresh anonymous pages read zero");
	put(p, 0, 16, 'a');
	PROP(holds(p, 0, 16, 'a'), "16 written pages read back");

	OK(munmap(p + 4 * PG, 4 * PG));
	PROP(holds(p, 0, 4, 'a') && holds(p, 8, 16, 'a'), "munmap of pages 4-7 keeps pages 0-3 and 8-15");

	unsigned char *q = mmap(p + 4 * PG, 4 * PG, RW, ANON | MAP_FIXED, -1, 0);
	PROP(q == p + 4 * PG && zero(q, 4 * PG), "MAP_FIXED fills the hole with zero pages");
	q = mmap(p + 10 * PG, 2 * PG, RW, ANON | MAP_FIXED, -1, 0);
	PROP(q == p + 10 * PG && zero(q, 2 * PG) && holds(p, 8, 10, 'a') && holds(p, 12, 16, 'a'),
	     "MAP_FIXED over mapped pages replaces just those with zero pages");

	OK(mprotect(p, 16 * PG, PROT_READ));
	PROP(holds(p, 0, 4, 'a') && holds(p, 12, 16, 'a'), "read-only pages still hold their data");
	OK(mprotect(p + 2 * PG, PG, RW));
	p[2 * PG] = 'x';
	OK(mprotect(p, 16 * PG, RW));
	put(p, 0, 16, 'b');
	PROP(p[0] == 'b' && holds(p, 0, 16, 'b'), "after mprotect back to read-write, pages take writes");

	OK(munmap(p, 16 * PG));
	OK(munmap(p, 16 * PG));
	printf("munmap of an already unmapped range succeeds: yes\n");

	p = mmap(NULL, 2 * PG, PROT_NONE, ANON, -1, 0);
	CHECK(p != MAP_FAILED, "mmap PROT_NONE: expected memory, got %s", errname(errno));
	OK(mprotect(p, 2 * PG, RW));
	p[PG] = 7;
	PROP(p[PG] == 7 && p[0] == 0, "a PROT_NONE mapping made read-write takes writes");
	OK(munmap(p, 2 * PG));
}

/* 256 MiB mapped, one byte touched every 16 MiB: only touched pages cost memory. */
static void sparse(void)
{
	unsigned long len = 256UL << 20;
	unsigned char *p = mmap(NULL, len, RW, ANON, -1, 0);
	int ok = 1;

	CHECK(p != MAP_FAILED, "mmap 256 MiB: expected memory, got %s", errname(errno));
	for (unsigned long off = 0; off < len; off += 16UL << 20)
		p[off + 100] = (unsigned char)(off >> 20);
	for (unsigned long off = 0; off < len; off += 16UL << 20)
		ok &= p[off + 100] == (unsigned char)(off >> 20) && p[off + 99] == 0;
	PROP(ok, "256 MiB mapping touched once every 16 MiB");
	OK(munmap(p, len));
}

/* read() into and write() from pages no user instruction has touched yet. */
static void syscalls_on_fresh_pages(void)
{
	char path[64];
	unsigned char *p = mmap(NULL, 4 * PG, RW, ANON, -1, 0);
	int fd;

	CHECK(p != MAP_FAILED, "mmap: expected memory, got %s", errname(errno));
	snprintf(path, sizeof(path), "/tmp/mmap-test.%d", (int)getpid());
	fd = OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0600));
	OK(unlink(path));
	EXPECT_EQ(write(fd, p + PG, 2 * PG), (long)(2 * PG));
	printf("write() from untouched anonymous pages succeeds: yes\n");
	memset(p, 0xab, PG);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(write(fd, p, PG), (long)PG);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(read(fd, p + 3 * PG, PG), (long)PG);
	PROP(p[3 * PG] == 0xab && p[4 * PG - 1] == 0xab, "read() into an untouched anonymous page fills it");
	EXPECT_EQ(read(fd, p, PG), (long)PG);
	PROP(zero(p, PG), "the bytes written from untouched pages were zeros");
	close(fd);
	OK(munmap(p, 4 * PG));
}

/*
 * Raw system calls: musl checks the offset and length of mmap and rounds
 * mprotect's range itself, so only syscall() shows what the kernel does.
 */
static void bad_arguments(void)
{
	unsigned char *p = mmap(NULL, PG, RW, ANON, -1, 0);

	EXPECT_ERR(syscall(SYS_mmap, NULL, 0, RW, ANON, -1, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mmap, NULL, PG, RW, MAP_ANONYMOUS, -1, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mmap, p + 1, PG, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mmap, NULL, PG, RW, ANON, -1, 1), EINVAL);
	EXPECT_ERR(syscall(SYS_mmap, NULL, PG, RW, MAP_PRIVATE, -1, 0), EBADF);
	EXPECT_ERR(syscall(SYS_mmap, NULL, 1UL << 62, RW, ANON, -1, 0), ENOMEM);
	printf("mmap: length 0, no MAP_PRIVATE/SHARED, unaligned MAP_FIXED or offset: EINVAL\n");
	printf("mmap: no fd without MAP_ANONYMOUS: EBADF; 2^62 bytes: ENOMEM\n");
	EXPECT_ERR(syscall(SYS_munmap, p + 1, PG), EINVAL);
	EXPECT_ERR(syscall(SYS_munmap, p, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mprotect, p + 1, PG, PROT_READ), EINVAL);
	EXPECT_ERR(syscall(SYS_mprotect, p, PG, 0x100), EINVAL);
	OK(munmap(p, PG));
	EXPECT_ERR(syscall(SYS_mprotect, p, PG, PROT_READ), ENOMEM);
	printf("munmap/mprotect unaligned, munmap length 0, bad prot: EINVAL\n");
	printf("mprotect of an unmapped page: ENOMEM\n");
}

int main(void)
{
	check_start();
	map_unmap_fixed();
	sparse();
	syscalls_on_fresh_pages();
	bad_arguments();
	pass();
}
