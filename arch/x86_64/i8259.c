/*
 * The 8259A PICs. At power-on they deliver IRQs 0-15 on vectors 8-15 and
 * 0x70-0x77, the first of which collide with CPU exceptions (vector 8 is
 * the double fault). This kernel takes its interrupts through the local
 * APIC, so the PICs are moved to harmless vectors and every line masked.
 * Linux: arch/x86/kernel/i8259.c init_8259A().
 */
#include <linux/kernel.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>

/* Old PICs need a moment between commands: a write to the unused port
 * 0x80 takes about a microsecond. Linux: asm/io.h native_io_delay(). */
static void outb_pic(u8 value, u16 port)
{
	outb(value, port);
	outb(0, 0x80);
}

/*
 * Re-initialize both PICs (the ICW1-ICW4 sequence of the 8259A data
 * sheet) with IRQ 0-15 on vectors 0x30-0x3f, and mask every line.
 * Called once, with interrupts off.
 */
void init_8259A(void)
{
	outb(0xff, PIC_MASTER_IMR);	/* mask everything while we reprogram */
	outb(0xff, PIC_SLAVE_IMR);

	outb_pic(0x11, PIC_MASTER_CMD);	/* ICW1: edge triggered, cascade, ICW4 follows */
	outb_pic(ISA_IRQ_VECTOR(0), PIC_MASTER_IMR);	/* ICW2: vector base */
	outb_pic(1U << PIC_CASCADE_IR, PIC_MASTER_IMR);	/* ICW3: a slave on IR2 */
	outb_pic(0x01, PIC_MASTER_IMR);	/* ICW4: 8086 mode, normal EOI */

	outb_pic(0x11, PIC_SLAVE_CMD);
	outb_pic(ISA_IRQ_VECTOR(8), PIC_SLAVE_IMR);
	outb_pic(PIC_CASCADE_IR, PIC_SLAVE_IMR);	/* ICW3: my cascade identity */
	outb_pic(0x01, PIC_SLAVE_IMR);

	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
}
