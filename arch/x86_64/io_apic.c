/*
 * The I/O APIC, and request_irq() for the ISA interrupt lines through it.
 * The legacy 8259 PICs are masked (i8259.c), so this is how a device such
 * as the serial port reaches the CPU: pin -> I/O APIC redirection entry
 * (vector, destination APIC, edge or level) -> local APIC -> IDT vector ->
 * common_interrupt() -> handle_irq() -> the driver's handler.
 * Intel 82093AA I/O APIC datasheet. Linux: arch/x86/kernel/apic/io_apic.c,
 * kernel/irq/manage.c (request_irq), kernel/irq/chip.c (handle_edge_irq).
 *
 * Locking: ioapic_lock (irqsave) for the two-step register access and the
 * descriptor table.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/page.h>

/* The I/O APIC's registers are reached through a window: write the
 * register number to IOREGSEL, then read or write IOWIN. */
#define IO_APIC_REGSEL 0	/* u32 index of IOREGSEL (offset 0x00) */
#define IO_APIC_WINDOW 4	/* u32 index of IOWIN (offset 0x10) */
#define IO_APIC_ID 0x00
#define IO_APIC_VERSION 0x01	/* bits 16-23: the highest redirection entry */
#define IO_APIC_REDTBL(pin) (0x10 + 2 * (pin))	/* 64-bit entry: low, then high word */

/* Redirection entry bits (low word); the destination APIC ID is in bits
 * 56-63. Fixed delivery, physical destination: all zero. */
#define IO_APIC_REDIR_ACTIVE_LOW (1U << 13)
#define IO_APIC_REDIR_LEVEL_TRIGGER (1U << 15)
#define IO_APIC_REDIR_MASKED (1U << 16)

static volatile u32 *ioapic_base;
static unsigned int nr_ioapic_pins;
static DEFINE_SPINLOCK(ioapic_lock);
static struct irq_desc irq_descs[NR_IRQS_LEGACY];

struct irq_desc *vector_irq[NR_VECTORS];

static u32 io_apic_read(unsigned int reg)
{
	ioapic_base[IO_APIC_REGSEL] = reg;
	return ioapic_base[IO_APIC_WINDOW];
}

static void io_apic_write(unsigned int reg, u32 value)
{
	ioapic_base[IO_APIC_REGSEL] = reg;
	ioapic_base[IO_APIC_WINDOW] = value;
}

/* Linux: __ioapic_write_entry(). High word first, so an entry is never
 * unmasked with a half-written destination. Caller holds ioapic_lock. */
static void ioapic_write_entry(unsigned int pin, u64 entry)
{
	io_apic_write(IO_APIC_REDTBL(pin) + 1, (u32)(entry >> 32));
	io_apic_write(IO_APIC_REDTBL(pin), (u32)entry);
}

/*
 * Map the I/O APIC and mask every pin. Called by the first request_irq()
 * with ioapic_lock held. 0 or -ENODEV. Linux: setup_IO_APIC() and
 * mp_register_ioapic(), which find it in the ACPI MADT; this kernel reads
 * no ACPI tables and takes the address every PC (and QEMU) uses.
 */
int setup_IO_APIC(void)
{
	u32 ver;

	ioapic_base = ioremap(IO_APIC_DEFAULT_PHYS_BASE, PAGE_SIZE);
	if (!ioapic_base)
		return -ENODEV;
	ver = io_apic_read(IO_APIC_VERSION);
	if (ver == 0xffffffff) {	/* nothing answers there */
		iounmap((void *)ioapic_base);
		ioapic_base = NULL;
		return -ENODEV;
	}
	nr_ioapic_pins = ((ver >> 16) & 0xff) + 1;
	for (unsigned int pin = 0; pin < nr_ioapic_pins; pin++)
		ioapic_write_entry(pin, IO_APIC_REDIR_MASKED);
	pr_info("IOAPIC[0]: apic_id %u, version %u, address %#x, GSI 0-%u\n",
		io_apic_read(IO_APIC_ID) >> 24 & 0xf, ver & 0xff, IO_APIC_DEFAULT_PHYS_BASE,
		nr_ioapic_pins - 1);
	return 0;
}

/* The pin an ISA IRQ is wired to: the same number, except the timer's IRQ
 * 0 on pin 2, the one override PC firmware (and QEMU) lists in the MADT.
 * ISA lines are edge-triggered, active high. Linux: mp_override_legacy_irq(). */
static unsigned int irq_to_pin(unsigned int irq)
{
	return irq == 0 ? 2 : irq;
}

/* Linux: request_irq() -> __setup_irq() -> irq_startup(). See linux/interrupt.h.
 * The line's vector is ISA_IRQ_VECTOR(irq), where Linux puts legacy IRQs. */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	unsigned int vector = ISA_IRQ_VECTOR(irq);
	unsigned long irqflags;
	int err = 0;

	if (irq >= NR_IRQS_LEGACY || !handler)
		return -EINVAL;
	spin_lock_irqsave(&ioapic_lock, irqflags);
	if (!ioapic_base)
		err = setup_IO_APIC();
	if (!err && irq_descs[irq].handler)
		err = -EBUSY;
	if (!err) {
		irq_descs[irq] = (struct irq_desc){ .irq = irq, .handler = handler,
						    .dev_id = dev_id, .name = name };
		vector_irq[vector] = &irq_descs[irq];
		ioapic_write_entry(irq_to_pin(irq), vector | (u64)read_apic_id() << 56);
	}
	spin_unlock_irqrestore(&ioapic_lock, irqflags);
	return err;
}

/* Linux: free_irq(). */
void free_irq(unsigned int irq, void *dev_id)
{
	unsigned long irqflags;

	if (irq >= NR_IRQS_LEGACY)
		return;
	spin_lock_irqsave(&ioapic_lock, irqflags);
	if (ioapic_base && irq_descs[irq].dev_id == dev_id) {
		ioapic_write_entry(irq_to_pin(irq), IO_APIC_REDIR_MASKED);
		vector_irq[ISA_IRQ_VECTOR(irq)] = NULL;
		irq_descs[irq].handler = NULL;
	}
	spin_unlock_irqrestore(&ioapic_lock, irqflags);
}

/*
 * Linux: handle_edge_irq() with ack_apic_edge(). Acknowledge first (EOI
 * to the local APIC), so an edge arriving while the handler runs is kept
 * and delivered after it. Called from common_interrupt() with interrupts off.
 */
void handle_irq(struct irq_desc *desc, struct pt_regs *regs)
{
	apic_eoi();
	desc->count++;
	desc->handler(desc->irq, desc->dev_id);
}
