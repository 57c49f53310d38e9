/*
 * Copying to and from user memory with a safety net: the two instructions
 * that touch user memory are in the exception table, so a fault the page
 * fault handler cannot satisfy ends the copy early instead of oopsing.
 * Linux: arch/x86/lib/copy_user_64.S, getuser.S.
 */
#include <asm/extable.h>

	.text
/*
 * unsigned long copy_user_generic(void *to, const void *from, unsigned long n)
 * Returns the number of bytes NOT copied: 0, or what was left when a fault
 * stopped "rep movsb" (RCX counts down as it goes).
 */
	.globl	copy_user_generic
	.type	copy_user_generic, @function
copy_user_generic:
	movq	%rdx, %rcx
1:	rep movsb
2:	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size	copy_user_generic, . - copy_user_generic

/*
 * long copy_user_byte(unsigned char *to, const unsigned char *from)
 * One byte; returns 0, or -14 (-EFAULT) if reading it faulted.
 */
	.globl	copy_user_byte
	.type	copy_user_byte, @function
copy_user_byte:
3:	movzbl	(%rsi), %eax
	movb	%al, (%rdi)
	xorl	%eax, %eax
	ret
4:	movq	$-14, %rax
	ret
	_ASM_EXTABLE(3b, 4b)
	.size	copy_user_byte, . - copy_user_byte
