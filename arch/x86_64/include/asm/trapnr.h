/*
 * The 32 vectors the CPU reserves for its exceptions (Intel SDM vol. 3,
 * table 6-1). Linux: arch/x86/include/asm/trapnr.h.
 */
#ifndef _ASM_TRAPNR_H
#define _ASM_TRAPNR_H

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1	/* debug */
#define X86_TRAP_NMI	2	/* non-maskable interrupt */
#define X86_TRAP_BP	3	/* breakpoint (int3) */
#define X86_TRAP_OF	4	/* overflow (into) */
#define X86_TRAP_BR	5	/* bound range exceeded */
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7	/* device not available (FPU) */
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_OLD_MF	9	/* coprocessor segment overrun (386 only) */
#define X86_TRAP_TS	10	/* invalid TSS */
#define X86_TRAP_NP	11	/* segment not present */
#define X86_TRAP_SS	12	/* stack segment fault */
#define X86_TRAP_GP	13	/* general protection fault */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_SPURIOUS 15	/* reserved */
#define X86_TRAP_MF	16	/* x87 floating-point error */
#define X86_TRAP_AC	17	/* alignment check */
#define X86_TRAP_MC	18	/* machine check */
#define X86_TRAP_XF	19	/* SIMD floating-point exception */
#define X86_TRAP_VE	20	/* virtualization exception */
#define X86_TRAP_CP	21	/* control protection (CET) */
#define X86_TRAP_HV	28	/* hypervisor injection (AMD) */
#define X86_TRAP_VC	29	/* VMM communication (AMD SEV-ES) */
#define X86_TRAP_SX	30	/* security exception (AMD) */

#define NR_EXCEPTION_VECTORS 32

#endif
