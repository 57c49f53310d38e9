/*
 * Local APIC registers: offsets in its 4 KiB MMIO page, and their bits
 * (Intel SDM vol. 3, chapter 11 "Advanced Programmable Interrupt Controller").
 * Linux: arch/x86/include/asm/apicdef.h.
 */
#ifndef _ASM_APICDEF_H
#define _ASM_APICDEF_H

#define APIC_DEFAULT_PHYS_BASE	0xfee00000

#define APIC_ID		0x20	/* bits 31-24: this CPU's APIC ID */
#define GET_APIC_ID(x)	(((x) >> 24) & 0xff)
#define APIC_LVR	0x30	/* version; bits 23-16: highest LVT entry */
#define APIC_TASKPRI	0x80	/* task priority: block vectors below it */
#define APIC_EOI	0xb0	/* write 0: end of interrupt */
#define APIC_SPIV	0xf0	/* spurious vector and the software enable bit */
#define APIC_SPIV_APIC_ENABLED	(1 << 8)
#define APIC_ISR	0x100	/* in service: 8 registers, 0x10 apart, 32 vectors each */
#define APIC_IRR	0x200	/* requested (pending) */
#define APIC_ESR	0x280	/* error status */
#define APIC_ICR	0x300	/* interrupt command: sends IPIs (low half) */
#define APIC_ICR2	0x310	/* interrupt command, high half: destination */
#define SET_APIC_DEST_FIELD(x)	((x) << 24)
#define APIC_ICR_BUSY	(1 << 12)	/* delivery pending */
#define APIC_INT_ASSERT	(1 << 14)
#define APIC_LVTT	0x320	/* local vector table: timer */
#define APIC_LVT0	0x350	/* LINT0 pin (where the 8259 PIC is wired) */
#define APIC_LVT1	0x360	/* LINT1 pin (NMI) */
#define APIC_LVTERR	0x370	/* APIC internal errors */
#define APIC_TMICT	0x380	/* timer initial count */
#define APIC_TMCCT	0x390	/* timer current count */
#define APIC_TDCR	0x3e0	/* timer divide configuration */

/* Bits of LVT entries and the ICR. */
#define APIC_DM_FIXED		0x00000
#define APIC_DM_NMI		0x00400
#define APIC_DM_INIT		0x00500	/* ICR: INIT, resets the target CPU */
#define APIC_DM_STARTUP		0x00600	/* ICR: SIPI, start at vector * 4 KiB in real mode */
#define APIC_DM_EXTINT		0x00700
#define APIC_INT_LEVELTRIG	(1 << 15)
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_TIMER_PERIODIC	(1 << 17)
#define APIC_VECTOR_MASK	0xff

/* Divide values for APIC_TDCR: the timer counts bus clocks / divisor. */
#define APIC_TDR_DIV_16		0x3
#define APIC_DIVISOR		16

#endif
