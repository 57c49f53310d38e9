/*
 * Loading the GDT, IDT and task register.
 * Linux: arch/x86/include/asm/desc.h.
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <linux/types.h>
#include <asm/desc_defs.h>
#include <asm/segment.h>

#define IDT_ENTRIES 256

extern gate_desc idt_table[IDT_ENTRIES];

static inline void load_gdt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lgdt %0" : : "m"(*dtr) : "memory");
}

static inline void store_gdt(struct desc_ptr *dtr)
{
	__asm__ __volatile__("sgdt %0" : "=m"(*dtr));
}

static inline void load_idt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lidt %0" : : "m"(*dtr) : "memory");
}

static inline void store_idt(struct desc_ptr *dtr)
{
	__asm__ __volatile__("sidt %0" : "=m"(*dtr));
}

/* ltr: load the task register; the CPU marks the descriptor busy. */
static inline void load_TR_desc(void)
{
	__asm__ __volatile__("ltr %w0" : : "q"(GDT_ENTRY_TSS_SEL) : "memory");
}

/* str: the selector in the task register. */
static inline unsigned long store_tr(void)
{
	unsigned long tr;

	__asm__ __volatile__("str %q0" : "=r"(tr));
	return tr;
}

/* Fill the 16-byte TSS descriptor in this CPU's GDT.
 * Linux: arch/x86/include/asm/desc.h set_tssldt_descriptor(). */
static inline void set_tssldt_descriptor(tss_desc *d, unsigned long addr, unsigned int type,
					 unsigned int size)
{
	*d = (tss_desc){
		.limit0 = (u16)size,
		.base0 = (u16)addr,
		.base1 = (addr >> 16) & 0xff,
		.type = type,
		.p = 1,
		.limit1 = (size >> 16) & 0xf,
		.base2 = (addr >> 24) & 0xff,
		.base3 = (u32)(addr >> 32),
	};
}

void load_current_idt(void);
void idt_setup_traps(void);
void idt_setup_apic_and_irq_gates(void);

#endif
