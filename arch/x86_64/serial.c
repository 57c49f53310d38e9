/*
 * The 16550 UART on COM1: the kernel's console. Polled output (wait until
 * the transmit holding register is empty, then write the byte).
 * Linux: drivers/tty/serial/8250/.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/serial.h>

#define COM1 0x3f8
#define UART_RX 0	/* receive buffer (read) */
#define UART_TX 0	/* transmit holding (write) */
#define UART_IER 1	/* interrupt enable */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control; bit 7 selects the divisor latch */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define UART_LSR_DR 0x01	/* data ready */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */

void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb((u8)c, COM1 + UART_TX);
}

/* A byte if one has arrived, else -1. */
int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}

static void serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static struct console serial_console = { .name = "ttyS0", .write = serial_write };

/* 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on. */
void serial_init(void)
{
	outb(0x00, COM1 + UART_IER);
	outb(0x80, COM1 + UART_LCR);
	outb(0x01, COM1 + 0);	/* divisor 1 = 115200 baud (low byte) */
	outb(0x00, COM1 + 1);	/* (high byte) */
	outb(0x03, COM1 + UART_LCR);
	outb(0xc7, COM1 + UART_FCR);
	outb(0x0b, COM1 + UART_MCR);
	register_console(&serial_console);
}
