/*
 * The file system calls as a user program calls them: real user pointers
 * (a few pages mapped at UWIN_BASE, fs/ktest_user.h), arguments in the
 * system-call registers, results and errnos as Linux gives them. Much of
 * user/files.c, user/readfile.c and user/efault.c, before exec exists.
 */
#include <linux/kernel.h>
#include <linux/dirent.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/termios.h>
#include <linux/tty.h>
#include <linux/uio.h>
#include "ktest_user.h"

#define sys0(nr) ktest_syscall(__NR_##nr, 0, 0, 0, 0, 0, 0)
#define sys1(nr, a) ktest_syscall(__NR_##nr, (long)(a), 0, 0, 0, 0, 0)
#define sys2(nr, a, b) ktest_syscall(__NR_##nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(nr, a, b, c) ktest_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(nr, a, b, c, d) \
	ktest_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(nr, a, b, c, d, e) \
	ktest_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Where things go in the user window. */
#define U_STR(n) (UWIN_BASE + 256 * (n))	/* page 0: path strings */
#define U_BUF (UWIN_BASE + PAGE_SIZE)	/* page 1: data */
#define U_STRUCT (UWIN_BASE + 2 * PAGE_SIZE)	/* page 2: struct stat, iovecs, termios */
#define U_DENTS (UWIN_BASE + 3 * PAGE_SIZE)	/* page 3: getdents64 records */

static struct uwin w;

/* Path string number n, in user memory. */
static const char __user *upath(int n, const char *s)
{
	return uwin_str(&w, U_STR(n), s);
}

/* Copy bytes into user memory at u; u as a pointer. */
static void __user *ubytes(unsigned long u, const void *bytes, size_t len)
{
	memcpy(uwin_k(&w, u), bytes, len);
	return (void __user *)u;
}

static struct stat *kstat_buf(void)
{
	return uwin_k(&w, U_STRUCT);
}

/* Open the window, with an fd table and fs_struct for the task. */
static bool begin(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, setup_task_files_fs(current), 0);
	if (uwin_open(test, &w))
		return true;
	uwin_close(&w);
	return false;
}

/* Names getdents64 wrote into U_DENTS, "name/" for directories, joined
 * by spaces in the order returned. */
static void dent_names(long len, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (long off = 0; off < len;) {
		struct linux_dirent64 *d = uwin_k(&w, U_DENTS + off);

		n += snprintf(out + n, size - n, "%s%s%s", n ? " " : "", d->d_name,
			      d->d_type == DT_DIR ? "/" : "");
		off += d->d_reclen;
	}
}

/* Files through the system calls: create, read and write (plain, vectored,
 * positioned), stat family, truncate, links, access, rename, getdents64,
 * the *at forms, getcwd and chdir. */
static void fs_syscalls_files_test(struct ktest *test)
{
	struct statx *stx;
	struct iovec *iov;
	char names[64];
	long fd, dfd, n;
	u64 ino;

	if (!begin(test))
		return;
	iov = uwin_k(&w, U_STRUCT + 512);
	KTEST_EXPECT_EQ(test, sys2(mkdir, upath(0, "/tmp/ktest-sys"), 0755), 0);
	KTEST_EXPECT_EQ(test, sys1(chdir, upath(0, "/tmp/ktest-sys")), 0);
	KTEST_EXPECT_EQ(test, sys2(getcwd, U_BUF, 64), 15);	/* the length with the NUL */
	KTEST_EXPECT_STREQ(test, (char *)uwin_k(&w, U_BUF), "/tmp/ktest-sys");
	KTEST_EXPECT_EQ(test, sys2(getcwd, U_BUF, 5), -ERANGE);

	fd = sys3(open, upath(1, "f"), O_RDWR | O_CREAT | O_EXCL, 0644);
	if (!KTEST_EXPECT_TRUE(test, fd >= 0))
		goto out;
	KTEST_EXPECT_EQ(test, sys3(open, upath(1, "f"), O_RDWR | O_CREAT | O_EXCL, 0644), -EEXIST);
	KTEST_EXPECT_EQ(test, sys3(write, fd, ubytes(U_BUF, "hello, world", 12), 12), 12);
	KTEST_EXPECT_EQ(test, sys3(lseek, fd, -5, SEEK_END), 7);
	KTEST_EXPECT_EQ(test, sys3(read, fd, U_BUF + 100, 64), 5);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 100), "world", 5), 0);
	KTEST_EXPECT_EQ(test, sys3(read, fd, U_BUF + 100, 64), 0);

	/* writev appends both segments at once; readv splits across two. */
	iov[0] = (struct iovec){ ubytes(U_BUF + 200, "hello", 5), 5 };
	iov[1] = (struct iovec){ ubytes(U_BUF + 300, "!!!", 3), 3 };
	KTEST_EXPECT_EQ(test, sys3(writev, fd, U_STRUCT + 512, 2), 8);
	KTEST_EXPECT_EQ(test, sys4(pread64, fd, U_BUF + 400, 64, 12), 8);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 400), "hello!!!", 8), 0);
	KTEST_EXPECT_EQ(test, sys4(pwrite64, fd, ubytes(U_BUF, "J", 1), 1, 0), 1);
	KTEST_EXPECT_EQ(test, sys3(lseek, fd, 0, SEEK_CUR), 20);	/* pwrite moved nothing */
	KTEST_EXPECT_EQ(test, sys4(pread64, fd, U_BUF, 1, -1), -EINVAL);
	iov[0] = (struct iovec){ (void __user *)(U_BUF + 500), 4 };
	iov[1] = (struct iovec){ (void __user *)(U_BUF + 600), 100 };
	KTEST_EXPECT_EQ(test, sys3(lseek, fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, sys3(readv, fd, U_STRUCT + 512, 2), 20);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 500), "Jell", 4), 0);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 600), "o, worldhello!!!", 16), 0);
	KTEST_EXPECT_EQ(test, sys3(readv, fd, U_STRUCT + 512, UIO_MAXIOV + 1), -EINVAL);

	/* The stat family agrees. */
	KTEST_EXPECT_EQ(test, sys2(fstat, fd, U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_size, 20);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_nlink, 1);
	ino = kstat_buf()->st_ino;
	KTEST_EXPECT_EQ(test, sys2(stat, upath(1, "f"), U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_ino, ino);
	KTEST_EXPECT_EQ(test, sys4(newfstatat, fd, upath(2, ""), U_STRUCT, AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_ino, ino);
	KTEST_EXPECT_EQ(test, sys4(newfstatat, AT_FDCWD, upath(2, ""), U_STRUCT, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, sys4(newfstatat, AT_FDCWD, upath(1, "f"), U_STRUCT, 0x8000), -EINVAL);
	KTEST_EXPECT_EQ(test, sys5(statx, AT_FDCWD, upath(1, "f"), 0, STATX_BASIC_STATS, U_STRUCT),
			0);
	stx = uwin_k(&w, U_STRUCT);
	KTEST_EXPECT_EQ(test, stx->stx_size, 20);
	KTEST_EXPECT_EQ(test, stx->stx_ino, ino);
	KTEST_EXPECT_EQ(test, stx->stx_mask & STATX_BASIC_STATS, STATX_BASIC_STATS);

	KTEST_EXPECT_EQ(test, sys2(truncate, upath(1, "f"), 5), 0);
	KTEST_EXPECT_EQ(test, sys2(ftruncate, fd, 3), 0);
	KTEST_EXPECT_EQ(test, sys2(stat, upath(1, "f"), U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_size, 3);
	KTEST_EXPECT_EQ(test, sys2(truncate, upath(2, "."), 0), -EISDIR);

	/* Links, access. */
	KTEST_EXPECT_EQ(test, sys2(symlink, upath(1, "f"), upath(2, "l")), 0);
	KTEST_EXPECT_EQ(test, sys3(readlink, upath(2, "l"), U_BUF, 64), 1);
	KTEST_EXPECT_EQ(test, *(char *)uwin_k(&w, U_BUF), 'f');
	KTEST_EXPECT_EQ(test, sys3(readlink, upath(1, "f"), U_BUF, 64), -EINVAL);
	KTEST_EXPECT_EQ(test, sys3(readlink, upath(2, "l"), U_BUF, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys2(lstat, upath(2, "l"), U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_mode & S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(test, sys2(access, upath(2, "l"), R_OK | W_OK), 0);
	KTEST_EXPECT_EQ(test, sys2(access, upath(1, "f"), X_OK), -EACCES);
	KTEST_EXPECT_EQ(test, sys2(access, upath(3, "missing"), F_OK), -ENOENT);
	KTEST_EXPECT_EQ(test, sys2(access, upath(1, "f"), 8), -EINVAL);
	KTEST_EXPECT_EQ(test, sys4(faccessat2, fd, upath(3, ""), R_OK, AT_EMPTY_PATH), 0);

	/* Directories: rename into one, list it, remove through a dirfd. */
	KTEST_EXPECT_EQ(test, sys2(mkdir, upath(3, "d"), 0755), 0);
	KTEST_EXPECT_EQ(test, sys2(rename, upath(1, "f"), upath(4, "d/g")), 0);
	KTEST_EXPECT_EQ(test, sys5(renameat2, AT_FDCWD, upath(2, "l"), AT_FDCWD, upath(4, "d/g"),
				   RENAME_NOREPLACE), -EEXIST);
	dfd = sys2(open, upath(3, "d"), O_RDONLY | O_DIRECTORY);
	if (!KTEST_EXPECT_TRUE(test, dfd >= 0))
		goto out;
	n = sys3(getdents64, dfd, U_DENTS, PAGE_SIZE);
	KTEST_EXPECT_EQ(test, n, 3 * 24);	/* three 24-byte records */
	dent_names(n, names, sizeof(names));
	KTEST_EXPECT_STREQ(test, names, "./ ../ g");
	KTEST_EXPECT_EQ(test, sys3(getdents64, dfd, U_DENTS, PAGE_SIZE), 0);	/* the end */
	KTEST_EXPECT_EQ(test, sys3(lseek, dfd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, sys3(getdents64, dfd, U_DENTS, 10), -EINVAL);	/* too small */
	KTEST_EXPECT_EQ(test, sys3(getdents64, fd, U_DENTS, PAGE_SIZE), -ENOTDIR);
	KTEST_EXPECT_EQ(test, sys3(read, dfd, U_BUF, 1), -EISDIR);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, AT_FDCWD, upath(3, "d"), 0), -EISDIR);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, AT_FDCWD, upath(3, "d"), AT_REMOVEDIR), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, AT_FDCWD, upath(3, "d"), 1), -EINVAL);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, dfd, upath(4, "g"), 0), 0);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, fd, upath(4, "g"), 0), -ENOTDIR);	/* fd: a file */
	KTEST_EXPECT_EQ(test, sys3(unlinkat, 99, upath(4, "g"), 0), -EBADF);
	KTEST_EXPECT_EQ(test, sys3(unlinkat, AT_FDCWD, upath(3, "d"), AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(test, sys4(openat, dfd, upath(4, "x"), O_CREAT | O_WRONLY, 0644), -ENOENT);
	KTEST_EXPECT_EQ(test, sys3(mkdirat, dfd, upath(4, "x"), 0755), -ENOENT);
	KTEST_EXPECT_EQ(test, sys3(getdents64, dfd, U_DENTS, PAGE_SIZE), -ENOENT);
	KTEST_EXPECT_EQ(test, sys1(close, dfd), 0);

	n = sys2(creat, upath(4, "c"), 0600);
	KTEST_EXPECT_TRUE(test, n >= 0);
	KTEST_EXPECT_EQ(test, sys3(read, n, U_BUF, 1), -EBADF);	/* creat: write-only */
	KTEST_EXPECT_EQ(test, sys1(close, n), 0);
	KTEST_EXPECT_EQ(test, sys1(unlink, upath(4, "c")), 0);
	KTEST_EXPECT_EQ(test, sys1(unlink, upath(2, "l")), 0);
	KTEST_EXPECT_EQ(test, sys1(close, fd), 0);
	KTEST_EXPECT_EQ(test, sys3(read, fd, U_BUF, 1), -EBADF);

	/* fchdir, then back to / and the test directory goes. */
	dfd = sys2(open, upath(3, "/tmp"), O_RDONLY);
	KTEST_EXPECT_EQ(test, sys1(fchdir, dfd), 0);
	KTEST_EXPECT_EQ(test, sys2(getcwd, U_BUF, 64), 5);
	KTEST_EXPECT_EQ(test, sys1(close, dfd), 0);
	KTEST_EXPECT_EQ(test, sys1(chdir, upath(3, "/")), 0);
	KTEST_EXPECT_EQ(test, sys1(rmdir, upath(0, "/tmp/ktest-sys")), 0);
	KTEST_EXPECT_EQ(test, sys1(chdir, upath(0, "/tmp/ktest-sys")), -ENOENT);
out:	/* (never return with the window open: it holds preemption off) */
	uwin_close(&w);
}

/* Bad pointers (NULL, an unmapped user page, a kernel address, a
 * non-canonical one, and where the kernel writes, a read-only page) get
 * EFAULT from every call, and change nothing. */
static void fs_syscalls_efault_test(struct ktest *test)
{
	static const unsigned long bad[] = {
		0, UWIN_HOLE, 0xffff888000000000UL, 0x0000800000000000UL,
	};
	const char __user *path;
	long fd, dfd, cfd;

	if (!begin(test))
		return;
	path = upath(0, "/tmp/ktest-efault");
	fd = sys3(open, path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (!KTEST_EXPECT_TRUE(test, fd >= 0))
		goto out;
	KTEST_EXPECT_EQ(test, sys3(write, fd, ubytes(U_BUF, "sixteen bytes!!\n", 16), 16), 16);
	dfd = sys2(open, upath(1, "/tmp"), O_RDONLY | O_DIRECTORY);
	cfd = sys2(open, upath(2, "/dev/console"), O_RDWR);
	KTEST_EXPECT_EQ(test, sys2(symlink, path, upath(3, "/tmp/ktest-efault-l")), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		struct iovec *iov = uwin_k(&w, U_STRUCT + 512);

		*iov = (struct iovec){ (void __user *)bad[i], 16 };
		KTEST_EXPECT_EQ(test, sys3(write, fd, bad[i], 16), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(write, cfd, bad[i], 16), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(writev, fd, U_STRUCT + 512, 1), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(writev, fd, bad[i], 1), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(lseek, fd, 0, SEEK_SET), 0);
		KTEST_EXPECT_EQ(test, sys3(read, fd, bad[i], 16), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(readv, fd, U_STRUCT + 512, 1), -EFAULT);
		KTEST_EXPECT_EQ(test, sys2(open, bad[i], O_RDONLY), -EFAULT);
		KTEST_EXPECT_EQ(test, sys4(openat, AT_FDCWD, bad[i], O_RDONLY, 0), -EFAULT);
		KTEST_EXPECT_EQ(test, sys2(stat, bad[i], U_STRUCT), -EFAULT);
		KTEST_EXPECT_EQ(test, sys2(stat, path, bad[i]), -EFAULT);
		KTEST_EXPECT_EQ(test, sys2(fstat, fd, bad[i]), -EFAULT);
		KTEST_EXPECT_EQ(test, sys4(newfstatat, AT_FDCWD, path, bad[i], 0), -EFAULT);
		KTEST_EXPECT_EQ(test, sys2(getcwd, bad[i], 4096), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(getdents64, dfd, bad[i], 4096), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCGETS, bad[i]), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TIOCGWINSZ, bad[i]), -EFAULT);
		KTEST_EXPECT_EQ(test, sys3(readlink, upath(3, "/tmp/ktest-efault-l"), bad[i], 64),
				-EFAULT);
		KTEST_EXPECT_EQ(test, sys2(mkdir, bad[i], 0755), -EFAULT);
		KTEST_EXPECT_EQ(test, sys1(unlink, bad[i]), -EFAULT);
	}
	KTEST_EXPECT_EQ(test, sys4(pread64, fd, U_BUF + 100, 16, 0), 16);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 100), "sixteen bytes!!\n", 16), 0);

	/* The kernel may read a read-only page, not write it. */
	KTEST_EXPECT_EQ(test, sys3(lseek, fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, sys3(read, fd, UWIN_RO, 16), -EFAULT);
	KTEST_EXPECT_EQ(test, sys2(fstat, fd, UWIN_RO), -EFAULT);
	KTEST_EXPECT_EQ(test, sys2(stat, path, UWIN_RO), -EFAULT);
	KTEST_EXPECT_EQ(test, sys2(getcwd, UWIN_RO, 4096), -EFAULT);
	KTEST_EXPECT_EQ(test, sys3(getdents64, dfd, UWIN_RO, 4096), -EFAULT);
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCGETS, UWIN_RO), -EFAULT);
	KTEST_EXPECT_EQ(test, sys3(readlink, upath(3, "/tmp/ktest-efault-l"), UWIN_RO, 64), -EFAULT);
	memcpy(uwin_k(&w, UWIN_RO), "sixteen bytes!!\n", 16);	/* the same bytes again */
	KTEST_EXPECT_EQ(test, sys3(write, fd, UWIN_RO, 16), 16);	/* reading it is fine */

	KTEST_EXPECT_EQ(test, sys2(fstat, fd, U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, kstat_buf()->st_size, 16);	/* failed writes wrote nothing */
	KTEST_EXPECT_EQ(test, sys4(pread64, fd, U_BUF + 100, 16, 0), 16);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 100), "sixteen bytes!!\n", 16), 0);
	KTEST_EXPECT_EQ(test, sys1(unlink, upath(3, "/tmp/ktest-efault-l")), 0);
	KTEST_EXPECT_EQ(test, sys1(unlink, path), 0);
	sys1(close, fd);
	sys1(close, dfd);
	sys1(close, cfd);
out:
	uwin_close(&w);
}

/* /dev/console through the system calls: the ioctls musl uses (isatty is
 * TIOCGWINSZ, tcgetattr TCGETS), non-blocking reads, no seeking. */
static void fs_syscalls_tty_test(struct ktest *test)
{
	static const char line[] = "        # fs_syscalls_tty_test: written through /dev/console\n";
	struct termios *t, saved;
	struct winsize *ws;
	long cfd, fd;
	int *ip;

	if (!begin(test))
		return;
	t = uwin_k(&w, U_STRUCT);	/* (the window's pages exist from here) */
	ws = uwin_k(&w, U_STRUCT + 256);
	ip = uwin_k(&w, U_STRUCT + 512);
	cfd = sys2(open, upath(0, "/dev/console"), O_RDWR | O_NONBLOCK);
	if (!KTEST_EXPECT_TRUE(test, cfd >= 0))
		goto out;
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TIOCGWINSZ, U_STRUCT + 256), 0);
	KTEST_EXPECT_EQ(test, ws->ws_row, 24);
	KTEST_EXPECT_EQ(test, ws->ws_col, 80);
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCGETS, U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, t->c_lflag & (ICANON | ECHO | ISIG), ICANON | ECHO | ISIG);
	KTEST_EXPECT_EQ(test, t->c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
	KTEST_EXPECT_TRUE(test, t->c_iflag & ICRNL);
	KTEST_EXPECT_EQ(test, t->c_cc[VERASE], 0177);
	KTEST_EXPECT_EQ(test, t->c_cc[VMIN], 1);
	saved = *t;
	t->c_lflag &= ~ECHO;
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCSETS, U_STRUCT), 0);
	memset(t, 0, sizeof(*t));
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCGETS, U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, t->c_lflag & ECHO, 0);
	*t = saved;
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TCSETSW, U_STRUCT), 0);
	KTEST_EXPECT_EQ(test, console_tty.termios.c_lflag, saved.c_lflag);

	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, FIONREAD, U_STRUCT + 512), 0);
	KTEST_EXPECT_EQ(test, *ip, 0);
	KTEST_EXPECT_EQ(test, sys3(read, cfd, U_BUF, 10), -EAGAIN);	/* nothing typed */
	*ip = -1;	/* no foreground process group yet (tcsetpgrp: the signals issue) */
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, TIOCGPGRP, U_STRUCT + 512), 0);
	KTEST_EXPECT_EQ(test, *ip, 0);
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, 0x1234, 0), -ENOTTY);
	KTEST_EXPECT_EQ(test, sys3(lseek, cfd, 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(test, sys4(pread64, cfd, U_BUF, 1, 0), -ESPIPE);
	KTEST_EXPECT_EQ(test, sys3(getdents64, cfd, U_DENTS, PAGE_SIZE), -ENOTDIR);
	KTEST_EXPECT_EQ(test, sys3(write, cfd, ubytes(U_BUF, line, sizeof(line) - 1),
				   sizeof(line) - 1), sizeof(line) - 1);
	KTEST_EXPECT_EQ(test, sys3(fcntl, cfd, F_GETFL, 0), O_RDWR | O_NONBLOCK | O_LARGEFILE);
	*ip = 0;
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, FIONBIO, U_STRUCT + 512), 0);
	KTEST_EXPECT_EQ(test, sys3(fcntl, cfd, F_GETFL, 0), O_RDWR | O_LARGEFILE);
	KTEST_EXPECT_EQ(test, sys3(ioctl, cfd, FIOCLEX, 0), 0);
	KTEST_EXPECT_EQ(test, sys3(fcntl, cfd, F_GETFD, 0), FD_CLOEXEC);

	/* A regular file is not a terminal (isatty() is false), but knows FIONREAD. */
	fd = sys2(open, upath(1, "/etc/motd"), O_RDONLY);
	if (!KTEST_EXPECT_TRUE(test, fd >= 0))
		goto out;
	KTEST_EXPECT_EQ(test, sys3(ioctl, fd, TIOCGWINSZ, U_STRUCT + 256), -ENOTTY);
	KTEST_EXPECT_EQ(test, sys3(ioctl, fd, TCGETS, U_STRUCT), -ENOTTY);
	KTEST_EXPECT_EQ(test, sys3(lseek, fd, 10, SEEK_SET), 10);
	KTEST_EXPECT_EQ(test, sys3(ioctl, fd, FIONREAD, U_STRUCT + 512), 0);
	KTEST_EXPECT_EQ(test, *ip, 80 - 10);	/* rootfs/etc/motd is 80 bytes */
	KTEST_EXPECT_EQ(test, sys3(ioctl, 99, FIONREAD, U_STRUCT + 512), -EBADF);
	sys1(close, fd);
out:
	sys1(close, cfd);
	uwin_close(&w);
}

KTEST_SUITE(fs_syscalls, KTEST_CASE(fs_syscalls_files_test), KTEST_CASE(fs_syscalls_efault_test),
	    KTEST_CASE(fs_syscalls_tty_test));
