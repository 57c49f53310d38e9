/*
 * files: the writable in-memory filesystem, in a fresh directory under
 * /tmp: create, write, read, lseek, truncate, rename, unlink, mkdir, rmdir,
 * getdents64, getcwd and chdir, each with the errno Linux gives when it must
 * fail (ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, EBADF, EINVAL).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char base[64];

/* The size stat() reports for path, or -1. */
static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* Read all of fd from offset 0 into buf (NUL-terminated); return the length. */
static long slurp(int fd, char *buf, long max)
{
	long n, total = 0;

	OK(lseek(fd, 0, SEEK_SET));
	while ((n = read(fd, buf + total, max - 1 - total)) > 0)
		total += n;
	buf[total] = 0;
	return total;
}

/* One file: create, write, seek, read, truncate, append, and the EBADF cases. */
static void read_write_seek(void)
{
	char buf[128];
	int fd, fd2;

	fd = OK(open("f", O_RDWR | O_CREAT | O_EXCL, 0644));
	EXPECT_ERR(open("f", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	printf("O_CREAT|O_EXCL creates, then fails with EEXIST: yes\n");
	EXPECT_EQ(write(fd, "hello, world", 12), 12);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 12);
	EXPECT_EQ(lseek(fd, -5, SEEK_END), 7);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 5);
	PROP(!memcmp(buf, "world", 5), "lseek SEEK_END -5 then read gives \"world\"");
	EXPECT_EQ(lseek(fd, 20, SEEK_SET), 20);
	EXPECT_EQ(write(fd, "!", 1), 1);
	PROP(slurp(fd, buf, sizeof(buf)) == 21 && !memcmp(buf + 12, "\0\0\0\0\0\0\0\0!", 9),
	     "a write past the end leaves a hole that reads zero");
	EXPECT_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	printf("lseek to a negative offset: EINVAL\n");

	OK(ftruncate(fd, 5));
	PROP(size_of("f") == 5 && slurp(fd, buf, sizeof(buf)) == 5 && !strcmp(buf, "hello"),
	     "ftruncate to 5 bytes keeps \"hello\"");
	OK(truncate("f", 8));
	PROP(slurp(fd, buf, sizeof(buf)) == 8 && !memcmp(buf, "hello\0\0\0", 8),
	     "truncate to 8 bytes extends with zeros");

	fd2 = OK(open("f", O_WRONLY | O_APPEND));
	EXPECT_EQ(write(fd2, "+", 1), 1);
	PROP(size_of("f") == 9, "O_APPEND writes at the end");
	EXPECT_ERR(read(fd2, buf, 1), EBADF);
	OK(close(fd2));
	fd2 = OK(open("f", O_RDONLY));
	EXPECT_ERR(write(fd2, "x", 1), EBADF);
	OK(close(fd2));
	printf("read on a write-only fd, write on a read-only fd: EBADF\n");
	fd2 = OK(open("f", O_RDWR | O_TRUNC));
	PROP(size_of("f") == 0, "O_TRUNC empties the file");
	OK(close(fd2));
	OK(close(fd));
	EXPECT_ERR(close(fd), EBADF);
	EXPECT_ERR(write(fd, "x", 1), EBADF);
	EXPECT_ERR(read(-1, buf, 1), EBADF);
	printf("close, write after close, read on fd -1: EBADF\n");
}

/* Names: missing (ENOENT), files as dirs (ENOTDIR), dirs as files (EISDIR), rename. */
static void names_and_dirs(void)
{
	int fd;

	EXPECT_ERR(open("missing", O_RDONLY), ENOENT);
	EXPECT_ERR(open("missing/f", O_RDONLY | O_CREAT, 0644), ENOENT);
	EXPECT_ERR(unlink("missing"), ENOENT);
	printf("open, create under, unlink a missing name: ENOENT\n");
	EXPECT_ERR(open("f/x", O_RDONLY | O_CREAT, 0644), ENOTDIR);
	EXPECT_ERR(mkdir("f/d", 0755), ENOTDIR);
	EXPECT_ERR(chdir("f"), ENOTDIR);
	EXPECT_ERR(rmdir("f"), ENOTDIR);
	printf("a regular file used as a directory: ENOTDIR\n");

	OK(mkdir("d", 0755));
	EXPECT_ERR(mkdir("d", 0755), EEXIST);
	EXPECT_ERR(mkdir("f", 0755), EEXIST);
	printf("mkdir of an existing name: EEXIST\n");
	EXPECT_ERR(open("d", O_WRONLY), EISDIR);
	EXPECT_ERR(open("d", O_RDWR), EISDIR);
	EXPECT_ERR(unlink("d"), EISDIR);
	printf("a directory opened for writing or unlinked: EISDIR\n");
	fd = OK(open("d/inner", O_WRONLY | O_CREAT, 0644));
	OK(close(fd));
	EXPECT_ERR(rmdir("d"), ENOTEMPTY);
	printf("rmdir of a non-empty directory: ENOTEMPTY\n");

	OK(rename("f", "g"));
	PROP(size_of("f") == -1 && errno == ENOENT && size_of("g") == 0,
	     "rename moves the file: the old name is gone");
	fd = OK(open("h", O_WRONLY | O_CREAT, 0644));
	EXPECT_EQ(write(fd, "hhh", 3), 3);
	OK(close(fd));
	OK(rename("h", "g"));
	PROP(size_of("g") == 3 && size_of("h") == -1, "rename over an existing file replaces it");
	OK(rename("d/inner", "inner"));
	OK(rename("d", "e"));
	PROP(size_of("e") >= 0 && size_of("d") == -1, "rename of a directory");
	EXPECT_ERR(rename("missing", "x"), ENOENT);
	EXPECT_ERR(rename("g", "e"), EISDIR);
	printf("rename of a missing name: ENOENT; of a file onto a directory: EISDIR\n");
}

/* qsort order for the names of listing(). */
static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* List the current directory with getdents64, sorted (the order is the fs's own). */
static void listing(void)
{
	char buf[1024], names[16][32];
	int fd, n = 0;
	long len;

	fd = OK(open(".", O_RDONLY | O_DIRECTORY));
	while ((len = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < len;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);
			CHECK(n < 16, "getdents64: expected a few entries, got more than 16");
			snprintf(names[n++], sizeof(names[0]), "%s%s", d->d_name,
				 d->d_type == DT_DIR ? "/" : "");
			off += d->d_reclen;
		}
	CHECK(len == 0, "getdents64: expected 0 at the end, got %ld (%s)", len, errname(errno));
	OK(close(fd));
	qsort(names, n, sizeof(names[0]), by_name);
	printf("getdents64, sorted:");
	for (int i = 0; i < n; i++)
		printf(" %s", names[i]);
	printf("\n");
}

/* Remove everything the test made; the directory must then be gone. */
static void cleanup(void)
{
	char cwd[128];

	OK(unlink("g"));
	OK(unlink("inner"));
	OK(rmdir("e"));
	OK(chdir(".."));
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tmp"),
	      "getcwd after chdir(\"..\"): expected /tmp, got %s", cwd);
	OK(rmdir(base));
	EXPECT_ERR(rmdir(base), ENOENT);
	EXPECT_ERR(chdir(base), ENOENT);
	printf("after cleanup the test directory is gone: yes\n");
}

int main(void)
{
	char cwd[128];

	check_start();
	snprintf(base, sizeof(base), "/tmp/files-test.%d", (int)getpid());
	OK(mkdir(base, 0755));
	OK(chdir(base));
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, base),
	      "getcwd after chdir: expected %s, got %s", base, cwd);
	printf("getcwd after chdir names the new directory: yes\n");
	EXPECT_ERR(syscall(SYS_getcwd, cwd, 5), ERANGE);
	printf("getcwd into a too-small buffer: ERANGE\n");
	read_write_seek();
	names_and_dirs();
	listing();
	cleanup();
	pass();
}
