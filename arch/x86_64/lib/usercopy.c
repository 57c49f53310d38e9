/*
 * The user-copy functions of linux/uaccess.h: check the range is user
 * space, then copy with the fault-safe primitives of copy_user.S.
 * Linux: include/linux/uaccess.h, lib/strncpy_from_user.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>

unsigned long copy_user_generic(void *to, const void *from, unsigned long n);
long copy_user_byte(unsigned char *to, const unsigned char *from);

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = copy_user_generic(to, (const void *)from, n);
	if (left)	/* as Linux: the part not copied reads as zeros */
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return copy_user_generic((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeros[256];
	unsigned long done = 0;

	while (done < n) {
		unsigned long chunk = min(n - done, sizeof(zeros));
		unsigned long left = copy_to_user((char __user *)to + done, zeros, chunk);

		if (left)
			return n - done - (chunk - left);
		done += chunk;
	}
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		if (!access_ok(src + i, 1) ||
		    copy_user_byte((unsigned char *)dst + i, (const unsigned char *)src + i))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}
