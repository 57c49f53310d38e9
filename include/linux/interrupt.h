/*
 * Device interrupts: a driver asks for its IRQ line with request_irq() and
 * its handler runs, with interrupts off, each time the device interrupts.
 * Linux: include/linux/interrupt.h, kernel/irq/manage.c. Only the 16 ISA
 * IRQs exist here, routed through the I/O APIC (arch/x86_64/io_apic.c).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

typedef enum irqreturn {
	IRQ_NONE = 0,	/* not our device's interrupt */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* Run handler(irq, dev_id) on IRQ irq (0-15), and unmask the line.
 * 0, -EINVAL (no such IRQ), -EBUSY (taken: lines are not shared here),
 * -ENODEV (no I/O APIC). flags is Linux's IRQF_*; none are used yet. */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/* Mask the line and forget the handler. */
void free_irq(unsigned int irq, void *dev_id);

#endif
