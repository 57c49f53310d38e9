/*
 * The in-kernel test runner. Linux: lib/kunit/test.c (much reduced).
 *
 * Output is KTAP: a header and plan for the suites, then each suite as an
 * indented subtest with one "ok N name" / "not ok N name" line per case, and
 * "# " diagnostic lines saying why a case failed. tests/run.sh reads it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/power.h>

extern const struct ktest_suite __start_ktest_suites[], __stop_ktest_suites[];

static bool ktest_requested;
static char ktest_filter[256];	/* comma-separated suite names; empty: all */

static int __init ktest_setup(char *val)
{
	ktest_requested = true;
	strscpy(ktest_filter, val, sizeof(ktest_filter));
	return 0;
}
__setup_param("ktest", ktest_flag, ktest_setup, false);
__setup_param("ktest=", ktest_list, ktest_setup, false);

void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	test->failed = true;
	printk("        # %s: EXPECTATION FAILED at %s:%d: %s\n", test->name, file, line, msg);
}

unsigned long ktest_free_pages(void)
{
	unsigned long until = jiffies + 2 * HZ;

	for (int i = 0; i < 5; i++)
		yield();
	/* A task reaped here may still be exiting on another CPU. */
	while (sched_exiting_tasks() && time_before(jiffies, until))
		yield();
	drop_slab();
	return nr_free_pages();
}

void ktest_pin_to_this_cpu(bool pin)
{
	struct cpumask mask = { pin ? 1UL << raw_smp_processor_id() : ~0UL };

	set_cpus_allowed_ptr(current, &mask);
}

long ktest_syscall(unsigned int nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	extern const struct syscall_desc __start_syscalls[], __stop_syscalls[];
	struct pt_regs regs = { .di = a0, .si = a1, .dx = a2, .r10 = a3, .r8 = a4, .r9 = a5,
				.orig_ax = nr };

	for (const struct syscall_desc *d = __start_syscalls; d < __stop_syscalls; d++)
		if (d->nr == nr)
			return d->fn(&regs);
	return -ENOSYS;
}

static bool suite_selected(const char *name)
{
	size_t n = strlen(name);

	if (!ktest_filter[0])
		return true;
	for (const char *p = ktest_filter; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && !strncmp(p, name, n))
			return true;
		p += len + (comma != NULL);
	}
	return false;
}

/* Returns the number of failed cases. */
static int run_suite(const struct ktest_suite *suite, int index)
{
	int failed = 0;

	printk("    KTAP version 1\n    # Subtest: %s\n    1..%lu\n", suite->name,
	       suite->nr_cases);
	for (unsigned long i = 0; i < suite->nr_cases; i++) {
		struct ktest test = { .name = suite->cases[i].name };

		suite->cases[i].run(&test);
		printk("    %sok %lu %s\n", test.failed ? "not " : "", i + 1, test.name);
		failed += test.failed;
	}
	printk("%sok %d %s\n", failed ? "not " : "", index, suite->name);
	return failed;
}

void ktest_run_requested(void)
{
	int nr_suites = 0, index = 0, failed = 0, total = 0;

	if (!ktest_requested)
		return;
	for (const struct ktest_suite *s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		nr_suites += suite_selected(s->name);
	printk("KTAP version 1\n1..%d\n", nr_suites);
	for (const struct ktest_suite *s = __start_ktest_suites; s < __stop_ktest_suites; s++) {
		if (!suite_selected(s->name))
			continue;
		failed += run_suite(s, ++index);
		total += s->nr_cases;
	}
	printk("# ktest: %d cases in %d suites: %d passed, %d failed\n", total, nr_suites,
	       total - failed, failed);
	machine_power_off(failed || !nr_suites ? 1 : 0);
}
