#ifndef _ASM_RTC_H
#define _ASM_RTC_H

#include <linux/types.h>

u64 read_persistent_clock(void);	/* seconds since 1970, from the CMOS clock */

#endif
