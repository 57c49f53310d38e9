/*
 * Tests for the tick (time.c, apic.c) and the TSC calibration (tsc.c).
 * QEMU's software emulation keeps time loosely, so rates are checked with
 * wide margins; each check still fails if the timer is off, stuck, or
 * running at a wrong multiple of HZ.
 */
#include <linux/ktest.h>
#include <linux/jiffies.h>
#include <linux/time.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>

/*
 * The CPU halts with "sti; hlt" and only the timer can wake it (every
 * other interrupt source is masked): each wake-up must come with a new
 * jiffy, and the halts must take about a jiffy each, not return at once.
 */
static void timer_wakes_halted_cpu_test(struct ktest *test)
{
	enum { ROUNDS = 5 };
	unsigned long flags;
	u64 t0 = 0;

	local_irq_save(flags);
	for (int i = 0; i < ROUNDS; i++) {
		local_irq_disable();
		unsigned long j = jiffies;

		safe_halt();	/* returns after the interrupt that woke us was handled */
		if (jiffies == j)
			ktest_fail(test, __FILE__, __LINE__,
				   "round %d: woke up from hlt but jiffies stayed %lu", i, j);
		if (i == 0)
			t0 = rdtsc();	/* now just after a tick: the next halts are whole jiffies */
	}
	u64 us = (rdtsc() - t0) * 1000 / tsc_khz;

	local_irq_disable();
	local_irq_restore(flags);
	/* ROUNDS - 1 whole jiffies of 1000000 / HZ us each; allow half to three times. */
	KTEST_EXPECT_GE(test, us, (ROUNDS - 1) * (1000000 / HZ) / 2);
	KTEST_EXPECT_LE(test, us, (ROUNDS - 1) * (1000000 / HZ) * 3);
}

/* About HZ ticks per second of TSC time (the two clocks were calibrated
 * separately: the TSC against the PIT, the APIC timer against the TSC). */
static void timer_rate_is_hz_test(struct ktest *test)
{
	enum { MS = 500 };
	u64 t0 = rdtsc(), elapsed;
	unsigned long j0 = jiffies;

	while ((elapsed = rdtsc() - t0) < (u64)tsc_khz * MS)
		safe_halt();
	unsigned long ticks = jiffies - j0;
	unsigned long ms = elapsed / tsc_khz;
	unsigned long expected = ms * HZ / 1000;

	printk("        # %s: %lu ticks in %lu ms (%lu Hz, HZ is %d)\n", test->name, ticks, ms,
	       ticks * 1000 / ms, HZ);
	KTEST_EXPECT_GE(test, ticks, expected / 2);
	KTEST_EXPECT_LE(test, ticks, expected * 3 / 2);
}

/* The APIC timer is armed periodic, unmasked, on the timer vector, and counting. */
static void apic_timer_periodic_test(struct ktest *test)
{
	u32 lvtt = apic_read(APIC_LVTT);
	u32 c0 = apic_read(APIC_TMCCT);

	KTEST_EXPECT_EQ(test, lvtt & APIC_VECTOR_MASK, LOCAL_TIMER_VECTOR);
	KTEST_EXPECT_TRUE(test, lvtt & APIC_LVT_TIMER_PERIODIC);
	KTEST_EXPECT_FALSE(test, lvtt & APIC_LVT_MASKED);
	KTEST_EXPECT_EQ(test, apic_read(APIC_TMICT), lapic_timer_period);
	KTEST_EXPECT_LE(test, c0, lapic_timer_period);
	for (u64 t0 = rdtsc(); rdtsc() - t0 < tsc_khz / 10;)	/* 100 us */
		cpu_relax();
	KTEST_EXPECT_NE(test, apic_read(APIC_TMCCT), c0);
}

/* A plausible TSC rate, and local_clock() (printk's timestamps) running
 * at it: 10 jiffies take 100 ms of local_clock(), give or take half. */
static void tsc_calibrated_test(struct ktest *test)
{
	KTEST_EXPECT_GE(test, tsc_khz, 100000);		/* 100 MHz */
	KTEST_EXPECT_LE(test, tsc_khz, 10000000);	/* 10 GHz */

	unsigned long j = jiffies;

	while (jiffies == j)
		safe_halt();
	u64 ns0 = local_clock();

	j = jiffies;
	while (jiffies - j < 10)
		safe_halt();
	u64 ms = (local_clock() - ns0) / NSEC_PER_MSEC;

	KTEST_EXPECT_GE(test, ms, 10 * 1000 / HZ / 2);
	KTEST_EXPECT_LE(test, ms, 10 * 1000 / HZ * 3 / 2);
}

KTEST_SUITE(timer, KTEST_CASE(timer_wakes_halted_cpu_test), KTEST_CASE(timer_rate_is_hz_test),
	    KTEST_CASE(apic_timer_periodic_test), KTEST_CASE(tsc_calibrated_test));
