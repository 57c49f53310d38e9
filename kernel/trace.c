/* The trace= command-line option: see include/linux/trace.h. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/trace.h>

bool trace_fork_enabled, trace_exit_enabled;

/* trace=fork,exit: a comma-separated list. */
static int __init trace_setup(char *val)
{
	for (char *p = val; *p;) {
		char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == 4 && !strncmp(p, "fork", 4))
			trace_fork_enabled = true;
		else if (len == 4 && !strncmp(p, "exit", 4))
			trace_exit_enabled = true;
		else
			return -EINVAL;
		p += len + (comma != NULL);
	}
	return 0;
}
__setup("trace=", trace_setup);
