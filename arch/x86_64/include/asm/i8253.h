/*
 * The 8253/8254 programmable interval timer (PIT): a fixed 1.193182 MHz
 * clock, used here only as the reference to measure the TSC against.
 * Linux: arch/x86/include/asm/i8253.h, include/linux/timex.h.
 */
#ifndef _ASM_I8253_H
#define _ASM_I8253_H

#define PIT_TICK_RATE	1193182UL	/* Hz */
#define PIT_CH2		0x42		/* channel 2: the one wired to port 0x61 */
#define PIT_MODE	0x43
#define PIT_PORT_B	0x61		/* bit 0: channel 2 gate; bit 5: its output */

#endif
