/*
 * Tests for the line discipline (n_tty.c) on a test tty whose driver
 * keeps what is echoed or written in a buffer: bytes go in as the UART's
 * interrupt would hand them over, lines come out of n_tty_read. Then one
 * test of the real path: the serial port's receive interrupt, through the
 * I/O APIC, into the console tty.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uio.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/serial.h>

/* What the test tty's "driver" was given to send. */
static char out[512];
static size_t out_len;

static void capture_write(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	count = min(count, sizeof(out) - 1 - out_len);
	memcpy(out + out_len, buf, count);
	out_len += count;
	out[out_len] = '\0';
}

static const struct tty_operations capture_ops = { .write = capture_write };
static struct tty_struct tty;
static struct file nonblock = { .f_flags = O_NONBLOCK };

static void reset(void)
{
	tty_init_struct(&tty, "test", &capture_ops);
	out_len = 0;
	out[0] = '\0';
}

static void feed(const char *s)
{
	n_tty_receive_buf(&tty, (const unsigned char *)s, strlen(s));
}

/* A non-blocking read of up to max bytes into buf (NUL-terminated). */
static ssize_t rd(char *buf, size_t max)
{
	struct iov_iter iter;
	ssize_t n;

	iov_iter_kvec(&iter, buf, max);
	n = n_tty_read(&tty, &nonblock, &iter);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* Set or clear local-mode flags, and VMIN. */
static void set_lflag(tcflag_t set, tcflag_t clear, int vmin)
{
	struct ktermios t = tty.termios;

	t.c_lflag = (t.c_lflag | set) & ~clear;
	t.c_cc[VMIN] = vmin;
	tty_set_termios(&tty, &t, false);
}

/* A line is read when its newline (CR, by ICRNL) arrives, echoed as typed. */
static void n_tty_canonical_line_test(struct ktest *test)
{
	char buf[64];

	reset();
	feed("abc");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);	/* no whole line yet */
	feed("\r");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(test, buf, "abc\n");
	KTEST_EXPECT_STREQ(test, out, "abc\r\n");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);

	/* One line per read; a short buffer takes it in pieces. */
	feed("one\ntwo\nthree\n");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(test, buf, "one\n");
	KTEST_EXPECT_EQ(test, rd(buf, 2), 2);
	KTEST_EXPECT_STREQ(test, buf, "tw");
	KTEST_EXPECT_EQ(test, rd(buf, 2), 2);
	KTEST_EXPECT_STREQ(test, buf, "o\n");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 6);
	KTEST_EXPECT_STREQ(test, buf, "three\n");
	KTEST_EXPECT_EQ(test, rd(buf, 0), 0);
}

/* DEL and ^H erase a character, ^W a word, ^U the line, with echo. */
static void n_tty_erase_kill_test(struct ktest *test)
{
	char buf[64];

	reset();
	feed("abx\x7f" "c\n");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(test, buf, "abc\n");
	KTEST_EXPECT_STREQ(test, out, "abx\b \bc\r\n");

	reset();
	feed("ab\bc\n");
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "ac\n");

	reset();
	feed("\x7f\x7fok\n");	/* nothing to erase: nothing happens */
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "ok\n");
	KTEST_EXPECT_STREQ(test, out, "ok\r\n");

	reset();
	feed("junk\x15ok\n");
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "ok\n");
	KTEST_EXPECT_STREQ(test, out, "junk\b \b\b \b\b \b\b \bok\r\n");

	reset();
	feed("one two  \x17three\n");
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "one three\n");

	reset();
	feed("x\x01\x7fy\n");	/* ^A echoes as two columns, and is erased as two */
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "xy\n");
	KTEST_EXPECT_STREQ(test, out, "x^A\b\b  \b\by\r\n");

	reset();
	feed("a\tb\x7f\x7f\n");	/* a tab is erased back to where it started */
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "a\n");
	KTEST_EXPECT_STREQ(test, out, "a\tb\b \b\b\b\b\b\b\b\b\r\n");

	reset();
	feed("done\n" "\x7f\x7f\x7f\n");	/* a finished line cannot be erased */
	rd(buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "done\n");
}

/* ^D: end of file at the start of a line, else it ends the line unread. */
static void n_tty_eof_test(struct ktest *test)
{
	char buf[64];

	reset();
	feed("\x04");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 0);	/* end of file */
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);	/* ... once */
	feed("abc\x04");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);	/* not end of file */
	KTEST_EXPECT_STREQ(test, out, "abc");	/* ^D is not echoed */
	feed("xyz\x04");
	KTEST_EXPECT_EQ(test, rd(buf, 3), 3);	/* exactly the line: the ^D goes with it */
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);
}

/* Raw mode: bytes are ready at once, VMIN of them; no echo without ECHO;
 * back to canonical mode, what was typed becomes a line. */
static void n_tty_raw_mode_test(struct ktest *test)
{
	char buf[64];

	reset();
	set_lflag(0, ICANON | ECHO, 1);
	feed("x\x7fy");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(test, buf, "x\x7fy");
	KTEST_EXPECT_STREQ(test, out, "");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), -EAGAIN);
	set_lflag(0, 0, 0);	/* VMIN 0: return at once, with nothing */
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 0);
	feed("\r");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 1);
	KTEST_EXPECT_STREQ(test, buf, "\n");	/* ICRNL is an input flag: still on */

	feed("pending");
	set_lflag(ICANON | ECHO, 0, 1);
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 7);
	KTEST_EXPECT_STREQ(test, buf, "pending");
}

/* ^C flushes the line being typed and echoes ^C (the signal goes to the
 * foreground group, tty_signal_pgrp: none is set here). Output: NL
 * becomes CR NL only under OPOST|ONLCR. */
static void n_tty_isig_and_output_test(struct ktest *test)
{
	struct ktermios t;
	struct iov_iter iter;
	char buf[64];

	reset();
	feed("rm -rf /\x03ls\n");
	KTEST_EXPECT_EQ(test, rd(buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(test, buf, "ls\n");
	KTEST_EXPECT_STREQ(test, out, "rm -rf /^Cls\r\n");

	reset();
	iov_iter_kvec(&iter, "a\nb", 3);
	KTEST_EXPECT_EQ(test, n_tty_write(&tty, NULL, &iter), 3);
	KTEST_EXPECT_STREQ(test, out, "a\r\nb");
	t = tty.termios;
	t.c_oflag &= ~OPOST;
	tty_set_termios(&tty, &t, false);
	iov_iter_kvec(&iter, "c\nd", 3);
	KTEST_EXPECT_EQ(test, n_tty_write(&tty, NULL, &iter), 3);
	KTEST_EXPECT_STREQ(test, out, "a\r\nbc\nd");
}

/* A full buffer drops typed bytes but still takes the newline that ends
 * the line, so a reader is never stuck. */
static void n_tty_buffer_full_test(struct ktest *test)
{
	static char buf[N_TTY_BUF_SIZE + 8];
	ssize_t n;

	reset();
	set_lflag(0, ECHO, 1);
	for (int i = 0; i < N_TTY_BUF_SIZE + 100; i++)
		feed("z");
	feed("\n");
	n = rd(buf, sizeof(buf));
	KTEST_EXPECT_EQ(test, n, N_TTY_BUF_SIZE);
	KTEST_EXPECT_EQ(test, buf[n - 1], '\n');
	KTEST_EXPECT_EQ(test, buf[n - 2], 'z');
}

struct feeder {
	struct completion started;
	const char *text;
};

/* A kernel thread that types text a little later, as a user would. */
static int type_later(void *arg)
{
	struct feeder *f = arg;

	complete(&f->started);
	for (int i = 0; i < 5; i++)
		yield();
	feed(f->text);
	return 0;
}

/* A blocking read sleeps until a line arrives. */
static void n_tty_blocking_read_test(struct ktest *test)
{
	struct feeder f = { .text = "late\r" };
	struct iov_iter iter;
	char buf[16];

	reset();
	init_completion(&f.started);
	KTEST_ASSERT_TRUE(test, kernel_thread(type_later, &f, "ktest-typist", 0) > 0);
	wait_for_completion(&f.started);
	iov_iter_kvec(&iter, buf, sizeof(buf));
	KTEST_EXPECT_EQ(test, n_tty_read(&tty, NULL, &iter), 5);
	KTEST_EXPECT_EQ(test, memcmp(buf, "late\n", 5), 0);
}

#define COM1 0x3f8
#define UART_MCR 4
#define UART_MCR_LOOP 0x10	/* loopback: what is sent is received */

/*
 * The real input path: in loopback mode a byte the UART sends comes back
 * as received data, raising IRQ 4, which the I/O APIC delivers to the
 * CPU and handle_irq() to serial8250's handler, which gives it to the
 * console tty. Echo is off meanwhile (an echo would loop back again), and
 * nothing may printk.
 */
static void serial_irq_to_console_tty_test(struct ktest *test)
{
	struct irq_desc *desc = vector_irq[ISA_IRQ_VECTOR(4)];
	struct ktermios saved = console_tty.termios, raw = saved;
	struct iov_iter iter;
	unsigned long count, end;
	u8 mcr = inb(COM1 + UART_MCR);
	char c = 0;

	KTEST_ASSERT_NOT_NULL(test, desc);
	count = desc->count;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	tty_set_termios(&console_tty, &raw, true);
	outb(mcr | UART_MCR_LOOP, COM1 + UART_MCR);
	serial_putc('Z');
	for (end = jiffies + HZ; READ_ONCE(desc->count) == count && time_before(jiffies, end);)
		yield();
	outb(mcr, COM1 + UART_MCR);
	iov_iter_kvec(&iter, &c, 1);
	KTEST_EXPECT_EQ(test, n_tty_read(&console_tty, &nonblock, &iter), 1);
	tty_set_termios(&console_tty, &saved, true);
	KTEST_EXPECT_GT(test, desc->count, count);
	KTEST_EXPECT_EQ(test, c, 'Z');
}

KTEST_SUITE(n_tty, KTEST_CASE(n_tty_canonical_line_test), KTEST_CASE(n_tty_erase_kill_test),
	    KTEST_CASE(n_tty_eof_test), KTEST_CASE(n_tty_raw_mode_test),
	    KTEST_CASE(n_tty_isig_and_output_test), KTEST_CASE(n_tty_buffer_full_test),
	    KTEST_CASE(n_tty_blocking_read_test), KTEST_CASE(serial_irq_to_console_tty_test));
