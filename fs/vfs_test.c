/*
 * Tests for the filesystem: path walks, the rootfs the initramfs was
 * unpacked into, reading and writing, truncation, the errnos of open,
 * mkdir, rmdir, unlink and rename, readdir, cwd, and that everything is
 * freed when its last reference goes. Each test works in its own
 * directory under /tmp, through the kernel-side calls the system calls
 * are built on (their user-pointer halves need a user address space).
 */
#include <linux/kernel.h>
#include <linux/dirent.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>

/* Make dir and go there; the test's files live in it. */
static bool enter_dir(struct ktest *test, const char *dir)
{
	KTEST_EXPECT_EQ(test, setup_task_files_fs(current), 0);
	return KTEST_EXPECT_EQ(test, init_mkdir(dir, 0755), 0) &&
	       KTEST_EXPECT_EQ(test, init_chdir(dir), 0);
}

/* Back to "/" and remove dir, which the test must have emptied. */
static void leave_dir(struct ktest *test, const char *dir)
{
	KTEST_EXPECT_EQ(test, init_chdir("/"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(dir), 0);
}

/* 0 if path can be looked up (following a final symlink, as stat), else
 * the errno. */
static int lookup(const char *path)
{
	struct path p;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);

	if (!err)
		path_put(&p);
	return err;
}

/* The dentry path names, following a final link (a reference is dropped: only
 * for comparing identities), or an ERR_PTR. */
static struct dentry *dentry_of(const char *path)
{
	struct path p;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);

	if (err)
		return ERR_PTR(err);
	path_put(&p);
	return p.dentry;
}

/* filp_open's errno, or 0 (and the file is closed again). */
static int open_err(const char *path, int flags, umode_t mode)
{
	struct file *f = filp_open(path, flags, mode);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

/* Write s at the file's position, which moves. */
static ssize_t kput(struct file *f, const char *s)
{
	loff_t pos = f->f_pos;
	ssize_t n = kernel_write(f, s, strlen(s), &pos);

	f->f_pos = pos;
	return n;
}

/* Read the whole file from offset 0 into buf (NUL-terminated); its length. */
static ssize_t slurp(struct file *f, char *buf, size_t max)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(f, buf, max - 1, &pos);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static long size_of(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, 0) ? -1 : st.size;
}

static unsigned int mode_of(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, 0) ? 0 : st.mode;
}

/* The initramfs was unpacked at boot: files with their contents and modes,
 * /tmp sticky and world-writable, /dev/console the console's device node. */
static void rootfs_populated_test(struct ktest *test)
{
	static const char welcome[] = "Welcome to Forklift";
	struct file *f = filp_open("/etc/motd", O_RDONLY, 0);
	struct kstat st;
	char buf[64];

	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, slurp(f, buf, sizeof(buf)), min(size_of("/etc/motd"), 63L));
	KTEST_EXPECT_EQ(test, memcmp(buf, welcome, sizeof(welcome) - 1), 0);
	fput(f);
	KTEST_EXPECT_EQ(test, mode_of("/etc/motd"), S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, mode_of("/tmp"), S_IFDIR | S_ISVTX | 0777);
	KTEST_EXPECT_EQ(test, mode_of("/bin/hello") & (S_IFMT | S_IXUSR), S_IFREG | S_IXUSR);
	KTEST_ASSERT_EQ(test, init_stat("/dev/console", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode & S_IFMT, S_IFCHR);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(5, 1));
}

/* ".", "..", repeated and trailing slashes, absolute and relative paths,
 * and the walk's errnos. */
static void vfs_path_walk_test(struct ktest *test)
{
	static char longname[NAME_MAX + 2], longpath[PATH_MAX + 1];
	struct dentry *c;

	if (!enter_dir(test, "/tmp/ktest-walk"))
		return;
	KTEST_ASSERT_EQ(test, init_mkdir("a", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir("a/b", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir("a/b/c", 0755), 0);
	KTEST_ASSERT_EQ(test, open_err("a/f", O_CREAT | O_WRONLY, 0644), 0);

	c = dentry_of("a/b/c");
	KTEST_ASSERT_TRUE(test, !IS_ERR(c));
	KTEST_EXPECT_STREQ(test, c->d_name.name, "c");
	KTEST_EXPECT_EQ(test, dentry_of("a//b///c"), c);
	KTEST_EXPECT_EQ(test, dentry_of("./a/./b/../b/c/."), c);
	KTEST_EXPECT_EQ(test, dentry_of("/tmp/ktest-walk/a/b/c"), c);
	KTEST_EXPECT_EQ(test, dentry_of("a/b/c/"), c);	/* a directory may end in "/" */
	KTEST_EXPECT_EQ(test, dentry_of("/../../tmp/.."), dentry_of("/"));	/* ".." stops at / */
	KTEST_EXPECT_EQ(test, dentry_of("a/b/c/../../.."), dentry_of("."));

	KTEST_EXPECT_EQ(test, lookup("a/f"), 0);
	KTEST_EXPECT_EQ(test, lookup("a/f/"), -ENOTDIR);	/* a file may not */
	KTEST_EXPECT_EQ(test, lookup("a/f/x"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, lookup("a/f/.."), -ENOTDIR);
	KTEST_EXPECT_EQ(test, lookup("a/missing"), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup("a/missing/x"), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup(""), -ENOENT);

	memset(longname, 'n', NAME_MAX);	/* 255 bytes: a legal name, just missing */
	KTEST_EXPECT_EQ(test, lookup(longname), -ENOENT);
	longname[NAME_MAX] = 'n';	/* 256 */
	KTEST_EXPECT_EQ(test, lookup(longname), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(test, init_mkdir(longname, 0755), -ENAMETOOLONG);
	for (int i = 0; i < PATH_MAX - 1; i += 2)	/* "./././...": 4095 bytes is allowed */
		memcpy(longpath + i, "./", 2);
	longpath[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(test, lookup(longpath), 0);
	longpath[PATH_MAX - 1] = '.';	/* 4096 bytes without the NUL: too long */
	KTEST_EXPECT_EQ(test, lookup(longpath), -ENAMETOOLONG);

	KTEST_EXPECT_EQ(test, init_unlink("a/f"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("a/b/c/"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("a/b"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("a"), 0);
	leave_dir(test, "/tmp/ktest-walk");
}

/* Create, write, seek, read, holes, truncate, O_APPEND, O_TRUNC. */
static void vfs_read_write_test(struct ktest *test)
{
	struct file *f, *g;
	struct kstat st;
	char buf[64];
	loff_t pos;

	if (!enter_dir(test, "/tmp/ktest-rw"))
		return;
	f = filp_open("f", O_RDWR | O_CREAT | O_EXCL, 0644);
	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, open_err("f", O_RDWR | O_CREAT | O_EXCL, 0644), -EEXIST);
	KTEST_EXPECT_EQ(test, kput(f, "hello, world"), 12);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -5, SEEK_END), 7);
	pos = f->f_pos;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 5);
	KTEST_EXPECT_EQ(test, memcmp(buf, "world", 5), 0);
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);	/* at the end */
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 12, SEEK_DATA), -ENXIO);

	/* A write past the end leaves a hole of zeroes, across a page boundary. */
	KTEST_EXPECT_EQ(test, vfs_llseek(f, PAGE_SIZE + 10, SEEK_SET), PAGE_SIZE + 10);
	KTEST_EXPECT_EQ(test, kput(f, "!"), 1);
	KTEST_EXPECT_EQ(test, size_of("f"), PAGE_SIZE + 11);
	pos = PAGE_SIZE + 8;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 3);
	KTEST_EXPECT_EQ(test, memcmp(buf, "\0\0!", 3), 0);
	pos = 100;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 8, &pos), 8);
	KTEST_EXPECT_EQ(test, memcmp(buf, "\0\0\0\0\0\0\0\0", 8), 0);
	KTEST_EXPECT_EQ(test, init_stat("f", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.blocks, 2 * PAGE_SIZE / 512);	/* both pages were written */

	/* Truncate down keeps the start; up again, the rest reads as zeroes. */
	KTEST_EXPECT_EQ(test, do_truncate(f->f_path.dentry, 5), 0);
	KTEST_EXPECT_EQ(test, slurp(f, buf, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(test, buf, "hello");
	KTEST_EXPECT_EQ(test, do_truncate(f->f_path.dentry, 8), 0);
	KTEST_EXPECT_EQ(test, slurp(f, buf, sizeof(buf)), 8);
	KTEST_EXPECT_EQ(test, memcmp(buf, "hello\0\0\0", 8), 0);
	KTEST_EXPECT_EQ(test, do_truncate(f->f_path.dentry, -1), -EINVAL);
	KTEST_EXPECT_EQ(test, do_truncate(f->f_path.dentry, RAMFS_MAX_FILE_SIZE + 1), -EFBIG);

	g = filp_open("f", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(g));
	KTEST_EXPECT_EQ(test, kput(g, "+"), 1);	/* at the end, whatever the position */
	KTEST_EXPECT_EQ(test, size_of("f"), 9);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(g, buf, 1, &pos), -EBADF);	/* write-only */
	fput(g);
	g = filp_open("f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(g));
	KTEST_EXPECT_EQ(test, kput(g, "x"), -EBADF);	/* read-only */
	fput(g);
	KTEST_EXPECT_EQ(test, open_err("f", O_RDWR | O_TRUNC, 0), 0);
	KTEST_EXPECT_EQ(test, size_of("f"), 0);
	fput(f);
	KTEST_EXPECT_EQ(test, init_unlink("f"), 0);
	leave_dir(test, "/tmp/ktest-rw");
}

/* The errnos of open, mkdir, mknod, rmdir and unlink, as Linux gives them. */
static void vfs_errno_test(struct ktest *test)
{
	struct file *f;
	loff_t pos = 0;
	char c;

	if (!enter_dir(test, "/tmp/ktest-errno"))
		return;
	KTEST_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, open_err("f", O_CREAT | O_WRONLY, 0644), 0);

	KTEST_EXPECT_EQ(test, open_err("missing", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, open_err("missing/f", O_RDONLY | O_CREAT, 0644), -ENOENT);
	KTEST_EXPECT_EQ(test, open_err("f/x", O_RDONLY | O_CREAT, 0644), -ENOTDIR);
	KTEST_EXPECT_EQ(test, open_err("d", O_WRONLY, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, open_err("d", O_RDWR, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, open_err("d", O_RDONLY | O_TRUNC, 0), -EISDIR);
	KTEST_EXPECT_EQ(test, open_err("d", O_RDONLY | O_CREAT, 0644), -EISDIR);
	KTEST_EXPECT_EQ(test, open_err("new/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	KTEST_EXPECT_EQ(test, open_err("f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, open_err("d", O_RDONLY | O_DIRECTORY, 0), 0);
	KTEST_EXPECT_EQ(test, open_err(".", O_RDONLY | O_CREAT | O_EXCL, 0644), -EEXIST);

	f = filp_open("d", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), -EISDIR);
	fput(f);

	KTEST_EXPECT_EQ(test, init_mkdir("d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir("f", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir(".", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir("f/d", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mknod("dir", S_IFDIR | 0755, 0), -EPERM);
	KTEST_EXPECT_EQ(test, init_mknod("node/", S_IFIFO | 0644, 0), -ENOENT);

	KTEST_EXPECT_EQ(test, init_unlink("missing"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_unlink("d"), -EISDIR);
	KTEST_EXPECT_EQ(test, init_unlink("."), -EISDIR);
	KTEST_EXPECT_EQ(test, init_unlink("f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_rmdir("f"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_rmdir("missing"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_rmdir("."), -EINVAL);
	KTEST_EXPECT_EQ(test, init_rmdir(".."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, init_rmdir("/"), -EBUSY);
	KTEST_ASSERT_EQ(test, open_err("d/inner", O_CREAT | O_WRONLY, 0644), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("d"), -ENOTEMPTY);

	/* A removed directory (still someone's cwd) takes no new names. */
	KTEST_EXPECT_EQ(test, init_unlink("d/inner"), 0);
	KTEST_EXPECT_EQ(test, init_chdir("d"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("../d"), 0);
	KTEST_EXPECT_EQ(test, open_err("new", O_CREAT | O_WRONLY, 0644), -ENOENT);
	KTEST_EXPECT_EQ(test, init_mkdir("sub", 0755), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup(".."), 0);	/* ".." still leads out */
	KTEST_EXPECT_EQ(test, init_chdir(".."), 0);

	KTEST_EXPECT_EQ(test, init_unlink("f"), 0);
	leave_dir(test, "/tmp/ktest-errno");
}

/* The link count of path, or -1. */
static long nlink_of(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, 0) ? -1 : (long)st.nlink;
}

/* Make a file holding s. */
static void make_file(struct ktest *test, const char *path, const char *s)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (KTEST_EXPECT_TRUE(test, !IS_ERR(f))) {
		KTEST_EXPECT_EQ(test, kput(f, s), (long)strlen(s));
		fput(f);
	}
}

static int rename2(const char *from, const char *to, unsigned int flags)
{
	return do_renameat2(AT_FDCWD, getname_kernel(from), AT_FDCWD, getname_kernel(to), flags);
}

/* rename: moves, replaces, refuses with Linux's errnos, fixes link counts. */
static void vfs_rename_test(struct ktest *test)
{
	if (!enter_dir(test, "/tmp/ktest-rename"))
		return;
	make_file(test, "f", "f");
	make_file(test, "h", "hhh");
	KTEST_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir("e", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir("e/sub", 0755), 0);
	KTEST_EXPECT_EQ(test, nlink_of("."), 4);	/* ".", its name, d/.. and e/.. */

	KTEST_EXPECT_EQ(test, rename2("f", "g", 0), 0);
	KTEST_EXPECT_EQ(test, size_of("f"), -1);
	KTEST_EXPECT_EQ(test, size_of("g"), 1);
	KTEST_EXPECT_EQ(test, rename2("h", "g", 0), 0);	/* replaces g */
	KTEST_EXPECT_EQ(test, size_of("g"), 3);
	KTEST_EXPECT_EQ(test, size_of("h"), -1);
	KTEST_EXPECT_EQ(test, rename2("g", "g", 0), 0);	/* the same file: nothing */

	KTEST_EXPECT_EQ(test, rename2("missing", "x", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, rename2("g", "missing/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, rename2("g", "d", 0), -EISDIR);
	KTEST_EXPECT_EQ(test, rename2("d", "g", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, rename2("d", "e", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, rename2("e", "e/sub/x", 0), -EINVAL);	/* into itself */
	KTEST_EXPECT_EQ(test, rename2("e/sub", "e", 0), -ENOTEMPTY);	/* over its parent */
	KTEST_EXPECT_EQ(test, rename2(".", "x", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, rename2("g", "..", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, rename2("g/", "x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, rename2("g", "x/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, rename2("g", "d", RENAME_NOREPLACE), -EEXIST);
	KTEST_EXPECT_EQ(test, rename2("g", "x", RENAME_NOREPLACE | RENAME_EXCHANGE), -EINVAL);
	KTEST_EXPECT_EQ(test, rename2("g", "x", RENAME_EXCHANGE), -ENOENT);

	/* A directory moving between parents moves a link with its "..". */
	KTEST_EXPECT_EQ(test, rename2("e/sub", "d/sub", 0), 0);
	KTEST_EXPECT_EQ(test, nlink_of("e"), 2);
	KTEST_EXPECT_EQ(test, nlink_of("d"), 3);
	KTEST_EXPECT_EQ(test, lookup("d/sub/../../g"), 0);
	KTEST_EXPECT_EQ(test, rename2("e", "d/sub", 0), 0);	/* over an empty directory */
	KTEST_EXPECT_EQ(test, nlink_of("."), 3);
	KTEST_EXPECT_EQ(test, nlink_of("d"), 3);

	/* RENAME_EXCHANGE swaps a file and a directory. */
	KTEST_EXPECT_EQ(test, rename2("g", "d", RENAME_EXCHANGE), 0);
	KTEST_EXPECT_EQ(test, size_of("d"), 3);
	KTEST_EXPECT_EQ(test, mode_of("g") & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(test, lookup("g/sub"), 0);

	KTEST_EXPECT_EQ(test, init_rmdir("g/sub"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("g"), 0);
	KTEST_EXPECT_EQ(test, init_unlink("d"), 0);
	KTEST_EXPECT_EQ(test, nlink_of("."), 2);
	leave_dir(test, "/tmp/ktest-rename");
}

/* An unlinked file that is still open keeps its data until the last
 * close; then every page, inode and dentry is given back. */
static void vfs_unlink_open_file_test(struct ktest *test)
{
	static char block[PAGE_SIZE];
	unsigned long before;
	struct file *f;
	loff_t pos = 0;
	char c;

	if (!enter_dir(test, "/tmp/ktest-unlink"))
		return;
	before = ktest_free_pages();
	f = filp_open("f", O_RDWR | O_CREAT, 0600);
	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	memset(block, 'x', sizeof(block));
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(test, kernel_write(f, block, sizeof(block), &pos), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, init_unlink("f"), 0);
	KTEST_EXPECT_EQ(test, lookup("f"), -ENOENT);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_nlink, 0);
	pos = 2 * PAGE_SIZE + 7;
	KTEST_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), 1);	/* the data is still there */
	KTEST_EXPECT_EQ(test, c, 'x');
	KTEST_EXPECT_LT(test, ktest_free_pages(), before - 2);	/* held by the open file */
	fput(f);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);	/* everything back */
	leave_dir(test, "/tmp/ktest-unlink");
}

/* Many files and directories made, written and removed: nothing leaks. */
static void vfs_no_leak_test(struct ktest *test)
{
	char name[32], to[32];
	unsigned long before;

	KTEST_EXPECT_EQ(test, setup_task_files_fs(current), 0);	/* before counting pages */
	before = ktest_free_pages();
	if (!enter_dir(test, "/tmp/ktest-leak"))
		return;
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "dir%d", i);
		KTEST_EXPECT_EQ(test, init_mkdir(name, 0755), 0);
		snprintf(name, sizeof(name), "dir%d/file", i);
		make_file(test, name, "some bytes");
		snprintf(to, sizeof(to), "dir%d/renamed", i);
		KTEST_EXPECT_EQ(test, rename2(name, to, 0), 0);
	}
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "dir%d/renamed", i);
		KTEST_EXPECT_EQ(test, init_unlink(name), 0);
		snprintf(name, sizeof(name), "dir%d", i);
		KTEST_EXPECT_EQ(test, init_rmdir(name), 0);
	}
	leave_dir(test, "/tmp/ktest-leak");
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* Collects directory entries through a dir_context, up to max per call. */
struct collect {
	struct dir_context ctx;
	int n, max;
	char names[16][16];
	unsigned int types[16];
};

static bool collect_actor(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type)
{
	struct collect *c = container_of(ctx, struct collect, ctx);

	if (c->n == c->max || c->n == 16)
		return false;
	snprintf(c->names[c->n], sizeof(c->names[0]), "%.*s", namelen, name);
	c->types[c->n++] = d_type;
	return true;
}

/* How many of the collected names equal name. */
static int count_name(const struct collect *c, const char *name)
{
	int n = 0;

	for (int i = 0; i < c->n; i++)
		n += !strcmp(c->names[i], name);
	return n;
}

/* readdir gives ".", "..", each name once with its type; unlinking names
 * between calls skips none of the others; lseek to 0 starts over. */
static void vfs_readdir_test(struct ktest *test)
{
	struct collect c = { .ctx.actor = collect_actor, .max = 16 };
	struct collect all = { .ctx.actor = collect_actor, .max = 16 };
	struct file *dir;
	char name[8];

	if (!enter_dir(test, "/tmp/ktest-readdir"))
		return;
	KTEST_ASSERT_EQ(test, init_mkdir("sub", 0755), 0);
	for (int i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		make_file(test, name, "");
	}
	dir = filp_open(".", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(dir));
	KTEST_EXPECT_EQ(test, iterate_dir(dir, &all.ctx), 0);
	KTEST_EXPECT_EQ(test, all.n, 9);
	KTEST_EXPECT_STREQ(test, all.names[0], ".");
	KTEST_EXPECT_STREQ(test, all.names[1], "..");
	KTEST_EXPECT_EQ(test, all.types[0], DT_DIR);
	KTEST_EXPECT_EQ(test, count_name(&all, "sub"), 1);
	for (int i = 0; i < all.n; i++)
		if (!strcmp(all.names[i], "f3"))
			KTEST_EXPECT_EQ(test, all.types[i], DT_REG);
	all.n = 0;
	KTEST_EXPECT_EQ(test, iterate_dir(dir, &all.ctx), 0);
	KTEST_EXPECT_EQ(test, all.n, 0);	/* at the end */

	/* Read 4 entries at a time, unlinking the files read so far (as rm -r). */
	KTEST_EXPECT_EQ(test, vfs_llseek(dir, 0, SEEK_SET), 0);
	for (int round = 0; round < 5; round++) {
		int start = c.n;

		c.max = c.n + 4;
		KTEST_EXPECT_EQ(test, iterate_dir(dir, &c.ctx), 0);
		for (int i = start; i < c.n; i++)
			if (c.names[i][0] == 'f')
				KTEST_EXPECT_EQ(test, init_unlink(c.names[i]), 0);
	}
	KTEST_EXPECT_EQ(test, c.n, 9);
	for (int i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		KTEST_EXPECT_EQ(test, count_name(&c, name), 1);
	}
	fput(dir);
	KTEST_EXPECT_EQ(test, init_rmdir("sub"), 0);

	/* A removed directory lists nothing: ENOENT. */
	KTEST_ASSERT_EQ(test, init_mkdir("gone", 0755), 0);
	dir = filp_open("gone", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(dir));
	KTEST_EXPECT_EQ(test, init_rmdir("gone"), 0);
	KTEST_EXPECT_EQ(test, iterate_dir(dir, &c.ctx), -ENOENT);
	fput(dir);
	leave_dir(test, "/tmp/ktest-readdir");
}

/* The cwd's name, as getcwd builds it; a removed one is "(deleted)". */
static void vfs_cwd_test(struct ktest *test)
{
	char buf[64], *p;
	struct path pwd;

	if (!enter_dir(test, "/tmp/ktest-cwd"))
		return;
	KTEST_ASSERT_EQ(test, init_mkdir("sub", 0755), 0);
	KTEST_ASSERT_EQ(test, init_chdir("sub/"), 0);
	get_fs_pwd(current_fs(), &pwd);
	p = d_path(&pwd, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, IS_ERR(p) ? "error" : p, "/tmp/ktest-cwd/sub");
	p = d_path(&pwd, buf, 10);
	KTEST_EXPECT_EQ(test, PTR_ERR(p), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(test, init_rmdir("../sub"), 0);
	p = d_path(&pwd, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, IS_ERR(p) ? "error" : p, "/tmp/ktest-cwd/sub (deleted)");
	path_put(&pwd);
	KTEST_EXPECT_EQ(test, init_chdir(".."), 0);
	get_fs_pwd(current_fs(), &pwd);
	p = d_path(&pwd, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, IS_ERR(p) ? "error" : p, "/tmp/ktest-cwd");
	path_put(&pwd);
	KTEST_EXPECT_EQ(test, init_chdir("/tmp/ktest-cwd/missing"), -ENOENT);
	leave_dir(test, "/tmp/ktest-cwd");
}

/* Symbolic links: followed on the way and at the end (unless asked not
 * to), relative to where they are or from "/"; chains; ELOOP for loops and
 * too deep nesting; O_CREAT through a dangling link; the link itself is
 * what unlink, rename and lstat see. */
static void vfs_symlink_test(struct ktest *test)
{
	struct dentry *f;
	struct kstat st;
	struct file *file;
	char name[8], body[8];
	char buf[8];
	loff_t pos = 0;

	if (!enter_dir(test, "/tmp/ktest-symlink"))
		return;
	KTEST_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	make_file(test, "d/f", "data");
	f = dentry_of("d/f");
	KTEST_ASSERT_EQ(test, init_symlink("d/f", "l"), 0);
	KTEST_EXPECT_EQ(test, init_symlink("d/f", "l"), -EEXIST);
	KTEST_EXPECT_EQ(test, init_symlink("", "e"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_symlink("x", "e/"), -ENOENT);

	KTEST_EXPECT_EQ(test, init_stat("l", &st, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(test, st.size, 3);
	KTEST_EXPECT_EQ(test, mode_of("l"), S_IFREG | 0644);	/* stat follows */
	KTEST_EXPECT_EQ(test, dentry_of("l"), f);
	file = filp_open("l", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(file));
	KTEST_EXPECT_EQ(test, kernel_read(file, buf, sizeof(buf), &pos), 4);
	KTEST_EXPECT_EQ(test, file->f_path.dentry, f);
	fput(file);
	KTEST_EXPECT_EQ(test, open_err("l", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	KTEST_EXPECT_EQ(test, open_err("l", O_PATH | O_NOFOLLOW, 0), 0);
	KTEST_EXPECT_EQ(test, open_err("l", O_RDWR | O_CREAT | O_EXCL, 0644), -EEXIST);

	KTEST_ASSERT_EQ(test, init_symlink("d", "dl"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("/tmp/ktest-symlink/d", "abs"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("../d/f", "d/up"), 0);	/* from d, where it is */
	KTEST_EXPECT_EQ(test, dentry_of("dl/f"), f);
	KTEST_EXPECT_EQ(test, dentry_of("abs/f"), f);
	KTEST_EXPECT_EQ(test, dentry_of("d/up"), f);
	KTEST_EXPECT_EQ(test, dentry_of("dl/"), dentry_of("d"));
	KTEST_EXPECT_EQ(test, init_mkdir("abs", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_rmdir("dl"), -ENOTDIR);	/* the link, not the directory */

	/* A chain of 20 links is followed; a loop is not. */
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		snprintf(body, sizeof(body), i ? "c%d" : "d/f", i - 1);
		KTEST_EXPECT_EQ(test, init_symlink(body, name), 0);
	}
	KTEST_EXPECT_EQ(test, dentry_of("c19"), f);
	KTEST_ASSERT_EQ(test, init_symlink("lb", "la"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("la", "lb"), 0);
	KTEST_EXPECT_EQ(test, lookup("la"), -ELOOP);
	KTEST_EXPECT_EQ(test, open_err("la", O_RDONLY, 0), -ELOOP);

	/* n_k -> n_{k-1}/. nests k + 1 deep: 8 is the most. */
	for (int i = 0; i < 9; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		snprintf(body, sizeof(body), i ? "n%d/." : "d", i - 1);
		KTEST_EXPECT_EQ(test, init_symlink(body, name), 0);
	}
	KTEST_EXPECT_EQ(test, dentry_of("n7"), dentry_of("d"));
	KTEST_EXPECT_EQ(test, lookup("n8"), -ELOOP);

	/* O_CREAT through a link to nowhere makes its target. */
	KTEST_ASSERT_EQ(test, init_symlink("d/new", "dangling"), 0);
	KTEST_EXPECT_EQ(test, lookup("dangling"), -ENOENT);
	KTEST_EXPECT_EQ(test, open_err("dangling", O_WRONLY | O_CREAT, 0644), 0);
	KTEST_EXPECT_EQ(test, mode_of("d/new"), S_IFREG | 0644);

	/* chdir follows; unlink and rename work on the link itself. */
	KTEST_EXPECT_EQ(test, init_chdir("abs"), 0);
	KTEST_EXPECT_EQ(test, dentry_of("."), dentry_of("/tmp/ktest-symlink/d"));
	KTEST_EXPECT_EQ(test, init_chdir(".."), 0);
	KTEST_EXPECT_EQ(test, rename2("l", "l2", 0), 0);
	KTEST_EXPECT_EQ(test, init_unlink("l2"), 0);
	KTEST_EXPECT_EQ(test, dentry_of("d/f"), f);

	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		KTEST_EXPECT_EQ(test, init_unlink(name), 0);
	}
	for (int i = 0; i < 9; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		KTEST_EXPECT_EQ(test, init_unlink(name), 0);
	}
	static const char *const rest[] = { "la", "lb", "dangling", "dl", "abs", "d/up", "d/new",
					    "d/f" };
	for (unsigned int i = 0; i < ARRAY_SIZE(rest); i++)
		KTEST_EXPECT_EQ(test, init_unlink(rest[i]), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("d"), 0);
	leave_dir(test, "/tmp/ktest-symlink");
}

/* New files get the mode asked for minus the umask (022 for pid 1). */
static void vfs_umask_test(struct ktest *test)
{
	if (!enter_dir(test, "/tmp/ktest-umask"))
		return;
	KTEST_EXPECT_EQ(test, current_umask(), 0022);
	KTEST_EXPECT_EQ(test, open_err("f", O_CREAT | O_WRONLY, 0666), 0);
	KTEST_EXPECT_EQ(test, mode_of("f"), S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, init_mkdir("d", 01777), 0);
	KTEST_EXPECT_EQ(test, mode_of("d"), S_IFDIR | 01755);
	KTEST_EXPECT_EQ(test, init_mknod("p", S_IFIFO | 0666, 0), 0);
	KTEST_EXPECT_EQ(test, mode_of("p"), S_IFIFO | 0644);
	/* A FIFO with no reader: a non-blocking open for writing is refused
	 * (ENXIO); for reading it succeeds without waiting for a writer. */
	KTEST_EXPECT_EQ(test, open_err("p", O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	KTEST_EXPECT_EQ(test, open_err("p", O_RDONLY | O_NONBLOCK, 0), 0);
	KTEST_EXPECT_EQ(test, init_unlink("p"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("d"), 0);
	KTEST_EXPECT_EQ(test, init_unlink("f"), 0);
	leave_dir(test, "/tmp/ktest-umask");
}

/* Kernel addresses passed where user pointers belong give EFAULT, and
 * nothing is done. */
static void vfs_efault_test(struct ktest *test)
{
	static char kbuf[16] = "/etc/motd";
	struct iovec fast[UIO_FASTIOV], *iov;
	struct iov_iter iter;
	struct file *f;
	loff_t pos = 0;

	KTEST_EXPECT_EQ(test, PTR_ERR(getname((const char __user *)kbuf)), -EFAULT);
	f = filp_open("/etc/motd", O_RDWR, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, vfs_read(f, (char __user *)kbuf, sizeof(kbuf), &pos), -EFAULT);
	KTEST_EXPECT_EQ(test, vfs_write(f, (const char __user *)kbuf, sizeof(kbuf), &pos), -EFAULT);
	KTEST_EXPECT_EQ(test, pos, 0);
	KTEST_EXPECT_EQ(test, import_iovec((const struct iovec __user *)fast, 1, fast, &iov, &iter),
			-EFAULT);
	fput(f);
	KTEST_EXPECT_STREQ(test, kbuf, "/etc/motd");
}

KTEST_SUITE(vfs, KTEST_CASE(rootfs_populated_test), KTEST_CASE(vfs_path_walk_test),
	    KTEST_CASE(vfs_read_write_test), KTEST_CASE(vfs_errno_test),
	    KTEST_CASE(vfs_rename_test), KTEST_CASE(vfs_unlink_open_file_test),
	    KTEST_CASE(vfs_no_leak_test), KTEST_CASE(vfs_readdir_test), KTEST_CASE(vfs_cwd_test),
	    KTEST_CASE(vfs_symlink_test), KTEST_CASE(vfs_umask_test),
	    KTEST_CASE(vfs_efault_test));
