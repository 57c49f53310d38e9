/*
 * Which CPU is this? Each CPU's number is in its per-CPU data (GS base).
 * Only CPU 0 runs for now; the SMP issue starts the others.
 * Linux: arch/x86/include/asm/smp.h.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/threads.h>
#include <asm/percpu.h>

#define raw_smp_processor_id() this_cpu_read(cpu_number)
#define smp_processor_id() raw_smp_processor_id()

#endif
