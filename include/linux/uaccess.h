/*
 * Reading and writing user memory from the kernel. A user pointer is never
 * dereferenced directly: it may be NULL, unmapped, read-only, or point into
 * the kernel. These functions check that the range lies in user space
 * (access_ok) and copy with instructions covered by the exception table:
 * if one faults and the page fault handler cannot fix it (no VMA, or wrong
 * permissions), the copy stops and reports failure instead of oopsing.
 * System calls turn that into -EFAULT.
 * Linux: include/linux/uaccess.h, arch/x86/lib/copy_user_64.S, usercopy.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>

#define TASK_SIZE_MAX 0x00007ffffffff000UL	/* the end of user space (47 bits, minus a guard page) */

/* Does [addr, addr + size) lie entirely in user space? */
static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* Copy n bytes; each returns the number of bytes NOT copied (0 on success). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);

/*
 * Copy a NUL-terminated string of at most count bytes (including the NUL).
 * Returns its length (without the NUL), count if no NUL was found within
 * count bytes, or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* One value: 0 on success, -EFAULT on a bad pointer. */
#define get_user(x, ptr)                                                        \
	({                                                                      \
		__typeof__(*(ptr)) __gu_val;                                    \
		int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(__gu_val)) ? -EFAULT : 0; \
		(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;              \
		__gu_err;                                                       \
	})
#define put_user(x, ptr)                                                        \
	({                                                                      \
		__typeof__(*(ptr)) __pu_val = (x);                              \
		copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0; \
	})

#endif
