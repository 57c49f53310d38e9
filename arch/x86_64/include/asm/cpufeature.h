/*
 * What the boot CPU is and what it can do, found by CPUID at boot
 * (arch/x86_64/cpu_common.c). Test a feature with
 *	if (boot_cpu_has(X86_FEATURE_NX)) ...
 * Linux: arch/x86/include/asm/cpufeature.h, struct cpuinfo_x86 from
 * asm/processor.h.
 */
#ifndef _ASM_CPUFEATURE_H
#define _ASM_CPUFEATURE_H

#include <linux/types.h>
#include <asm/cpufeatures.h>

enum x86_vendor { X86_VENDOR_UNKNOWN, X86_VENDOR_INTEL, X86_VENDOR_AMD };

struct cpuinfo_x86 {
	u8 x86;			/* family */
	u8 x86_model;
	u8 x86_stepping;
	enum x86_vendor x86_vendor;
	u32 cpuid_level;	/* highest basic CPUID leaf */
	u32 extended_cpuid_level;	/* highest 0x8000xxxx leaf */
	u32 x86_capability[NCAPINTS];
	char x86_vendor_id[16];	/* "GenuineIntel", "AuthenticAMD", ... */
	char x86_model_id[64];	/* the brand string */
	u8 x86_phys_bits;	/* physical address bits */
	u8 x86_virt_bits;	/* virtual address bits */
};

extern struct cpuinfo_x86 boot_cpu_data;

static inline bool boot_cpu_has(unsigned int feature)
{
	return boot_cpu_data.x86_capability[feature / 32] & (1U << (feature % 32));
}

void early_cpu_init(void);
void cpu_init(void);
void cpu_init_exception_handling(void);

#endif
