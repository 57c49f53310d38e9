/* Interrupt setup and handling. Linux: arch/x86/include/asm/irq.h. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <asm/ptrace.h>

/* PICs masked, all external vectors given gates, local APIC on. */
void init_IRQ(void);
/* The last step of every interrupt handler (the scheduler's hook). */
void irqentry_exit(struct pt_regs *regs);

#endif
