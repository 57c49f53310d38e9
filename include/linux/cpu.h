/* Linux: include/linux/cpu.h (the part used here). */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/compiler.h>

/* Become this CPU's idle loop; never returns. */
void __noreturn cpu_startup_entry(void);
void arch_cpu_idle(void);	/* halt until an interrupt: arch */

#endif
