/*
 * printk with log levels, as Linux: a message may start with KERN_<LEVEL>.
 * Messages go to every registered console and to the log buffer (log_buf,
 * which the GDB helper lx-dmesg reads). Each line is stamped with the time
 * since boot, "[    1.234567]".
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/compiler.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"	/* continue the previous line */

#define LOGLEVEL_DEFAULT 6	/* a message without a level is KERN_INFO */

#define pr_emerg(...) printk(KERN_EMERG __VA_ARGS__)
#define pr_err(...) printk(KERN_ERR __VA_ARGS__)
#define pr_warn(...) printk(KERN_WARNING __VA_ARGS__)
#define pr_notice(...) printk(KERN_NOTICE __VA_ARGS__)
#define pr_info(...) printk(KERN_INFO __VA_ARGS__)
#define pr_debug(...) printk(KERN_DEBUG __VA_ARGS__)
#define pr_cont(...) printk(KERN_CONT __VA_ARGS__)

int printk(const char *fmt, ...) __printf(1, 2);

/* Print only the first time this line is reached. */
#define printk_once(...)                      \
	({                                    \
		static bool __print_once;     \
		if (!__print_once) {          \
			__print_once = true;  \
			printk(__VA_ARGS__);  \
		}                             \
	})
#define pr_notice_once(...) printk_once(KERN_NOTICE __VA_ARGS__)
int vprintk(const char *fmt, va_list args);

/* A console: somewhere printk's text goes (serial port, VGA screen). */
struct console {
	const char *name;
	void (*write)(const char *s, size_t len);
	struct console *next;
};
void register_console(struct console *con);

/* Messages above this level (numerically) reach the log buffer only. */
extern int console_loglevel;

int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

#endif
