/* The timer interrupt. Linux: arch/x86/include/asm/time.h. */
#ifndef _ASM_TIME_H
#define _ASM_TIME_H

#include <asm/ptrace.h>

/* Calibrate the TSC and the APIC timer, start the periodic tick. */
void time_init(void);
/* Called on every timer interrupt, with the interrupted registers. */
void tick_handle_periodic(struct pt_regs *regs);

#endif
