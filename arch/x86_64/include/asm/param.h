/* The timer interrupt rate. Linux: CONFIG_HZ, include/asm-generic/param.h. */
#ifndef _ASM_PARAM_H
#define _ASM_PARAM_H

#define HZ 100	/* timer interrupts (jiffies) per second */

#endif
