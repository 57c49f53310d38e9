/*
 * Which CPU is this, and the x86 side of SMP: CPU numbers and APIC IDs,
 * starting the other CPUs, IPIs. Each CPU's number is in its per-CPU data
 * (GS base). Linux: arch/x86/include/asm/smp.h.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/threads.h>
#include <linux/types.h>
#include <asm/percpu.h>

#define raw_smp_processor_id() this_cpu_read(cpu_number)
#define smp_processor_id() raw_smp_processor_id()

/* Each CPU's local APIC ID, where its IPIs go (from the MADT). Linux:
 * the per-CPU x86_cpu_to_apicid. */
extern int cpu_to_apicid[NR_CPUS];

/* acpi.c: register the CPUs of the MADT; how many. smpboot.c: add one CPU
 * by APIC ID, returns its CPU number or -1 (too many). */
int acpi_parse_madt(void);
int smp_register_cpu(int apicid);

/* smpboot.c: find the CPUs and reserve the trampoline page (at boot, on
 * CPU 0), then start each of the others. Linux: native_smp_prepare_cpus(),
 * bringup_nonboot_cpus(). */
void reserve_real_mode(void);
void smp_prepare_cpus(void);
void smp_init(void);

/* smp.c: send an IPI with vector to one CPU. */
void apic_send_IPI(int cpu, int vector);

#endif
