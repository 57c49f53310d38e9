/*
 * Moving bytes through an iov_iter (linux/uio.h). Linux: lib/iov_iter.c.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* The user range the next bytes go to or come from: the rest of the
 * current segment (empty segments are skipped). i->count must be > 0. */
static void __user *iter_segment(struct iov_iter *i, size_t *len)
{
	while (i->iov_offset == i->iov->iov_len) {
		i->iov++;
		i->nr_segs--;
		i->iov_offset = 0;
	}
	*len = i->iov->iov_len - i->iov_offset;
	return (char __user *)i->iov->iov_base + i->iov_offset;
}

/*
 * The common walk: for up to bytes bytes, call step(user range, kernel
 * buffer offset, length), which returns how many bytes it could NOT move
 * (copy_to_user's convention); stop at the first short step.
 */
static size_t iterate_user(struct iov_iter *i, size_t bytes, void *arg,
			   unsigned long (*step)(void __user *u, size_t off, size_t n, void *arg))
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		size_t len, n, left;
		void __user *u = iter_segment(i, &len);

		n = min(len, bytes - done);
		left = step(u, done, n, arg);
		n -= left;
		done += n;
		i->iov_offset += n;
		i->count -= n;
		if (left)
			break;
	}
	return done;
}

static unsigned long step_to_user(void __user *u, size_t off, size_t n, void *from)
{
	return copy_to_user(u, (const char *)from + off, n);
}

static unsigned long step_from_user(void __user *u, size_t off, size_t n, void *to)
{
	return copy_from_user((char *)to + off, u, n);
}

static unsigned long step_zero_user(void __user *u, size_t off, size_t n, void *unused)
{
	return clear_user(u, n);
}

/* Move n bytes of a kernel iterator. */
static size_t kvec_step(struct iov_iter *i, size_t bytes, void *addr, int dir)
{
	size_t n = min(bytes, i->count);

	if (dir > 0)
		memcpy(i->kbuf, addr, n);
	else if (dir < 0)
		memcpy(addr, i->kbuf, n);
	else
		memset(i->kbuf, 0, n);
	i->kbuf = (char *)i->kbuf + n;
	i->count -= n;
	return n;
}

/* Linux: _copy_to_iter(). */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (i->iter_type == ITER_KVEC)
		return kvec_step(i, bytes, (void *)addr, 1);
	return iterate_user(i, bytes, (void *)addr, step_to_user);
}

/* Linux: _copy_from_iter(). */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (i->iter_type == ITER_KVEC)
		return kvec_step(i, bytes, addr, -1);
	return iterate_user(i, bytes, addr, step_from_user);
}

/*
 * Linux: copy_page_from_iter_atomic(). copy_from_iter() into a file's
 * page at offset, except that bytes a fault kept from being copied are
 * left as they were: copy_from_user() zeroes them, which in a file would
 * wipe out data a failed write() must not touch. Hence the bounce buffer.
 */
size_t copy_page_from_iter_atomic(struct page *page, size_t offset, size_t bytes,
				  struct iov_iter *i)
{
	char *dst = (char *)page_address(page) + offset, bounce[128];
	size_t done = 0;

	while (done < bytes) {
		size_t n = min(sizeof(bounce), bytes - done);
		size_t got = copy_from_iter(bounce, n, i);

		memcpy(dst + done, bounce, got);
		done += got;
		if (got < n)
			break;
	}
	return done;
}

/* Linux: iov_iter_zero(). Zeroes, for a hole in a file. */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	if (i->iter_type == ITER_KVEC)
		return kvec_step(i, bytes, NULL, 0);
	return iterate_user(i, bytes, NULL, step_zero_user);
}

/* Linux: import_iovec() -> __import_iovec(). See linux/uio.h. */
ssize_t import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		     struct iovec *fast_iov, struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = fast_iov;
	size_t total = 0;

	*iovp = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > UIO_FASTIOV) {
		iov = kmalloc(nr_segs * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
		*iovp = iov;
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto fault;
	for (unsigned long seg = 0; seg < nr_segs; seg++) {
		size_t len = iov[seg].iov_len;

		if ((ssize_t)len < 0) {
			kfree(*iovp);
			*iovp = NULL;
			return -EINVAL;
		}
		if (!access_ok(iov[seg].iov_base, len))
			goto fault;
		if (len > MAX_RW_COUNT - total) {	/* clamp the total, as Linux does */
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		total += len;
	}
	iov_iter_init(i, iov, nr_segs, total);
	return total;
fault:
	kfree(*iovp);
	*iovp = NULL;
	return -EFAULT;
}
