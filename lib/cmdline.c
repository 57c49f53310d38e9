/*
 * Splitting a command line into "name=value" words. Linux: lib/cmdline.c
 * next_arg() and kernel/params.c parse_args().
 */
#include <linux/kernel.h>
#include <linux/init.h>

/* One word starting at *p: its name and value (NULL when there is no '='),
 * with quotes removed and the word NUL-terminated. Advances *p past it. */
static void next_arg(char **p, char **param, char **val)
{
	char *src = *p, *dst = *p;
	bool in_quote = false;

	*param = dst;
	*val = NULL;
	for (; *src && (in_quote || *src != ' '); src++) {
		if (*src == '"') {
			in_quote = !in_quote;
			continue;
		}
		if (*src == '=' && !*val) {
			*dst++ = '\0';
			*val = dst;
			continue;
		}
		*dst++ = *src;
	}
	if (*src)
		src++;
	*dst = '\0';
	*p = src;
}

int parse_args(char *cmdline, void (*fn)(char *param, char *val, void *arg), void *arg)
{
	int n = 0;
	char *p = cmdline;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return n;
		char *param, *val;
		next_arg(&p, &param, &val);
		fn(param, val, arg);
		n++;
	}
}
