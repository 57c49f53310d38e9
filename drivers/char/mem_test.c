/*
 * Tests for the memory devices (drivers/char/mem.c): the nodes in /dev,
 * /dev/null reading as empty and taking every write, /dev/zero reading as
 * zeroes (more than a page at once), and minors nobody registered.
 */
#include <linux/kernel.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>

/* /dev/null and /dev/zero are character devices 1:3 and 1:5, for all. */
static void mem_nodes_test(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_stat("/dev/null", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0666);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(1, 3));
	KTEST_ASSERT_EQ(test, init_stat("/dev/zero", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0666);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(1, 5));
}

/* Reads give end of file; writes of any size succeed; lseek gives 0. */
static void mem_null_test(struct ktest *test)
{
	struct file *f = filp_open("/dev/null", O_RDWR, 0);
	char buf[16] = "untouched";
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(test, !IS_ERR(f));
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KTEST_EXPECT_STREQ(test, buf, "untouched");
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 0, &pos), 0);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_SET), 0);
	fput(f);
}

/* Reads fill the whole buffer with zeroes, across pages; writes succeed. */
static void mem_zero_test(struct ktest *test)
{
	const size_t len = 3 * PAGE_SIZE + 123;
	unsigned char *buf = kmalloc(len + 1, GFP_KERNEL);
	struct file *f = filp_open("/dev/zero", O_RDWR, 0);
	loff_t pos = 0;
	size_t nonzero = 0;

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!KTEST_EXPECT_TRUE(test, !IS_ERR(f))) {
		kfree(buf);
		return;
	}
	memset(buf, 0xaa, len + 1);
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, len, &pos), len);
	for (size_t i = 0; i < len; i++)
		nonzero += buf[i] != 0;
	KTEST_EXPECT_EQ(test, nonzero, 0);
	KTEST_EXPECT_EQ(test, buf[len], 0xaa);	/* not a byte more */
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, len, &pos), len);
	fput(f);
	kfree(buf);
}

/* A node for major 1 with a minor the driver lacks (4, Linux's /dev/port):
 * ENXIO. */
static void mem_unknown_minor_test(struct ktest *test)
{
	struct file *f;

	KTEST_ASSERT_EQ(test, init_mknod("/tmp/ktest-mem4", S_IFCHR | 0600,
					 new_encode_dev(MKDEV(1, 4))), 0);
	f = filp_open("/tmp/ktest-mem4", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	if (!IS_ERR(f))
		fput(f);
	KTEST_EXPECT_EQ(test, init_unlink("/tmp/ktest-mem4"), 0);
}

KTEST_SUITE(mem, KTEST_CASE(mem_nodes_test), KTEST_CASE(mem_null_test),
	    KTEST_CASE(mem_zero_test), KTEST_CASE(mem_unknown_minor_test));
