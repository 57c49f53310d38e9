/*
 * Turning on the FPU/SSE for user programs and capturing the initial state.
 * Linux: arch/x86/kernel/fpu/init.c fpu__init_cpu() and fpu__init_system().
 */
#include <linux/kernel.h>
#include <asm/fpu.h>

#define X86_CR0_MP (1UL << 1)	/* WAIT/FWAIT honour TS */
#define X86_CR0_EM (1UL << 2)	/* no FPU: emulate (must be clear) */
#define X86_CR0_TS (1UL << 3)	/* task switched: trap the next FPU use (we do not use it) */
#define X86_CR0_NE (1UL << 5)	/* report x87 errors as exceptions */
#define X86_CR4_OSFXSR (1UL << 9)	/* FXSAVE/FXRSTOR and SSE are usable */
#define X86_CR4_OSXMMEXCPT (1UL << 10)	/* SSE errors raise #XM */

struct fpu init_fpstate;

/* SSE on for this CPU, registers in their reset state. Runs on every CPU. */
void fpu__init_cpu(void)
{
	unsigned long cr0, cr4;
	const unsigned int mxcsr = 0x1f80;	/* all SSE exceptions masked, round to nearest */

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE;
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(cr0));
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(cr4));

	__asm__ __volatile__("fninit; ldmxcsr %0" : : "m"(mxcsr));
}

/* Once, on the boot CPU: fpu__init_cpu(), then keep that state as the one
 * every new program starts with. */
void fpu__init_system(void)
{
	fpu__init_cpu();
	fpu_save(&init_fpstate);
}
