/* The CPUID instruction. Linux: arch/x86/include/asm/cpuid.h. */
#ifndef _ASM_CPUID_H
#define _ASM_CPUID_H

#include <linux/types.h>

/* CPUID with leaf `op` and sub-leaf `count`. */
static inline void cpuid_count(u32 op, u32 count, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(op), "c"(count));
}

static inline void cpuid(u32 op, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	cpuid_count(op, 0, eax, ebx, ecx, edx);
}

#endif
