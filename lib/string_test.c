/* Tests for memcpy/memset (arch/x86_64/lib/string.c) and memmove. */
#include <linux/ktest.h>
#include <linux/string.h>

#define BUF 96

/* Every length 0..64 at every start offset 0..7: the bytes in range are
 * right and the bytes around them untouched. */
static void memcpy_memset_sizes_test(struct ktest *test)
{
	unsigned char src[BUF], dst[BUF];
	int bad = 0;

	for (int i = 0; i < BUF; i++)
		src[i] = (unsigned char)(i * 7 + 3);
	for (int off = 0; off < 8; off++) {
		for (int n = 0; n <= 64; n++) {
			memset(dst, 0xee, sizeof(dst));
			memcpy(dst + off, src + (7 - off), n);
			for (int i = 0; i < BUF; i++) {
				bool in = i >= off && i < off + n;
				bad += dst[i] != (in ? src[7 - off + i - off] : 0xee);
			}
			memset(dst, 0xee, sizeof(dst));
			memset(dst + off, 0x5a, n);
			for (int i = 0; i < BUF; i++)
				bad += dst[i] != (i >= off && i < off + n ? 0x5a : 0xee);
		}
	}
	KTEST_EXPECT_EQ(test, bad, 0);
}

static void memmove_overlap_test(struct ktest *test)
{
	char buf[16] = "abcdefghijklmno";

	memmove(buf + 2, buf, 10);	/* forward overlap: copied from the end */
	KTEST_EXPECT_EQ(test, memcmp(buf, "ababcdefghijmno", 15), 0);
	memmove(buf, buf + 3, 10);	/* backward overlap */
	KTEST_EXPECT_EQ(test, memcmp(buf, "bcdefghijmijmno", 15), 0);
}

KTEST_SUITE(string, KTEST_CASE(memcpy_memset_sizes_test), KTEST_CASE(memmove_overlap_test));
