/*
 * Random numbers for the kernel's modest needs (AT_RANDOM, which musl
 * uses for its stack-protector canary). RDRAND when the CPU has it, else a
 * splitmix64 sequence seeded from the TSC: not cryptographic.
 * Linux: drivers/char/random.c (far stronger).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

u64 get_random_u64(void);

#endif
