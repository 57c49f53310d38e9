/*
 * Terminals. A tty joins a driver (where bytes go out and come in: here
 * the serial port) to a line discipline (what happens to them on the way:
 * n_tty, which edits lines, echoes, turns ^C into a signal).
 *
 *	write(1, ...) -> tty_write -> n_tty_write -> OPOST ("\n" -> "\r\n") -> driver
 *	UART interrupt -> n_tty_receive_buf -> edit, echo -> read_buf -> n_tty_read
 *
 * Linux: include/linux/tty.h, tty_driver.h, drivers/tty/ (tty_io.c,
 * tty_ioctl.c, n_tty.c); one line discipline and no tty_driver objects
 * here: a tty knows its driver's operations directly.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/termios.h>
#include <linux/wait.h>

#define N_TTY_BUF_SIZE 4096	/* input bytes a tty holds (a power of 2) */

/* n_tty's state (Linux: struct n_tty_data). Under tty->lock. */
struct n_tty_data {
	/* The input ring, indexed by free-running counters (mod the size):
	 * read_tail <= canon_head <= read_head. Bytes before canon_head
	 * are finished lines a canonical read may take; after it, the line
	 * still being typed (and erased). A raw read takes up to read_head. */
	size_t read_head;
	size_t canon_head;
	size_t read_tail;
	unsigned long read_flags[N_TTY_BUF_SIZE / 64];	/* bit: a line ends at this byte */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned int column;	/* where the cursor is, from what was output */
	unsigned int canon_column;	/* the column the line being typed began at */
};

struct tty_struct;

/* What the driver does. Linux: struct tty_operations. */
struct tty_operations {
	/* Send count bytes (already processed for output). Called with
	 * tty->lock held, also from the receive interrupt (echo). */
	void (*write)(struct tty_struct *tty, const unsigned char *buf, size_t count);
};

struct tty_struct {
	const char *name;
	const struct tty_operations *ops;
	/* Guards termios, winsize, pgrp and ldata; taken by the receive
	 * interrupt, so always with interrupts off (irqsave). */
	spinlock_t lock;
	struct ktermios termios;
	struct winsize winsize;
	int pgrp;	/* the foreground process group (0: none yet) */
	struct mutex atomic_read_lock;	/* one reader at a time */
	struct mutex atomic_write_lock;	/* one writer at a time: writes do not interleave */
	struct wait_queue_head read_wait;	/* readers waiting for input */
	struct n_tty_data ldata;
	void *driver_data;
};

/* The termios a new tty starts with. Linux: tty_std_termios. */
extern const struct ktermios tty_std_termios;

/* drivers/tty/tty_io.c */
void tty_init(void);
void tty_init_struct(struct tty_struct *tty, const char *name, const struct tty_operations *ops);
extern const struct file_operations tty_fops;
extern struct tty_struct console_tty;	/* /dev/console: the serial port */
void tty_signal_pgrp(struct tty_struct *tty, int sig);

/* drivers/tty/tty_ioctl.c */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
void tty_set_termios(struct tty_struct *tty, const struct ktermios *new, bool flush);

/* drivers/tty/n_tty.c: the line discipline. */
void n_tty_open(struct tty_struct *tty);
void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, size_t count);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, struct iov_iter *from);
void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old);
void n_tty_flush_buffer(struct tty_struct *tty);
size_t n_tty_inq(struct tty_struct *tty);

/* drivers/tty/serial8250.c: the console's UART. */
extern const struct tty_operations serial8250_tty_ops;
int serial8250_start_rx(struct tty_struct *tty);

#endif
