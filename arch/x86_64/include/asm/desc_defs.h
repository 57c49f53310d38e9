/*
 * The shapes of the descriptors in the GDT and IDT, as the CPU reads them
 * (Intel SDM vol. 3, 3.4.5 "Segment Descriptors", 7.2.3 "TSS Descriptor in
 * 64-bit mode", 6.14.1 "64-Bit Mode IDT").
 * Linux: arch/x86/include/asm/desc_defs.h.
 */
#ifndef _ASM_DESC_DEFS_H
#define _ASM_DESC_DEFS_H

#include <linux/types.h>
#include <linux/compiler.h>

/* An 8-byte code or data segment descriptor. In 64-bit mode base and limit
 * are ignored for code and data; what matters is type, dpl, p and l. */
struct desc_struct {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 4, s : 1, dpl : 2, p : 1;
	u16 limit1 : 4, avl : 1, l : 1, d : 1, g : 1, base2 : 8;
} __packed;

/* Bits of the `flags` argument of GDT_ENTRY_INIT: the descriptor's
 * access byte (type, s, dpl, p) and the flags nibble (avl, l, d, g). */
#define _DESC_ACCESSED		0x0001	/* set now, so the CPU never writes the GDT */
#define _DESC_DATA_WRITABLE	0x0002
#define _DESC_CODE_READABLE	0x0002
#define _DESC_CODE_EXECUTABLE	0x0008
#define _DESC_S			0x0010	/* code/data, not a system segment */
#define _DESC_DPL(dpl)		((dpl) << 5)
#define _DESC_PRESENT		0x0080
#define _DESC_LONG_CODE		0x2000	/* L: 64-bit code */
#define _DESC_DB		0x4000	/* D/B: 32-bit code or stack */
#define _DESC_GRANULARITY_4K	0x8000

#define _DESC_DATA	(_DESC_S | _DESC_PRESENT | _DESC_ACCESSED | _DESC_DATA_WRITABLE)
#define _DESC_CODE	(_DESC_S | _DESC_PRESENT | _DESC_ACCESSED | _DESC_CODE_READABLE | \
			 _DESC_CODE_EXECUTABLE)
#define DESC_DATA32	(_DESC_DATA | _DESC_GRANULARITY_4K | _DESC_DB)
#define DESC_CODE32	(_DESC_CODE | _DESC_GRANULARITY_4K | _DESC_DB)
#define DESC_DATA64	(_DESC_DATA | _DESC_GRANULARITY_4K | _DESC_DB)
#define DESC_CODE64	(_DESC_CODE | _DESC_GRANULARITY_4K | _DESC_LONG_CODE)
#define DESC_USER	_DESC_DPL(3)

#define GDT_ENTRY_INIT(flags, base, limit)                                     \
	{                                                                      \
		.limit0 = (u16)(limit), .limit1 = ((limit) >> 16) & 0x0f,      \
		.base0 = (u16)(base), .base1 = ((base) >> 16) & 0xff,          \
		.base2 = ((base) >> 24) & 0xff, .type = (flags) & 0x0f,        \
		.s = ((flags) >> 4) & 1, .dpl = ((flags) >> 5) & 3,            \
		.p = ((flags) >> 7) & 1, .avl = ((flags) >> 12) & 1,           \
		.l = ((flags) >> 13) & 1, .d = ((flags) >> 14) & 1,            \
		.g = ((flags) >> 15) & 1,                                      \
	}

/* System descriptor types (s = 0). */
enum {
	DESC_TSS = 0x9,		/* available 64-bit TSS */
	DESC_TSS_BUSY = 0xb,	/* what ltr turns it into */
	GATE_INTERRUPT = 0xe,	/* IDT gate that clears RFLAGS.IF */
	GATE_TRAP = 0xf,	/* IDT gate that leaves IF alone */
};

/* A 16-byte system descriptor in the GDT (the TSS): 64-bit base. */
struct ldttss_desc {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 5, dpl : 2, p : 1;
	u16 limit1 : 4, zero0 : 3, g : 1, base2 : 8;
	u32 base3;
	u32 zero1;
} __packed;
typedef struct ldttss_desc tss_desc;

/* The attribute word of an IDT gate. */
struct idt_bits {
	u16 ist : 3,	/* 0: stay on the current stack; n: switch to TSS ist[n - 1] */
	    zero : 5,
	    type : 5,	/* GATE_INTERRUPT or GATE_TRAP */
	    dpl : 2,	/* lowest privilege that may "int n" to this gate */
	    p : 1;
} __packed;

/* A 16-byte IDT entry: where to go (segment:offset) and how. */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	struct idt_bits bits;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;
typedef struct gate_struct gate_desc;

static inline unsigned long gate_offset(const gate_desc *g)
{
	return g->offset_low | (unsigned long)g->offset_middle << 16 |
	       (unsigned long)g->offset_high << 32;
}

/* The operand of lgdt/lidt/sgdt/sidt. */
struct desc_ptr {
	u16 size;		/* limit: size in bytes - 1 */
	unsigned long address;
} __packed;

#endif
