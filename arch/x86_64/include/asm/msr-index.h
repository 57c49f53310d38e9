/*
 * Model-specific register numbers and bits used by arch/x86_64 beyond those
 * in asm/msr.h. Linux: arch/x86/include/asm/msr-index.h.
 */
#ifndef _ASM_MSR_INDEX_H
#define _ASM_MSR_INDEX_H

#define MSR_IA32_APICBASE		0x0000001b
#define MSR_IA32_APICBASE_BSP		(1UL << 8)	/* this is the boot CPU */
#define X2APIC_ENABLE			(1UL << 10)	/* x2APIC mode (MSR access, not MMIO) */
#define MSR_IA32_APICBASE_ENABLE	(1UL << 11)
#define MSR_IA32_APICBASE_BASE		(0xfffffUL << 12)

#endif
