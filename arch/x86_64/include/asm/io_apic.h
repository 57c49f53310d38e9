/*
 * The I/O APIC: the chip that turns device interrupt lines (its "pins":
 * the 16 ISA IRQs and more) into messages to a CPU's local APIC, with a
 * vector for each line. Linux: arch/x86/include/asm/io_apic.h, hw_irq.h.
 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <linux/interrupt.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>

#define IO_APIC_DEFAULT_PHYS_BASE 0xfec00000	/* where PCs put it (the MADT says, in Linux) */
#define NR_IRQS_LEGACY 16

/* One IRQ line and who handles it. Linux: struct irq_desc (much reduced). */
struct irq_desc {
	unsigned int irq;
	irq_handler_t handler;
	void *dev_id;	/* the handler's argument */
	const char *name;
	unsigned long count;	/* interrupts handled */
};

/* Which line each vector belongs to (NULL: none), for common_interrupt().
 * Linux: the per-CPU vector_irq[]; all device interrupts go to the boot
 * CPU here. */
extern struct irq_desc *vector_irq[NR_VECTORS];

/* Acknowledge and run the handler of an interrupt on desc's vector. */
void handle_irq(struct irq_desc *desc, struct pt_regs *regs);

int setup_IO_APIC(void);

#endif
