/* Small helpers used everywhere, with Linux's names. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/err.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define offsetof(type, member) __builtin_offsetof(type, member)

#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#define KB(x) ((u64)(x) << 10)
#define MB(x) ((u64)(x) << 20)
#define GB(x) ((u64)(x) << 30)

void __noreturn panic(const char *fmt, ...) __printf(1, 2);
/* Nonzero while an oops is being reported (panic then skips its backtrace). */
extern int oops_in_progress;

/* A broken invariant: report where, then panic. */
#define BUG() panic("BUG at %s:%d (%s)", __FILE__, __LINE__, __func__)
#define BUG_ON(cond)                 \
	do {                         \
		if (unlikely(cond))  \
			BUG();       \
	} while (0)
#define WARN_ON(cond)                                                        \
	({                                                                   \
		bool __w = !!(cond);                                         \
		if (unlikely(__w))                                           \
			printk(KERN_WARNING "WARNING at %s:%d (%s): %s\n", \
			       __FILE__, __LINE__, __func__, #cond);        \
		__w;                                                         \
	})

#endif
