/*
 * Handing the boot command line to the __setup()/early_param() handlers.
 * Linux: init/main.c do_early_param() and obsolete_checksetup().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/setup.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* Does the word `param` (value `val`, NULL without '=') match option p? */
static bool param_matches(const struct obs_kernel_param *p, const char *param, const char *val)
{
	size_t n = strlen(p->str);

	if (p->str[n - 1] == '=')
		return val && strlen(param) == n - 1 && !strncmp(p->str, param, n - 1);
	return !val && !strcmp(p->str, param);
}

static void do_param(char *param, char *val, void *arg)
{
	bool early = *(bool *)arg;
	bool known = false;

	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (!param_matches(p, param, val))
			continue;
		known = true;
		if (p->early == early && p->setup_func(val ? val : (char *)"") != 0)
			pr_warn("Malformed kernel command-line option: '%s=%s'\n", param,
				val ? val : "");
	}
	if (!known && !early)
		pr_warn("Unknown kernel command-line option '%s' (ignored)\n", param);
}

/* parse_args() writes into the line, so each pass works on a copy. */
void parse_boot_params(bool early)
{
	static char tmp[COMMAND_LINE_SIZE];

	strscpy(tmp, boot_command_line, sizeof(tmp));
	parse_args(tmp, do_param, &early);
}
