#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define NSEC_PER_USEC 1000UL
#define NSEC_PER_MSEC 1000000UL
#define NSEC_PER_SEC 1000000000UL

/* Nanoseconds since boot (the TSC, once calibrated; 0 before). */
u64 local_clock(void);

/* CLOCK_REALTIME: nanoseconds since 1970 (kernel/time/time.c). */
u64 ktime_get_real_ns(void);

typedef int clockid_t;
void timekeeping_init(void);

#endif
