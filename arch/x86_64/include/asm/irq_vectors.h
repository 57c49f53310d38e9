/*
 * How the 256 interrupt vectors are used.
 *   0x00-0x1f  CPU exceptions (asm/trapnr.h)
 *   0x20-0xff  external interrupts: device IRQs and the local APIC's own
 * The local APIC ranks interrupts by vector / 16, so the system vectors sit
 * at the top. Linux: arch/x86/include/asm/irq_vectors.h.
 */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

#define FIRST_EXTERNAL_VECTOR	0x20
#define ISA_IRQ_VECTOR(irq)	(0x30 + (irq))	/* where the 8259 PICs are moved to */
#define LOCAL_TIMER_VECTOR	0xec
#define CALL_FUNCTION_VECTOR	0xfc	/* IPI: run smp_call_function_many()'s function */
#define RESCHEDULE_VECTOR	0xfd	/* IPI: look at need_resched */
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff	/* low 4 bits must be 1 on old APICs */
#define NR_VECTORS		256
#define NR_EXTERNAL_VECTORS	(NR_VECTORS - FIRST_EXTERNAL_VECTOR)

#endif
