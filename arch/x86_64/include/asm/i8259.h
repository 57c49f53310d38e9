/*
 * The legacy 8259A programmable interrupt controllers (a master and a
 * slave, 8 IRQ lines each). With a local APIC they are not used, but they
 * must be moved off the exception vectors and masked.
 * Linux: arch/x86/include/asm/i8259.h.
 */
#ifndef _ASM_I8259_H
#define _ASM_I8259_H

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_IMR	0x21	/* interrupt mask register */
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_IMR	0xa1
#define PIC_CASCADE_IR	2	/* the slave is wired to the master's IRQ 2 */

void init_8259A(void);

#endif
