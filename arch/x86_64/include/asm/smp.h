/*
 * Which CPU is this? Only CPU 0 runs for now; the SMP issue starts the
 * others and keeps each CPU's number in its per-CPU data (GS base), where
 * raw_smp_processor_id() will read it.
 * Linux: arch/x86/include/asm/smp.h; NR_CPUS is CONFIG_NR_CPUS.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#define NR_CPUS 8

static inline int raw_smp_processor_id(void)
{
	return 0;
}

#endif
