/*
 * Each task's FPU/SSE registers. User programs use them (gcc puts doubles,
 * and often plain memory copies, in XMM registers); the kernel does not
 * (-mgeneral-regs-only). So the kernel saves the outgoing task's registers
 * and loads the incoming task's at every switch ("eager" switching, as
 * Linux does today), with FXSAVE/FXRSTOR: x87, MMX, XMM0-15 and MXCSR, 512
 * bytes. (AVX's upper halves would need XSAVE; this kernel does not enable
 * AVX, so programs see no AVX.)
 * Linux: arch/x86/include/asm/fpu/, arch/x86/kernel/fpu/core.c.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <linux/types.h>

struct fpu {
	u8 fxsave[512] __attribute__((aligned(16)));
};

extern struct fpu init_fpstate;	/* what a new program starts with */

static inline void fpu_save(struct fpu *fpu)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*fpu));
}

static inline void fpu_restore(const struct fpu *fpu)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(*fpu));
}

void fpu__init_cpu(void);
void fpu__init_system(void);

#endif
