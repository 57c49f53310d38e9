/*
 * Tests for fd tables (fs/file.c, fs/fcntl.c): the lowest free fd is
 * used, dup/dup2/dup3 and fcntl follow Linux, close-on-exec, growing past
 * 64 fds up to the 1024 limit (EMFILE), copying for fork, and no leaks.
 * Each test runs with a fresh, empty table of its own in place of the
 * task's. System calls without pointer arguments are called through the
 * system-call table, as user space would.
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include "ktest_user.h"

#define sys_dup(fd) call_syscall(__NR_dup, fd, 0, 0)
#define sys_dup2(a, b) call_syscall(__NR_dup2, a, b, 0)
#define sys_dup3(a, b, f) call_syscall(__NR_dup3, a, b, f)
#define sys_close(fd) call_syscall(__NR_close, fd, 0, 0)
#define sys_fcntl(fd, cmd, arg) call_syscall(__NR_fcntl, fd, cmd, arg)
#define sys_lseek(fd, off, whence) call_syscall(__NR_lseek, fd, off, whence)
#define sys_ftruncate(fd, len) call_syscall(__NR_ftruncate, fd, len, 0)
#define sys_umask(mask) call_syscall(__NR_umask, mask, 0, 0)

/* Open path into the lowest free fd: the fd, or -errno. */
static int open_fd(const char *path, int flags)
{
	struct file *f = filp_open(path, flags, 0644);
	int fd;

	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		fput(f);
	else
		fd_install(fd, f);
	return fd;
}

/* The references on the file fd names (apart from this look-up's own). */
static int refs(unsigned int fd)
{
	struct file *f = fget_raw(fd);
	int n;

	if (!f)
		return -1;
	n = atomic_read(&f->f_count) - 1;
	fput(f);
	return n;
}

/* open takes the lowest free fd; close frees it for the next. */
static void fd_lowest_free_test(struct ktest *test)
{
	struct files_struct *saved = new_table(test);

	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), 0);
	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), 1);
	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), 2);
	KTEST_EXPECT_EQ(test, sys_close(1), 0);
	KTEST_EXPECT_EQ(test, sys_close(1), -EBADF);
	KTEST_EXPECT_EQ(test, sys_close(-1), -EBADF);
	KTEST_EXPECT_EQ(test, sys_close(5000), -EBADF);
	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), 1);
	KTEST_EXPECT_EQ(test, open_fd("/etc/missing", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), 3);	/* the failure used none */
	put_table(saved);
}

/* dup, dup2 and dup3 as Linux: the same open file (shared position), the
 * errnos, closing what the target fd held. */
static void fd_dup_test(struct ktest *test)
{
	struct files_struct *saved = new_table(test);

	KTEST_ASSERT_EQ(test, open_fd("/etc/motd", O_RDONLY), 0);
	KTEST_ASSERT_EQ(test, open_fd("/etc/hostname", O_RDONLY), 1);
	KTEST_EXPECT_EQ(test, sys_dup(0), 2);
	KTEST_EXPECT_EQ(test, refs(0), 2);
	KTEST_EXPECT_EQ(test, sys_lseek(2, 5, SEEK_SET), 5);
	KTEST_EXPECT_EQ(test, sys_lseek(0, 0, SEEK_CUR), 5);	/* one file, one position */
	KTEST_EXPECT_EQ(test, sys_dup(7), -EBADF);

	KTEST_EXPECT_EQ(test, sys_dup2(0, 1), 1);	/* fd 1's file is closed */
	KTEST_EXPECT_EQ(test, refs(0), 3);
	KTEST_EXPECT_EQ(test, sys_dup2(1, 1), 1);
	KTEST_EXPECT_EQ(test, sys_dup2(9, 9), -EBADF);
	KTEST_EXPECT_EQ(test, sys_dup2(9, 1), -EBADF);
	KTEST_EXPECT_EQ(test, sys_dup2(0, 100), 100);	/* past the first 64: the table grows */
	KTEST_EXPECT_EQ(test, sys_dup2(0, NR_OPEN_MAX), -EBADF);

	KTEST_EXPECT_EQ(test, sys_dup3(0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_dup3(0, 5, O_NONBLOCK), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_dup3(0, 5, O_CLOEXEC), 5);
	KTEST_EXPECT_EQ(test, sys_fcntl(5, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, sys_dup2(0, 5), 5);	/* dup2 clears it */
	KTEST_EXPECT_EQ(test, sys_fcntl(5, F_GETFD, 0), 0);

	/* A reserved fd, not yet installed (another thread's open): EBUSY. */
	int fd = get_unused_fd_flags(0);

	KTEST_EXPECT_EQ(test, fd, 3);
	KTEST_EXPECT_EQ(test, sys_dup2(0, fd), -EBUSY);
	put_unused_fd(fd);
	KTEST_EXPECT_EQ(test, sys_dup2(0, fd), fd);
	KTEST_EXPECT_EQ(test, refs(0), 6);	/* fds 0, 1, 2, 3, 5, 100 */
	put_table(saved);
}

/* fcntl: F_DUPFD(_CLOEXEC), F_GETFD/F_SETFD, F_GETFL/F_SETFL. */
static void fd_fcntl_test(struct ktest *test)
{
	struct files_struct *saved = new_table(test);

	KTEST_ASSERT_EQ(test, open_fd("/etc/motd", O_RDONLY), 0);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, 10), 10);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, 10), 11);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, 0), 1);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD_CLOEXEC, 10), 12);
	KTEST_EXPECT_EQ(test, sys_fcntl(12, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, NR_OPEN_MAX), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, -1L), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_fcntl(10, F_SETFD, FD_CLOEXEC), 0);
	KTEST_EXPECT_EQ(test, sys_fcntl(10, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, sys_fcntl(11, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(test, sys_fcntl(20, F_GETFD, 0), -EBADF);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, 9999, 0), -EINVAL);

	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_GETFL, 0), O_RDONLY | O_LARGEFILE);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_SETFL, O_APPEND | O_NONBLOCK | O_WRONLY), 0);
	/* Only O_APPEND and O_NONBLOCK changed; the access mode stays. */
	KTEST_EXPECT_EQ(test, sys_fcntl(11, F_GETFL, 0),
			O_RDONLY | O_LARGEFILE | O_APPEND | O_NONBLOCK);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_SETFL, O_DIRECT), -EINVAL);

	/* close-on-exec: exec closes 10 and 12 and nothing else. */
	do_close_on_exec(current->files);
	KTEST_EXPECT_EQ(test, sys_fcntl(10, F_GETFD, 0), -EBADF);
	KTEST_EXPECT_EQ(test, sys_fcntl(12, F_GETFD, 0), -EBADF);
	KTEST_EXPECT_EQ(test, sys_fcntl(11, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(test, refs(0), 3);	/* fds 0, 1, 11 */
	put_table(saved);
}

/* fds 0 .. 1023 can all be open; the 1025th is EMFILE. Closing them all
 * gives back every page. */
static void fd_exhaustion_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	struct files_struct *saved = new_table(test);
	long fd = 0;

	KTEST_ASSERT_EQ(test, open_fd("/etc/motd", O_RDONLY), 0);
	for (int i = 1; i < NR_OPEN_MAX && fd >= 0; i++)
		fd = sys_dup(0);
	KTEST_EXPECT_EQ(test, fd, NR_OPEN_MAX - 1);
	KTEST_EXPECT_EQ(test, sys_dup(0), -EMFILE);
	KTEST_EXPECT_EQ(test, sys_fcntl(0, F_DUPFD, 0), -EMFILE);
	KTEST_EXPECT_EQ(test, open_fd("/etc/motd", O_RDONLY), -EMFILE);
	KTEST_EXPECT_EQ(test, current->files->fdt->max_fds, NR_OPEN_MAX);
	KTEST_EXPECT_EQ(test, refs(0), NR_OPEN_MAX);
	KTEST_EXPECT_EQ(test, sys_close(500), 0);
	KTEST_EXPECT_EQ(test, sys_dup(0), 500);
	put_table(saved);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

static struct task_struct fake_task;	/* only its files and fs are used */

/* fork's copy: the same files (one more reference each) in the same fds,
 * the same close-on-exec flags; then independent. Sharing (CLONE_FILES,
 * CLONE_FS) and exit_files()/exit_fs(). Also fs_struct's copy. */
static void fd_dup_fd_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	struct files_struct *saved = new_table(test), *parent, *child;
	struct fs_struct *fs;
	int err;

	KTEST_ASSERT_EQ(test, open_fd("/etc/motd", O_RDONLY), 0);
	KTEST_EXPECT_EQ(test, sys_dup3(0, 70, O_CLOEXEC), 70);
	parent = current->files;
	child = dup_fd(parent, &err);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_EQ(test, err, 0);
	KTEST_EXPECT_EQ(test, refs(0), 4);	/* two fds in each table */
	KTEST_EXPECT_GE(test, child->fdt->max_fds, 71);
	KTEST_EXPECT_EQ(test, child->fdt->fd[70], parent->fdt->fd[0]);
	KTEST_EXPECT_TRUE(test, child->fdt->close_on_exec[1] & (1UL << 6));
	KTEST_EXPECT_EQ(test, sys_close(70), 0);
	KTEST_EXPECT_NOT_NULL(test, child->fdt->fd[70]);	/* the child's is its own */
	KTEST_EXPECT_EQ(test, refs(0), 3);
	get_files_struct(child);	/* CLONE_FILES: a second task shares it */
	fake_task.files = child;
	exit_files(&fake_task);
	KTEST_EXPECT_NULL(test, fake_task.files);
	KTEST_EXPECT_EQ(test, refs(0), 3);
	fake_task.files = child;
	exit_files(&fake_task);	/* the last user closes its files */
	KTEST_EXPECT_EQ(test, refs(0), 1);

	fs = copy_fs_struct(current_fs());
	KTEST_ASSERT_NOT_NULL(test, fs);
	KTEST_EXPECT_EQ(test, fs->pwd.dentry, current_fs()->pwd.dentry);
	KTEST_EXPECT_EQ(test, fs->umask, current_umask());
	get_fs_struct(fs);	/* CLONE_FS: two tasks share it */
	KTEST_EXPECT_EQ(test, fs->users, 2);
	fake_task.fs = fs;
	exit_fs(&fake_task);	/* one exits: still there */
	KTEST_EXPECT_NULL(test, fake_task.fs);
	KTEST_EXPECT_EQ(test, fs->users, 1);
	fake_task.fs = fs;
	exit_fs(&fake_task);	/* the last: freed (the leak check below sees it) */
	put_table(saved);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* lseek, ftruncate and umask through their system calls. */
static void fd_syscalls_test(struct ktest *test)
{
	struct files_struct *saved = new_table(test);
	int old;

	KTEST_ASSERT_EQ(test, open_fd("/tmp/ktest-fd-file", O_RDWR | O_CREAT | O_TRUNC), 0);
	KTEST_EXPECT_EQ(test, sys_ftruncate(0, 100), 0);
	KTEST_EXPECT_EQ(test, sys_lseek(0, 0, SEEK_END), 100);
	KTEST_EXPECT_EQ(test, sys_lseek(0, -200, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_lseek(0, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_lseek(9, 0, SEEK_SET), -EBADF);
	KTEST_EXPECT_EQ(test, sys_ftruncate(0, -1), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_ftruncate(9, 0), -EBADF);
	KTEST_ASSERT_EQ(test, open_fd("/tmp/ktest-fd-file", O_RDONLY), 1);
	KTEST_EXPECT_EQ(test, sys_ftruncate(1, 0), -EINVAL);	/* not open for writing */
	KTEST_ASSERT_EQ(test, open_fd("/tmp", O_RDONLY), 2);
	KTEST_EXPECT_EQ(test, sys_ftruncate(2, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_lseek(2, 1, SEEK_END), -EINVAL);	/* directories: no SEEK_END */
	KTEST_ASSERT_EQ(test, open_fd("/dev/console", O_RDWR), 3);
	KTEST_EXPECT_EQ(test, sys_lseek(3, 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(test, init_unlink("/tmp/ktest-fd-file"), 0);

	old = sys_umask(0077);
	KTEST_EXPECT_EQ(test, old, 0022);
	KTEST_EXPECT_EQ(test, sys_umask(old | 01000), 0077);	/* only permission bits kept */
	KTEST_EXPECT_EQ(test, current_umask(), 0022);
	put_table(saved);
}

KTEST_SUITE(fdtable, KTEST_CASE(fd_lowest_free_test), KTEST_CASE(fd_dup_test),
	    KTEST_CASE(fd_fcntl_test), KTEST_CASE(fd_exhaustion_test),
	    KTEST_CASE(fd_dup_fd_test), KTEST_CASE(fd_syscalls_test));
