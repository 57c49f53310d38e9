/*
 * Atomic operations on a futex word in user memory, for the kernel's side
 * of robust futexes. Linux: arch/x86/include/asm/futex.h.
 */
#ifndef _ASM_FUTEX_H
#define _ASM_FUTEX_H

#include <linux/errno.h>
#include <linux/types.h>
#include <linux/uaccess.h>

/*
 * Linux: futex_atomic_cmpxchg_inatomic(). If *uaddr holds oldval, store
 * newval; either way *uval gets what *uaddr held. 0, or -EFAULT if uaddr is
 * not user memory the fault handler can supply (the exception table sends
 * a faulting cmpxchg to the fixup, which sets ret).
 */
static inline int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval,
						u32 newval)
{
	int ret = 0;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	asm volatile("1:	lock cmpxchgl %[new], %[mem]\n"
		     "2:\n"
		     "	.pushsection .text.fixup, \"ax\"\n"
		     "3:	movl %[efault], %[ret]\n"
		     "	jmp 2b\n"
		     "	.popsection\n"
		     "	.pushsection __ex_table, \"a\"\n"
		     "	.balign 8\n"
		     "	.quad 1b, 3b\n"
		     "	.popsection\n"
		     : [ret] "+r"(ret), "+a"(oldval), [mem] "+m"(*(u32 *)uaddr)
		     : [new] "r"(newval), [efault] "i"(-EFAULT)
		     : "memory");
	*uval = oldval;
	return ret;
}

#endif
