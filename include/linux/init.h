/*
 * Kernel command-line options, declared where they are used, as Linux does:
 *
 *	static int __init crash_setup(char *val) { ... return 0; }
 *	__setup("crash=", crash_setup);
 *
 * The handler gets the text after "=" (or "" for a bare word when the name
 * has no "="). early_param() options are handled as soon as the command
 * line is known (before memory is set up); __setup() ones later, by
 * parse_args() in start_kernel. Unknown words are reported, not fatal.
 * Linux: include/linux/init.h, init/main.c obsolete_checksetup().
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

struct obs_kernel_param {
	const char *str;	/* "name=" takes a value; "name" is a flag */
	int (*setup_func)(char *val);	/* 0 if the value was good */
	bool early;
};

#define __setup_param(str, unique_id, fn, early)                              \
	static const struct obs_kernel_param __setup_##unique_id __used        \
		__section(".init.setup") __aligned(8) = { str, fn, early }

#define __setup(str, fn) __setup_param(str, fn, fn, false)
#define early_param(str, fn) __setup_param(str, fn, fn, true)

#define __init	/* no separate init section here: nothing is freed after boot */

/*
 * Split a command line into words (double quotes group spaces, and are
 * removed), in place. For each word call fn(word, value): value is the text
 * after the first '=', or NULL. Returns the number of words.
 * Linux: lib/cmdline.c next_arg() and kernel/params.c parse_args().
 */
int parse_args(char *cmdline, void (*fn)(char *param, char *val, void *arg), void *arg);

/* Run the early_param() (early) or __setup() (!early) handlers for the boot
 * command line. */
void parse_boot_params(bool early);

#endif
