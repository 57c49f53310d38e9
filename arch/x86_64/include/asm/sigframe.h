/*
 * What the kernel puts on the user stack to run a signal handler, byte for
 * byte as Linux does on x86-64, so libc, debuggers and programs that read
 * the ucontext (e.g. to find the faulting RIP) work unchanged.
 * Linux: arch/x86/include/uapi/asm/sigcontext.h (struct sigcontext_64),
 * uapi/asm/ucontext.h, arch/x86/include/asm/sigframe.h (struct rt_sigframe).
 *
 *   higher addresses            the interrupted code's stack
 *                               128-byte red zone (left alone)
 *   fpstate, 64-byte aligned -> 512-byte FXSAVE image (x87, SSE, MXCSR)
 *   frame, rsp at handler    -> pretcode: sa_restorer, the handler's return address
 *                               uc: uc_flags, uc_link, uc_stack,
 *                                   uc_mcontext (struct sigcontext: registers,
 *                                   and a pointer to fpstate), uc_sigmask
 *                               info: siginfo_t (128 bytes)
 *   (rsp + 8) is 16-byte aligned, as after a call instruction.
 */
#ifndef _ASM_SIGFRAME_H
#define _ASM_SIGFRAME_H

#include <linux/signal.h>
#include <linux/types.h>

/* The registers, in Linux's order (struct sigcontext_64): 256 bytes. */
struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;	/* gs, fs: always 0 on x86-64 */
	u64 err;	/* the fault's error code (thread.error_code) */
	u64 trapno;	/* the fault's vector (thread.trap_nr) */
	u64 oldmask;	/* the blocked set, again (old ABI) */
	u64 cr2;	/* the page fault's address */
	u64 fpstate;	/* user address of the FXSAVE image; 0: FPU in its initial state */
	u64 reserved1[8];
};

/* uc_flags bits (uapi asm/ucontext.h). */
#define UC_FP_XSTATE 0x1	/* fpstate has XSAVE data (never here: FXSAVE only) */
#define UC_SIGCONTEXT_SS 0x2	/* sigcontext.ss is meaningful */
#define UC_STRICT_RESTORE_SS 0x4	/* sigreturn restores ss as it is */

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;	/* the sigaltstack settings when the signal came */
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;	/* blocked before the handler: rt_sigreturn restores it */
};

struct rt_sigframe {
	char __user *pretcode;
	struct ucontext uc;
	u8 info[SI_MAX_SIZE];	/* siginfo_t */
};

#define FXSAVE_SIZE 512	/* the FPU image after the frame (Linux: fxregs_state) */

#endif
