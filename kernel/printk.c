/*
 * printk: format a message, stamp each line with the time since boot, keep
 * it in the log buffer and write it to every console.
 * Linux: kernel/printk/printk.c (without its record format or console
 * threads: here the log is a plain ring of text).
 *
 * Locking: logbuf_lock (irqsave) covers the log buffer and the console
 * writes, so lines from different CPUs do not interleave. A panic takes the
 * lock over (printk_bust_lock) so the report gets out even if the panicking
 * CPU died holding it.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>

#define LOG_BUF_LEN (64 * 1024)

/* The kernel log: the last LOG_BUF_LEN bytes printed (the GDB helper
 * lx-dmesg reads log_buf and log_next). */
char log_buf[LOG_BUF_LEN];
unsigned long log_next;	/* bytes written since boot; log_buf[log_next % LOG_BUF_LEN] is next */

int console_loglevel = 7;	/* everything but KERN_DEBUG reaches the consoles */

static struct console *console_list;
static DEFINE_SPINLOCK(logbuf_lock);
static bool at_line_start = true;

void register_console(struct console *con)
{
	con->next = console_list;
	console_list = con;
}

static void emit(const char *s, size_t len, bool to_console)
{
	for (size_t i = 0; i < len; i++)
		log_buf[log_next++ % LOG_BUF_LEN] = s[i];
	if (!to_console)
		return;
	for (struct console *con = console_list; con; con = con->next)
		con->write(s, len);
}

int vprintk(const char *fmt, va_list args)
{
	char text[1024];
	int level = LOGLEVEL_DEFAULT;
	bool cont = false;
	unsigned long flags;

	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;
		else if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	int len = vsnprintf(text, sizeof(text), fmt, args);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;
	bool to_console = level < console_loglevel || (cont && level == LOGLEVEL_DEFAULT);

	spin_lock_irqsave(&logbuf_lock, flags);
	if (!cont && !at_line_start)
		emit("\n", 1, to_console);
	for (const char *p = text; p < text + len;) {
		const char *nl = memchr(p, '\n', text + len - p);
		const char *end = nl ? nl + 1 : text + len;

		if (at_line_start) {
			char stamp[24];
			u64 ns = local_clock();
			int n = snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
					 (unsigned long)(ns / NSEC_PER_SEC),
					 (unsigned long)(ns % NSEC_PER_SEC / NSEC_PER_USEC));
			emit(stamp, n, to_console);
		}
		emit(p, end - p, to_console);
		at_line_start = nl != NULL;
		p = end;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* For panic: the lock may be held by the CPU that failed; take it over. */
void printk_bust_lock(void)
{
	spin_lock_init(&logbuf_lock);
}
