#ifndef _ASM_POWER_H
#define _ASM_POWER_H

#include <linux/compiler.h>

/* The codes machine_power_off() reports (QEMU exits with 2 * code + 1). */
#define EXIT_CODE_SIGNALED 64	/* + signal number: init was killed */
#define EXIT_CODE_PANIC 127	/* kernel panic: QEMU exits 255 */

void __noreturn machine_power_off(unsigned int code);

#endif
