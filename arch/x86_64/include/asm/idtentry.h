/*
 * The entry points in entry_64.S (asm_*) and the C functions they call.
 * Each asm_ stub builds a struct pt_regs on the stack (asm/ptrace-abi.h)
 * and calls its C handler with
 *	(struct pt_regs *regs, unsigned long error_code, unsigned long vector)
 * where error_code is the CPU's error code, or -1 for exceptions that have
 * none (handlers that need neither declare fewer arguments).
 * Linux: arch/x86/include/asm/idtentry.h (DECLARE_IDTENTRY and friends).
 */
#ifndef _ASM_IDTENTRY_H
#define _ASM_IDTENTRY_H

#include <asm/ptrace.h>

#define DECLARE_IDTENTRY(func)                                                  \
	void asm_##func(void);                                                  \
	void func(struct pt_regs *regs, unsigned long error_code)

/* The 32 exceptions (vector numbers in asm/trapnr.h). */
DECLARE_IDTENTRY(exc_divide_error);
DECLARE_IDTENTRY(exc_debug);
DECLARE_IDTENTRY(exc_nmi);
DECLARE_IDTENTRY(exc_int3);
DECLARE_IDTENTRY(exc_overflow);
DECLARE_IDTENTRY(exc_bounds);
DECLARE_IDTENTRY(exc_invalid_op);
DECLARE_IDTENTRY(exc_device_not_available);
DECLARE_IDTENTRY(exc_double_fault);
DECLARE_IDTENTRY(exc_coproc_segment_overrun);
DECLARE_IDTENTRY(exc_invalid_tss);
DECLARE_IDTENTRY(exc_segment_not_present);
DECLARE_IDTENTRY(exc_stack_segment);
DECLARE_IDTENTRY(exc_general_protection);
DECLARE_IDTENTRY(exc_page_fault);
DECLARE_IDTENTRY(exc_spurious_interrupt_bug);
DECLARE_IDTENTRY(exc_coprocessor_error);
DECLARE_IDTENTRY(exc_alignment_check);
DECLARE_IDTENTRY(exc_machine_check);
DECLARE_IDTENTRY(exc_simd_coprocessor_error);
DECLARE_IDTENTRY(exc_virtualization_exception);
DECLARE_IDTENTRY(exc_control_protection);
/* Vectors Intel reserves (22-27, 31) and AMD's 28-30: one C handler. */
void exc_reserved(struct pt_regs *regs, unsigned long error_code, unsigned long vector);
void asm_exc_reserved_22(void), asm_exc_reserved_23(void), asm_exc_reserved_24(void);
void asm_exc_reserved_25(void), asm_exc_reserved_26(void), asm_exc_reserved_27(void);
void asm_exc_reserved_28(void), asm_exc_reserved_29(void), asm_exc_reserved_30(void);
void asm_exc_reserved_31(void);

/* The local APIC's own interrupts ("system vectors", asm/irq_vectors.h). */
DECLARE_IDTENTRY(sysvec_apic_timer_interrupt);
DECLARE_IDTENTRY(sysvec_error_interrupt);
DECLARE_IDTENTRY(sysvec_spurious_apic_interrupt);
DECLARE_IDTENTRY(sysvec_reschedule_ipi);
DECLARE_IDTENTRY(sysvec_call_function);

/* Every other vector from 0x20 up: a 16-byte stub each, starting at
 * irq_entries_start, all calling common_interrupt() with the vector. */
#define IRQ_STUB_SIZE 16
extern const char irq_entries_start[];
void common_interrupt(struct pt_regs *regs, unsigned long vector);

#endif
