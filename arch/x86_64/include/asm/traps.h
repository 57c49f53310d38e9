/*
 * CPU exceptions: setup and the page-fault error code.
 * Linux: arch/x86/include/asm/traps.h and asm/trap_pf.h.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/ptrace.h>
#include <asm/trapnr.h>

/*
 * The error code the CPU pushes for a page fault (Intel SDM vol. 3, 4.7):
 *   bit 0  PROT   0: the page was not present; 1: a protection violation
 *   bit 1  WRITE  the access was a write
 *   bit 2  USER   the access came from user mode (CPL 3)
 *   bit 3  RSVD   a reserved bit was set in a page-table entry
 *   bit 4  INSTR  the access was an instruction fetch (NX)
 *   bit 5  PK     protection keys
 */
enum x86_pf_error_code {
	X86_PF_PROT = 1 << 0,
	X86_PF_WRITE = 1 << 1,
	X86_PF_USER = 1 << 2,
	X86_PF_RSVD = 1 << 3,
	X86_PF_INSTR = 1 << 4,
	X86_PF_PK = 1 << 5,
};

/* Fill the IDT's exception gates, load GDT, TSS and IDT on the boot CPU. */
void trap_init(void);
/* crash= on the command line: fault on purpose now (crash.c). */
void run_crash_test(void);

#endif
