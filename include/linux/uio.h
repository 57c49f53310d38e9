/*
 * Where a read puts its bytes and a write takes them from: an iov_iter.
 * It walks user memory (one buffer for read/write, an array of segments
 * for readv/writev; every copy checked, and it may stop short at a bad
 * address) or one kernel buffer (kernel_read, e.g. execve reading an ELF
 * file). A file's read_iter/write_iter works on it without caring which.
 * Linux: include/linux/uio.h, lib/iov_iter.c (here fs/iov_iter.c).
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>

/* One segment of readv/writev, as user space passes it. */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV 8	/* segments import_iovec() handles without kmalloc */
#define UIO_MAXIOV 1024	/* most segments one readv/writev may pass */

enum iter_type {
	ITER_IOVEC,	/* user memory: iov[0 .. nr_segs) */
	ITER_KVEC,	/* one kernel buffer: kbuf */
};

struct iov_iter {
	enum iter_type iter_type;
	size_t count;	/* bytes left, over all segments */
	size_t iov_offset;	/* ITER_IOVEC: bytes used of iov[0] */
	unsigned long nr_segs;	/* ITER_IOVEC: segments left, iov[0] first */
	const struct iovec *iov;
	void *kbuf;	/* ITER_KVEC: the next byte */
	struct iovec ubuf;	/* the one segment of iov_iter_ubuf() */
};

/* A single user buffer (read, write). Linux: iov_iter_ubuf(). */
static inline void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_IOVEC, .count = count, .nr_segs = 1,
				.ubuf = { buf, count } };
	i->iov = &i->ubuf;
}

/* An array of user segments (readv, writev), already checked. */
static inline void iov_iter_init(struct iov_iter *i, const struct iovec *iov,
				 unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_IOVEC, .count = count, .nr_segs = nr_segs,
				.iov = iov };
}

/* One kernel buffer. (Linux's iov_iter_kvec() takes an array of kvecs.) */
static inline void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_KVEC, .count = count, .kbuf = buf };
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Each returns the number of bytes moved: fewer than asked at a bad user
 * address (or when the iterator is used up). */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
struct page;
size_t copy_page_from_iter_atomic(struct page *page, size_t offset, size_t bytes,
				  struct iov_iter *i);

/*
 * Copy nr_segs iovecs from uvec and check them (EINVAL for too many
 * segments or a negative length, EFAULT for a bad array or a segment
 * outside user space); set up *i over them. *iovp is fast_iov or a
 * kmalloc'ed array the caller kfree()s (NULL if fast_iov was used).
 * Returns the total length or -errno. Linux: import_iovec().
 */
ssize_t import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		     struct iovec *fast_iov, struct iovec **iovp, struct iov_iter *i);

#endif
