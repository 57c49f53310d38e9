/*
 * The time-stamp counter as the kernel's clock. Until tsc_khz is known
 * (calibration), local_clock() returns 0.
 * Linux: arch/x86/kernel/tsc.c.
 */
#include <linux/kernel.h>
#include <linux/time.h>
#include <asm/tsc.h>

unsigned long tsc_khz;	/* TSC ticks per millisecond; 0 until calibrated */
static u64 tsc_at_boot;

u64 local_clock(void)
{
	if (!tsc_khz)
		return 0;
	u64 ticks = rdtsc() - tsc_at_boot;
	/* ticks * 1e6 / khz, split to avoid overflowing 64 bits */
	return ticks / tsc_khz * NSEC_PER_MSEC + ticks % tsc_khz * NSEC_PER_MSEC / tsc_khz;
}

void tsc_set_boot(void)
{
	tsc_at_boot = rdtsc();
}
