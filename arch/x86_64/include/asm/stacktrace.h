#ifndef _ASM_STACKTRACE_H
#define _ASM_STACKTRACE_H

/* Print the call chain from the caller, walking saved frame pointers. */
void dump_stack(void);
/* The same from a given frame (e.g. the registers of a fault). */
void show_stack(unsigned long rip, unsigned long rbp);

#endif
