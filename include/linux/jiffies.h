/*
 * jiffies: the number of timer interrupts since boot, HZ per second.
 * Compare with time_after()/time_before(), which stay right when the
 * counter wraps. Linux: include/linux/jiffies.h.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <asm/param.h>

#if 1000 % HZ
#error "jiffies_to_msecs() assumes HZ divides 1000"
#endif

/* Incremented by the timer interrupt on CPU 0 (arch/x86_64/time.c). */
extern volatile unsigned long jiffies;

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long jiffies_to_msecs(unsigned long j)
{
	return j * (1000 / HZ);
}

static inline unsigned long msecs_to_jiffies(unsigned long ms)
{
	return (ms + 1000 / HZ - 1) / (1000 / HZ);
}

#endif
