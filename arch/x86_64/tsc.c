/*
 * The time-stamp counter as the kernel's clock. Until tsc_khz is known
 * (calibration), local_clock() returns 0.
 * Linux: arch/x86/kernel/tsc.c.
 */
#include <linux/kernel.h>
#include <linux/time.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>

unsigned long tsc_khz;	/* TSC ticks per millisecond; 0 until calibrated */
static u64 tsc_at_boot;

/* Nanoseconds since tsc_set_boot(). Linux: tsc.c native_sched_clock(). */
u64 local_clock(void)
{
	if (!tsc_khz)
		return 0;
	u64 ticks = rdtsc() - tsc_at_boot;
	/* ticks * 1e6 / khz, split to avoid overflowing 64 bits */
	return ticks / tsc_khz * NSEC_PER_MSEC + ticks % tsc_khz * NSEC_PER_MSEC / tsc_khz;
}

/* Busy-wait at least us microseconds (tsc_khz must be known).
 * Linux: arch/x86/lib/delay.c udelay() -> delay_tsc(). */
void udelay(unsigned long us)
{
	u64 t0 = rdtsc(), ticks = (u64)tsc_khz * us / 1000;

	while (rdtsc() - t0 < ticks)
		cpu_relax();
}

/* Remember the TSC at boot: local_clock() counts from here. */
void tsc_set_boot(void)
{
	tsc_at_boot = rdtsc();
}

/*
 * Count TSC ticks while PIT channel 2 counts down `ms` milliseconds, and
 * return ticks per millisecond. Channel 2 is the one whose output can be
 * read, in bit 5 of port 0x61; in mode 0 it goes high when the count runs
 * out. The count starts when its high byte is written, so the TSC is read
 * just before that and as soon as the output is seen high: a delay
 * anywhere (an SMI, or the host taking the CPU from a virtual machine) can
 * only make the result too big, never too small.
 * Linux: tsc.c pit_calibrate_tsc().
 */
static unsigned long pit_calibrate_tsc(unsigned int ms)
{
	u32 latch = PIT_TICK_RATE * ms / 1000;
	u64 t0, t1;

	/* Gate high (counting enabled), speaker off. */
	outb((inb(PIT_PORT_B) & ~0x02) | 0x01, PIT_PORT_B);
	outb(0xb0, PIT_MODE);	/* channel 2, low byte then high byte, mode 0, binary */
	outb(latch & 0xff, PIT_CH2);
	t0 = rdtsc();
	outb(latch >> 8, PIT_CH2);
	while (!(inb(PIT_PORT_B) & 0x20))
		;
	t1 = rdtsc();
	return (t1 - t0) / ms;
}

/*
 * Find tsc_khz: the smallest of a few PIT measurements (see above for why
 * the smallest). From here on printk's timestamps are real.
 * Linux: tsc.c tsc_init() -> native_calibrate_tsc() / pit_hpet_ptimer_calibrate_cpu().
 */
void tsc_init(void)
{
	enum { CAL_MS = 10, TRIES = 3 };
	unsigned long khz = ~0UL;

	for (int i = 0; i < TRIES; i++) {
		unsigned long t = pit_calibrate_tsc(CAL_MS);

		khz = min(khz, t);
	}
	if (khz < 1000)
		panic("tsc: calibration against the PIT failed (%lu kHz)", khz);
	tsc_khz = khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", khz / 1000, khz % 1000);
}
