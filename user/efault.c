/*
 * efault: system calls given bad user pointers return -1 with EFAULT; the
 * program is not killed and nothing is half done. Bad means: NULL, 1, a
 * kernel direct-map address (PAGE_OFFSET), kernel text (KERNEL_VMA), a
 * non-canonical address, and, where the kernel must write, a read-only page
 * (where it must read, a PROT_NONE page). Calls go through syscall() so
 * musl does not touch the pointer first.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "proc.h"

#define NBAD 5
static void *bad[NBAD + 1] = {
	NULL, (void *)1, (void *)0xffff888000000000UL, (void *)0xffffffff80000000UL,
	(void *)0x0000800000000000UL,	/* bit 47 set, bits 63..48 clear */
	NULL,				/* an inaccessible page, filled in by main */
};
static const char *const badname[NBAD + 1] = {
	"NULL", "(void *)1", "PAGE_OFFSET", "KERNEL_VMA", "a non-canonical address",
	"an inaccessible page",
};

/* call (which uses bad[i]) must fail with EFAULT. */
#define EXPECT_EFAULT(call, i)                                                 \
	do {                                                                   \
		errno = 0;                                                     \
		long r_ = (long)(call);                                        \
		int e_ = errno;                                                \
		CHECK(r_ == -1 && e_ == EFAULT,                                \
		      "%s, bad = %s: expected -1 with EFAULT, got %ld with %s", \
		      #call, badname[i], r_, r_ == -1 ? errname(e_) : "no error"); \
	} while (0)

int main(void)
{
	static const char data[] = "sixteen bytes!!\n";
	char path[64], buf[32];
	const char *hello = bin_path("hello");
	char *argv[] = { "hello", NULL }, *envp[] = { NULL };
	struct iovec iov;
	struct stat st;
	void *ro, *none;
	int fd, stdout_copies;

	check_start();
	snprintf(path, sizeof(path), "/tmp/efault-test.%d", (int)getpid());
	fd = OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0600));
	EXPECT_EQ(write(fd, data, 16), 16);
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(ro != MAP_FAILED && none != MAP_FAILED, "mmap: %s", errname(errno));

	/* A tty, file or pipe on stdout reads the buffer; /dev/null need not. */
	stdout_copies = isatty(1) || (fstat(1, &st) == 0 && !S_ISCHR(st.st_mode));

	/* The kernel reads from these pointers. */
	bad[NBAD] = none;
	for (int i = 0; i <= NBAD; i++) {
		EXPECT_EFAULT(syscall(SYS_write, fd, bad[i], 16), i);
		if (stdout_copies)
			EXPECT_EFAULT(syscall(SYS_write, 1, bad[i], 16), i);
		iov = (struct iovec){ bad[i], 16 };
		EXPECT_EFAULT(syscall(SYS_writev, fd, &iov, 1), i);
		EXPECT_EFAULT(syscall(SYS_writev, fd, bad[i], 1), i);
		EXPECT_EFAULT(syscall(SYS_open, bad[i], O_RDONLY), i);
		EXPECT_EFAULT(syscall(SYS_openat, AT_FDCWD, bad[i], O_RDONLY), i);
		EXPECT_EFAULT(syscall(SYS_stat, bad[i], &st), i);
		EXPECT_EFAULT(syscall(SYS_execve, bad[i], argv, envp), i);
		EXPECT_EFAULT(syscall(SYS_nanosleep, bad[i], NULL), i);
		if (i == 0)
			continue;	/* NULL argv, envp and act are allowed: "none" */
		EXPECT_EFAULT(syscall(SYS_execve, hello, bad[i], envp), i);
		EXPECT_EFAULT(syscall(SYS_execve, hello, argv, bad[i]), i);
		char *bad_arg[] = { "hello", bad[i], NULL };
		EXPECT_EFAULT(syscall(SYS_execve, hello, bad_arg, envp), i);
		EXPECT_EFAULT(syscall(SYS_rt_sigaction, SIGUSR1, bad[i], NULL, 8), i);
	}
	printf("kernel reads (write, writev, open, openat, stat, execve, nanosleep) from\n"
	       "  6 kinds of bad pointer: EFAULT\n");
	printf("execve's argv, envp and argv[1], rt_sigaction's act: EFAULT (NULL means none)\n");

	/* The kernel writes through these pointers. */
	bad[NBAD] = ro;
	for (int i = 0; i <= NBAD; i++) {
		OK(lseek(fd, 0, SEEK_SET));
		EXPECT_EFAULT(syscall(SYS_read, fd, bad[i], 16), i);
		iov = (struct iovec){ bad[i], 16 };
		EXPECT_EFAULT(syscall(SYS_readv, fd, &iov, 1), i);
		EXPECT_EFAULT(syscall(SYS_fstat, fd, bad[i]), i);
		EXPECT_EFAULT(syscall(SYS_stat, path, bad[i]), i);
		EXPECT_EFAULT(syscall(SYS_newfstatat, AT_FDCWD, path, bad[i], 0), i);
		EXPECT_EFAULT(syscall(SYS_uname, bad[i]), i);
		EXPECT_EFAULT(syscall(SYS_getcwd, bad[i], 4096), i);
		EXPECT_EFAULT(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad[i]), i);
	}
	printf("kernel writes (read, readv, fstat, stat, newfstatat, uname, getcwd,\n"
	       "  clock_gettime) to 6 kinds of bad pointer, a read-only page among them: EFAULT\n");

	OK(fstat(fd, &st));
	OK(lseek(fd, 0, SEEK_SET));
	PROP(st.st_size == 16 && read(fd, buf, sizeof(buf)) == 16 && !memcmp(buf, data, 16),
	     "the file is as before: failed writes wrote nothing");
	OK(close(fd));
	OK(unlink(path));
	pass();
}
