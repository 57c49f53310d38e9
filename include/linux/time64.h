/* A point in time as seconds and nanoseconds. Linux: include/linux/time64.h. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

struct timespec64 {
	s64 tv_sec;	/* seconds */
	long tv_nsec;	/* nanoseconds, 0 .. 999999999 */
};

#endif
