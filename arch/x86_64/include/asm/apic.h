/*
 * The local APIC: each CPU's interrupt controller and timer.
 * Linux: arch/x86/include/asm/apic.h.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>
#include <asm/apicdef.h>

/* The APIC's registers, mapped with ioremap() by init_bsp_APIC(). */
extern volatile void *lapic_base;
/* APIC timer counts (after the divisor) per jiffy, from calibration. */
extern u32 lapic_timer_period;

static inline u32 apic_read(u32 reg)
{
	return *(volatile u32 *)((volatile char *)lapic_base + reg);
}

static inline void apic_write(u32 reg, u32 v)
{
	*(volatile u32 *)((volatile char *)lapic_base + reg) = v;
}

/* Tell the APIC the interrupt being handled is done, so it can deliver the
 * next one of the same or lower priority. */
static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* Is vector in service, i.e. does it need an EOI? */
static inline bool apic_vector_in_service(unsigned int vector)
{
	return apic_read(APIC_ISR + (vector / 32) * 0x10) & (1U << (vector % 32));
}

static inline unsigned int read_apic_id(void)
{
	return GET_APIC_ID(apic_read(APIC_ID));
}

void init_bsp_APIC(void);
void setup_local_APIC(void);
void setup_boot_APIC_clock(void);
void setup_secondary_APIC_clock(void);
void apic_icr_write(u32 low, u32 apicid);
void apic_send_nmi_self(void);

#endif
