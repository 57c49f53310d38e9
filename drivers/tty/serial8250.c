/*
 * The console tty's driver: the 16550 UART on COM1 (with the VGA screen
 * mirroring its output). Output is polled, byte by byte, through the same
 * serial_putc() printk's console uses; input arrives by interrupt (IRQ 4),
 * each byte handed to the line discipline. printk does not go through
 * here: kernel messages still reach the port directly.
 * Linux: drivers/tty/serial/8250/8250_port.c (serial8250_handle_irq ->
 * serial8250_rx_chars -> tty_flip_buffer_push -> n_tty_receive_buf).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/serial.h>
#include <asm/vga.h>

/* COM1's registers (as in arch/x86_64/serial.c). */
#define COM1 0x3f8
#define COM1_IRQ 4
#define UART_IER 1	/* interrupt enable */
#define UART_IER_RDI 0x01	/* ... when received data is available */
#define UART_IIR 2	/* interrupt identification (reading it clears some) */

/* Linux: serial8250_start_tx() and the console's vga mirror. Called with
 * tty->lock held (interrupts off). */
static void serial8250_write(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	for (size_t i = 0; i < count; i++)
		serial_putc(buf[i]);
	vga_write((const char *)buf, count);
}

const struct tty_operations serial8250_tty_ops = {
	.write = serial8250_write,
};

/* Linux: serial8250_rx_chars(). Hand every byte the UART holds to the
 * line discipline. */
static void serial8250_rx_chars(struct tty_struct *tty)
{
	unsigned char buf[16];
	size_t n = 0;
	int c;

	while ((c = serial_getc()) >= 0) {
		buf[n++] = c;
		if (n == sizeof(buf)) {
			n_tty_receive_buf(tty, buf, n);
			n = 0;
		}
	}
	if (n)
		n_tty_receive_buf(tty, buf, n);
}

/* Linux: serial8250_interrupt(). The UART raised IRQ 4: data is there.
 * Emptying it lowers the line, so the next byte gives a new edge. */
static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	serial8250_rx_chars(dev_id);
	return IRQ_HANDLED;
}

/*
 * Linux: serial8250_startup(). Route IRQ 4 to serial8250_interrupt() and
 * turn on the UART's receive interrupt; bytes typed before now are taken
 * as input too. 0 or request_irq()'s error (then no input, output still
 * works).
 */
int serial8250_start_rx(struct tty_struct *tty)
{
	int err = request_irq(COM1_IRQ, serial8250_interrupt, 0, "ttyS0", tty);
	unsigned long flags;

	if (err)
		return err;
	local_irq_save(flags);	/* the handler must not run between our reads */
	outb(UART_IER_RDI, COM1 + UART_IER);
	inb(COM1 + UART_IIR);
	serial8250_rx_chars(tty);
	local_irq_restore(flags);
	return 0;
}
