/*
 * _THIS_IP_: the address of the code that uses it (in an inline function:
 * inside its caller), for "where was this lock taken". An asm, not GCC's
 * address-of-label: GCC may put such a label anywhere in the function.
 * Linux: include/linux/instruction_pointer.h.
 */
#ifndef _ASM_INSTRUCTION_POINTER_H
#define _ASM_INSTRUCTION_POINTER_H

#define _THIS_IP_                                                     \
	({                                                            \
		unsigned long __here;                                 \
		__asm__ __volatile__("lea 0(%%rip), %0" : "=r"(__here)); \
		__here;                                               \
	})
/* The caller of the function that uses it. */
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

#endif
