/*
 * Tests for the cpio "newc" reader, fs/initramfs.c. Each test builds a small
 * archive here, in the test, so the bytes it checks are visible: a good one
 * read back entry by entry, then damaged copies, each of which must give its
 * documented error (include/linux/initramfs.h), name the entry, and never
 * read past the end of the buffer.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>

#define ARCHIVE_MAX 1024

/* Append one entry: header, name and data, each padded to 4 bytes. Returns
 * the offset of the entry's header. */
static size_t put_entry(char *buf, size_t *len, const char *magic, const char *name,
			u32 mode, const char *data, u32 size)
{
	size_t start = *len, namesize = strlen(name) + 1;
	u32 sum = 0;

	for (u32 i = 0; i < size; i++)
		sum += (u8)data[i];
	/* ino mode uid gid nlink mtime filesize devmaj devmin rdevmaj rdevmin namesize check */
	snprintf(buf + start, CPIO_HEADER_SIZE + 1,
		 "%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08lx%08x", magic,
		 (u32)start, mode, 1000, 100, (mode & S_IFMT) == S_IFDIR ? 2 : 1, 0x65000000,
		 size, 8, 1, 0, 0, namesize, magic[5] == '2' ? sum : 0);
	*len += CPIO_HEADER_SIZE;
	memcpy(buf + *len, name, namesize);
	*len += namesize;
	while (*len % 4)
		buf[(*len)++] = 0;
	memcpy(buf + *len, data, size);
	*len += size;
	while (*len % 4)
		buf[(*len)++] = 0;
	return start;
}

/* Overwrite header field `field` (0 = ino ... 12 = check) of the entry at
 * `entry` with eight characters. */
static void set_field(char *buf, size_t entry, int field, const char *eight)
{
	memcpy(buf + entry + 6 + 8 * field, eight, 8);
}

#define FIELD_MODE 1
#define FIELD_FILESIZE 6
#define FIELD_NAMESIZE 11
#define FIELD_CHECK 12

static const char motd[] = "Hello from the initramfs\n";	/* 25 bytes: padded */
static const char four[] = "abcd";				/* 4 bytes: no padding */

/* The good archive, and where each of its entries starts. */
struct sample {
	char buf[ARCHIVE_MAX];
	size_t len;
	size_t etc, motd, link, four, trailer;
};

static struct sample sample;

static void build_sample(const char *magic)
{
	struct sample *s = &sample;

	memset(s, 0, sizeof(*s));
	s->etc = put_entry(s->buf, &s->len, magic, "etc", S_IFDIR | 0755, "", 0);
	s->motd = put_entry(s->buf, &s->len, magic, "etc/motd", S_IFREG | 0644, motd,
			    sizeof(motd) - 1);
	s->link = put_entry(s->buf, &s->len, magic, "bin/sh", S_IFLNK | 0777, "/bin/true", 9);
	s->four = put_entry(s->buf, &s->len, magic, "four", S_IFREG | 0600, four, 4);
	s->trailer = put_entry(s->buf, &s->len, magic, "TRAILER!!!", 0, "", 0);
}

/* What the callback saw. */
struct seen {
	int n;
	struct cpio_entry e[8];
	int stop_at;		/* return 7 at this entry (1-based); 0: never */
};

static int record(const struct cpio_entry *e, void *arg)
{
	struct seen *s = arg;

	if (s->n < 8)
		s->e[s->n] = *e;
	s->n++;
	return s->n == s->stop_at ? 7 : 0;
}

static bool contains(const char *s, const char *sub)
{
	size_t n = strlen(sub);

	for (; *s; s++)
		if (!strncmp(s, sub, n))
			return true;
	return false;
}

/* The error message must mention `sub`; say what it was otherwise. */
#define EXPECT_MSG_HAS(test, err, sub)                                                   \
	do {                                                                             \
		if (!contains((err)->msg, sub))                                          \
			ktest_fail(test, __FILE__, __LINE__,                             \
				   "expected the error to mention \"%s\", got \"%s\"", sub, \
				   (err)->msg);                                          \
	} while (0)

static void initramfs_good_archive_test(struct ktest *test)
{
	struct seen s = { 0 };
	struct cpio_error err;

	build_sample("070701");
	KTEST_ASSERT_EQ(test, cpio_for_each(sample.buf, sample.len, record, &s, &err), 4);
	KTEST_EXPECT_EQ(test, err.code, CPIO_OK);
	KTEST_ASSERT_EQ(test, s.n, 4);

	KTEST_EXPECT_STREQ(test, s.e[0].name, "etc");
	KTEST_EXPECT_EQ(test, s.e[0].mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(test, s.e[0].size, 0);
	KTEST_EXPECT_EQ(test, s.e[0].nlink, 2);
	KTEST_EXPECT_EQ(test, s.e[0].offset, 0);

	KTEST_EXPECT_STREQ(test, s.e[1].name, "etc/motd");
	KTEST_EXPECT_EQ(test, s.e[1].mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, s.e[1].size, 25);
	KTEST_EXPECT_EQ(test, s.e[1].uid, 1000);
	KTEST_EXPECT_EQ(test, s.e[1].gid, 100);
	KTEST_EXPECT_EQ(test, s.e[1].mtime, 0x65000000);
	KTEST_EXPECT_EQ(test, s.e[1].devmajor, 8);
	KTEST_EXPECT_EQ(test, s.e[1].ino, sample.motd);
	KTEST_EXPECT_EQ(test, s.e[1].offset, sample.motd);
	KTEST_EXPECT_EQ(test, memcmp(s.e[1].data, motd, 25), 0);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)s.e[1].data - (unsigned long)sample.buf, 4));

	KTEST_EXPECT_STREQ(test, s.e[2].name, "bin/sh");
	KTEST_EXPECT_EQ(test, s.e[2].mode & S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(test, s.e[2].size, 9);
	KTEST_EXPECT_EQ(test, memcmp(s.e[2].data, "/bin/true", 9), 0);

	KTEST_EXPECT_STREQ(test, s.e[3].name, "four");
	KTEST_EXPECT_EQ(test, s.e[3].size, 4);
	KTEST_EXPECT_EQ(test, memcmp(s.e[3].data, four, 4), 0);
}

static void initramfs_checksum_test(struct ktest *test)
{
	struct seen s = { 0 };
	struct cpio_error err;

	build_sample("070702");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, record, &s, &err), 4);
	KTEST_EXPECT_STREQ(test, s.e[1].name, "etc/motd");

	set_field(sample.buf, sample.motd, FIELD_CHECK, "00000001");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_ECHECKSUM);
	KTEST_EXPECT_EQ(test, err.code, CPIO_ECHECKSUM);
	KTEST_EXPECT_EQ(test, err.offset, sample.motd);
	EXPECT_MSG_HAS(test, &err, "\"etc/motd\"");
	EXPECT_MSG_HAS(test, &err, "checksum");
}

/* Every cut of the archive before the end of the trailer's name is an error
 * (never a crash, never success); after it, only padding is missing. */
static void initramfs_truncated_test(struct ktest *test)
{
	struct seen s = { 0 };
	struct cpio_error err;
	size_t complete;

	build_sample("070701");
	complete = sample.trailer + CPIO_HEADER_SIZE + sizeof("TRAILER!!!");

	/* Cut inside the data of etc/motd: that entry is named. */
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.motd + 130, record, &s, &err),
			-CPIO_EDATA);
	KTEST_EXPECT_EQ(test, s.n, 1);		/* "etc" was read before the damage */
	KTEST_EXPECT_EQ(test, err.offset, sample.motd);
	EXPECT_MSG_HAS(test, &err, "entry 2 \"etc/motd\"");
	EXPECT_MSG_HAS(test, &err, "data (25 bytes) runs past the end");

	/* Cut inside the header of bin/sh. */
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.link + 50, NULL, NULL, &err),
			-CPIO_ETRUNC);
	KTEST_EXPECT_EQ(test, err.offset, sample.link);
	EXPECT_MSG_HAS(test, &err, "ends inside the header (50 bytes left");

	for (size_t cut = 1; cut < sample.len; cut++) {
		int ret = cpio_for_each(sample.buf, cut, NULL, NULL, &err);

		if (cut < complete && ret >= 0)
			ktest_fail(test, __FILE__, __LINE__,
				   "archive cut at %lu of %lu bytes was accepted (%d entries)",
				   (unsigned long)cut, (unsigned long)sample.len, ret);
		if (cut >= complete && ret != 4)
			ktest_fail(test, __FILE__, __LINE__,
				   "archive missing only trailer padding (cut at %lu): %d, %s",
				   (unsigned long)cut, ret, err.msg);
	}
}

static void initramfs_bad_magic_test(struct ktest *test)
{
	struct seen s = { 0 };
	struct cpio_error err;

	build_sample("070701");
	memcpy(sample.buf + sample.link, "hello!", 6);
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, record, &s, &err),
			-CPIO_EMAGIC);
	KTEST_EXPECT_EQ(test, s.n, 2);
	KTEST_EXPECT_EQ(test, err.offset, sample.link);
	EXPECT_MSG_HAS(test, &err, "entry 3 at offset");
	EXPECT_MSG_HAS(test, &err, "bad magic \"hello!\"");

	/* The old portable format gets a hint on how to build the right one. */
	memcpy(sample.buf, "070707", 6);
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_EMAGIC);
	EXPECT_MSG_HAS(test, &err, "cpio -H newc");
}

static void initramfs_name_past_end_test(struct ktest *test)
{
	struct cpio_error err;

	build_sample("070701");
	set_field(sample.buf, sample.four, FIELD_NAMESIZE, "00010000");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_ENAME);
	KTEST_EXPECT_EQ(test, err.offset, sample.four);
	EXPECT_MSG_HAS(test, &err, "name (65536 bytes) runs past the end of the archive");

	build_sample("070701");
	set_field(sample.buf, sample.four, FIELD_NAMESIZE, "00000000");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_ENAME);
	EXPECT_MSG_HAS(test, &err, "name size is 0");

	build_sample("070701");	/* "four" without its NUL */
	set_field(sample.buf, sample.four, FIELD_NAMESIZE, "00000004");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_ENAME);
	EXPECT_MSG_HAS(test, &err, "not NUL-terminated");
}

static void initramfs_bad_hex_test(struct ktest *test)
{
	struct cpio_error err;

	build_sample("070701");
	set_field(sample.buf, sample.motd, FIELD_FILESIZE, "0000001g");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_EHEX);
	KTEST_EXPECT_EQ(test, err.offset, sample.motd);
	EXPECT_MSG_HAS(test, &err, "bad hex digit 'g'");
	EXPECT_MSG_HAS(test, &err, "in field filesize");

	build_sample("070701");
	set_field(sample.buf, sample.etc, FIELD_MODE, " 0040755");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_EHEX);
	EXPECT_MSG_HAS(test, &err, "in field mode");
}

static void initramfs_data_past_end_test(struct ktest *test)
{
	struct cpio_error err;

	build_sample("070701");	/* a size near 4 GiB must not wrap around */
	set_field(sample.buf, sample.four, FIELD_FILESIZE, "fffffff0");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_EDATA);
	EXPECT_MSG_HAS(test, &err, "\"four\"");
	EXPECT_MSG_HAS(test, &err, "runs past the end");
}

static void initramfs_missing_trailer_test(struct ktest *test)
{
	struct seen s = { 0 };
	struct cpio_error err;

	build_sample("070701");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.trailer, record, &s, &err),
			-CPIO_ENOTRAILER);
	KTEST_EXPECT_EQ(test, s.n, 4);
	EXPECT_MSG_HAS(test, &err, "after entry 4 \"four\" without a \"TRAILER!!!\"");

	/* Zero padding where the trailer should be is no trailer either. */
	memset(sample.buf + sample.trailer, 0, CPIO_HEADER_SIZE + 12);
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, NULL, NULL, &err),
			-CPIO_ENOTRAILER);
}

/* Zero padding, then a second archive; Linux unpacks both. */
static void initramfs_concatenated_test(struct ktest *test)
{
	static char two[ARCHIVE_MAX];
	size_t len;
	struct seen s = { 0 };
	struct cpio_error err;

	build_sample("070701");
	len = sample.len;
	memcpy(two, sample.buf, len);
	memset(two + len, 0, 12);
	len += 12;
	put_entry(two, &len, "070701", "extra", S_IFREG | 0755, "#!", 2);
	put_entry(two, &len, "070701", "TRAILER!!!", 0, "", 0);
	KTEST_EXPECT_EQ(test, cpio_for_each(two, len, record, &s, &err), 5);
	KTEST_EXPECT_STREQ(test, s.e[4].name, "extra");

	two[sample.len + 4] = 'x';	/* not zero padding, not an archive */
	KTEST_EXPECT_EQ(test, cpio_for_each(two, len, NULL, NULL, &err), -CPIO_EJUNK);
	KTEST_EXPECT_EQ(test, err.offset, sample.len + 4);
}

static void initramfs_empty_test(struct ktest *test)
{
	static const char zeros[64];
	struct cpio_error err;

	KTEST_EXPECT_EQ(test, cpio_for_each(zeros, 0, NULL, NULL, &err), 0);
	KTEST_EXPECT_EQ(test, cpio_for_each(zeros, sizeof(zeros), NULL, NULL, &err), 0);
	KTEST_EXPECT_EQ(test, err.code, CPIO_OK);
}

static void initramfs_callback_stop_test(struct ktest *test)
{
	struct seen s = { .stop_at = 2 };
	struct cpio_error err;

	build_sample("070701");
	KTEST_EXPECT_EQ(test, cpio_for_each(sample.buf, sample.len, record, &s, &err),
			-CPIO_ECALLBACK);
	KTEST_EXPECT_EQ(test, s.n, 2);
	KTEST_EXPECT_EQ(test, err.callback_ret, 7);
	KTEST_EXPECT_EQ(test, err.offset, sample.motd);
}

static void initramfs_mode_string_test(struct ktest *test)
{
	char m[11];

	cpio_mode_string(S_IFDIR | 0755, m);
	KTEST_EXPECT_STREQ(test, m, "drwxr-xr-x");
	cpio_mode_string(S_IFREG | 0644, m);
	KTEST_EXPECT_STREQ(test, m, "-rw-r--r--");
	cpio_mode_string(S_IFLNK | 0777, m);
	KTEST_EXPECT_STREQ(test, m, "lrwxrwxrwx");
	cpio_mode_string(S_IFREG | S_ISUID | 0755, m);
	KTEST_EXPECT_STREQ(test, m, "-rwsr-xr-x");
	cpio_mode_string(S_IFDIR | S_ISVTX | 0777, m);
	KTEST_EXPECT_STREQ(test, m, "drwxrwxrwt");
	cpio_mode_string(S_IFCHR | S_ISGID | 0640, m);
	KTEST_EXPECT_STREQ(test, m, "crw-r-S---");
}

/* The archive GRUB loaded (build/initramfs.cpio, from rootfs/) reads whole
 * and holds etc/motd. The callback copies the entry: *e lives only during
 * the call. */
static int find_motd(const struct cpio_entry *e, void *arg)
{
	const char *name = e->name;

	if (name[0] == '.' && name[1] == '/')
		name += 2;
	if (strcmp(name, "etc/motd"))
		return 0;
	*(struct cpio_entry *)arg = *e;
	return 1;
}

static void initramfs_boot_archive_test(struct ktest *test)
{
	struct cpio_entry motd_entry = { 0 };
	const void *buf = __va(initrd_start);
	size_t len = initrd_end - initrd_start;
	struct cpio_error err;

	KTEST_ASSERT_NE(test, initrd_start, 0);
	KTEST_EXPECT_GE(test, cpio_for_each(buf, len, NULL, NULL, &err), 2);
	KTEST_EXPECT_EQ(test, err.code, CPIO_OK);
	cpio_for_each(buf, len, find_motd, &motd_entry, &err);
	KTEST_ASSERT_EQ(test, err.code, CPIO_ECALLBACK);	/* find_motd stopped at it */
	KTEST_EXPECT_EQ(test, motd_entry.mode & S_IFMT, S_IFREG);
	KTEST_EXPECT_GT(test, motd_entry.size, 0);
}

/* The archive unpacked into a directory: each kind of entry with its mode
 * (umask undone), owner, times and data, a symbolic link; a damaged
 * archive unpacks what comes before the damage. Nothing leaks. */
static void initramfs_unpack_test(struct ktest *test)
{
	static char buf[ARCHIVE_MAX];
	unsigned long pages;
	struct cpio_error err;
	struct file *f;
	struct kstat st;
	size_t len = 0, four_at, console;
	loff_t pos = 0;
	char data[32];

	put_entry(buf, &len, "070701", "etc", S_IFDIR | 0755, "", 0);
	put_entry(buf, &len, "070701", "etc/motd", S_IFREG | 0644, motd, sizeof(motd) - 1);
	put_entry(buf, &len, "070701", "etc/sh", S_IFLNK | 0777, "/bin/true", 9);
	put_entry(buf, &len, "070701", "tmp", S_IFDIR | S_ISVTX | 0777, "", 0);
	console = put_entry(buf, &len, "070701", "console", S_IFCHR | 0600, "", 0);
	set_field(buf, console, 9, "00000005");	/* rdevmajor */
	set_field(buf, console, 10, "00000001");	/* rdevminor */
	four_at = put_entry(buf, &len, "070701", "four", S_IFREG | 0600, four, 4);
	put_entry(buf, &len, "070701", "TRAILER!!!", 0, "", 0);

	KTEST_ASSERT_EQ(test, setup_task_files_fs(current), 0);	/* before counting pages */
	drop_slab();
	pages = nr_free_pages();
	KTEST_ASSERT_EQ(test, init_mkdir("/tmp/ktest-unpack", 0755), 0);
	KTEST_ASSERT_EQ(test, init_chdir("/tmp/ktest-unpack"), 0);
	KTEST_EXPECT_EQ(test, unpack_to_rootfs(buf, len, &err), 6);

	KTEST_EXPECT_EQ(test, init_stat("etc/motd", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, st.size, sizeof(motd) - 1);
	KTEST_EXPECT_EQ(test, st.uid, 1000);
	KTEST_EXPECT_EQ(test, st.gid, 100);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, 0x65000000);
	f = filp_open("etc/motd", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, kernel_read(f, data, sizeof(data), &pos), sizeof(motd) - 1);
	KTEST_EXPECT_EQ(test, memcmp(data, motd, sizeof(motd) - 1), 0);
	fput(f);
	KTEST_EXPECT_EQ(test, init_stat("etc", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, 0x65000000);	/* set after its files were made */
	KTEST_EXPECT_EQ(test, init_stat("etc/sh", &st, 0), -ENOENT);	/* to /bin/true: not here */
	KTEST_EXPECT_EQ(test, init_stat("etc/sh", &st, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(test, st.size, 9);
	KTEST_EXPECT_EQ(test, init_stat("tmp", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | S_ISVTX | 0777);
	KTEST_EXPECT_EQ(test, init_stat("console", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0600);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(5, 1));
	KTEST_EXPECT_EQ(test, init_stat("four", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0600);
	KTEST_EXPECT_EQ(test, st.size, 4);

	/* Unpacking again over it (a second archive) is fine; a damaged one
	 * creates the entries before the damage. */
	KTEST_EXPECT_EQ(test, unpack_to_rootfs(buf, len, &err), 6);
	KTEST_EXPECT_EQ(test, init_unlink("four"), 0);
	KTEST_EXPECT_EQ(test, unpack_to_rootfs(buf, four_at + 118, &err), -CPIO_EDATA);
	KTEST_EXPECT_EQ(test, init_stat("console", &st, 0), 0);
	KTEST_EXPECT_EQ(test, init_stat("four", &st, 0), -ENOENT);

	KTEST_EXPECT_EQ(test, init_unlink("etc/motd"), 0);
	KTEST_EXPECT_EQ(test, init_unlink("etc/sh"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("etc"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("tmp"), 0);
	KTEST_EXPECT_EQ(test, init_unlink("console"), 0);
	KTEST_EXPECT_EQ(test, init_chdir("/"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("/tmp/ktest-unpack"), 0);
	drop_slab();
	KTEST_EXPECT_EQ(test, nr_free_pages(), pages);
}

KTEST_SUITE(initramfs, KTEST_CASE(initramfs_good_archive_test),
	    KTEST_CASE(initramfs_checksum_test), KTEST_CASE(initramfs_truncated_test),
	    KTEST_CASE(initramfs_bad_magic_test), KTEST_CASE(initramfs_name_past_end_test),
	    KTEST_CASE(initramfs_bad_hex_test), KTEST_CASE(initramfs_data_past_end_test),
	    KTEST_CASE(initramfs_missing_trailer_test), KTEST_CASE(initramfs_concatenated_test),
	    KTEST_CASE(initramfs_empty_test), KTEST_CASE(initramfs_callback_stop_test),
	    KTEST_CASE(initramfs_mode_string_test), KTEST_CASE(initramfs_boot_archive_test),
	    KTEST_CASE(initramfs_unpack_test));
