#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <linux/types.h>

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

extern unsigned long tsc_khz;	/* TSC ticks per millisecond, 0 until tsc_init() */
void tsc_set_boot(void);
/* Measure the TSC's rate against the PIT and set tsc_khz. */
void tsc_init(void);
/* Busy-wait at least us microseconds (after tsc_init()). */
void udelay(unsigned long us);

#endif
