/*
 * CPU feature bits: X86_FEATURE_x = word * 32 + bit, where each word is one
 * CPUID output register (Linux's numbering of the words it shares with us).
 * Linux: arch/x86/include/asm/cpufeatures.h.
 */
#ifndef _ASM_CPUFEATURES_H
#define _ASM_CPUFEATURES_H

#define NCAPINTS 10	/* words in cpuinfo_x86.x86_capability[] */

/* Word 0: CPUID 0x00000001, EDX. */
#define X86_FEATURE_FPU		(0 * 32 + 0)	/* x87 floating point */
#define X86_FEATURE_VME		(0 * 32 + 1)	/* virtual-8086 mode extensions */
#define X86_FEATURE_DE		(0 * 32 + 2)	/* debugging extensions */
#define X86_FEATURE_PSE		(0 * 32 + 3)	/* 4 MiB / 2 MiB pages */
#define X86_FEATURE_TSC		(0 * 32 + 4)	/* time-stamp counter */
#define X86_FEATURE_MSR		(0 * 32 + 5)	/* rdmsr/wrmsr */
#define X86_FEATURE_PAE		(0 * 32 + 6)	/* physical address extension */
#define X86_FEATURE_MCE		(0 * 32 + 7)	/* machine check exception */
#define X86_FEATURE_CX8		(0 * 32 + 8)	/* cmpxchg8b */
#define X86_FEATURE_APIC	(0 * 32 + 9)	/* local APIC */
#define X86_FEATURE_SEP		(0 * 32 + 11)	/* sysenter/sysexit */
#define X86_FEATURE_MTRR	(0 * 32 + 12)	/* memory type range registers */
#define X86_FEATURE_PGE		(0 * 32 + 13)	/* global pages */
#define X86_FEATURE_MCA		(0 * 32 + 14)	/* machine check architecture */
#define X86_FEATURE_CMOV	(0 * 32 + 15)	/* cmov */
#define X86_FEATURE_PAT		(0 * 32 + 16)	/* page attribute table */
#define X86_FEATURE_PSE36	(0 * 32 + 17)
#define X86_FEATURE_CLFLUSH	(0 * 32 + 19)
#define X86_FEATURE_MMX		(0 * 32 + 23)
#define X86_FEATURE_FXSR	(0 * 32 + 24)	/* fxsave/fxrstor */
#define X86_FEATURE_XMM		(0 * 32 + 25)	/* SSE */
#define X86_FEATURE_XMM2	(0 * 32 + 26)	/* SSE2 */
#define X86_FEATURE_HT		(0 * 32 + 28)	/* hyper-threading */

/* Word 1: CPUID 0x80000001, EDX (AMD's extended leaf, Intel has it too). */
#define X86_FEATURE_SYSCALL	(1 * 32 + 11)	/* syscall/sysret */
#define X86_FEATURE_NX		(1 * 32 + 20)	/* no-execute pages */
#define X86_FEATURE_GBPAGES	(1 * 32 + 26)	/* 1 GiB pages ("pdpe1gb") */
#define X86_FEATURE_RDTSCP	(1 * 32 + 27)
#define X86_FEATURE_LM		(1 * 32 + 29)	/* long mode: x86-64 */

/* Word 3: CPUID 0x80000007, EDX (Linux makes it constant_tsc + nonstop_tsc). */
#define X86_FEATURE_INVARIANT_TSC (3 * 32 + 8)	/* TSC rate fixed in all P-/C-states */

/* Word 4: CPUID 0x00000001, ECX. */
#define X86_FEATURE_XMM3	(4 * 32 + 0)	/* SSE3 ("pni" in Linux) */
#define X86_FEATURE_SSSE3	(4 * 32 + 9)
#define X86_FEATURE_CX16	(4 * 32 + 13)
#define X86_FEATURE_PCID	(4 * 32 + 17)	/* process-context identifiers */
#define X86_FEATURE_XMM4_1	(4 * 32 + 19)
#define X86_FEATURE_XMM4_2	(4 * 32 + 20)
#define X86_FEATURE_X2APIC	(4 * 32 + 21)
#define X86_FEATURE_POPCNT	(4 * 32 + 23)
#define X86_FEATURE_TSC_DEADLINE_TIMER (4 * 32 + 24)
#define X86_FEATURE_XSAVE	(4 * 32 + 26)
#define X86_FEATURE_AVX		(4 * 32 + 28)
#define X86_FEATURE_RDRAND	(4 * 32 + 30)
#define X86_FEATURE_HYPERVISOR	(4 * 32 + 31)	/* running under a hypervisor */

/* Word 9: CPUID 0x00000007 sub-leaf 0, EBX. */
#define X86_FEATURE_FSGSBASE	(9 * 32 + 0)	/* rdfsbase and friends */
#define X86_FEATURE_SMEP	(9 * 32 + 7)	/* no kernel execution of user pages */
#define X86_FEATURE_ERMS	(9 * 32 + 9)	/* fast rep movsb/stosb */
#define X86_FEATURE_INVPCID	(9 * 32 + 10)
#define X86_FEATURE_SMAP	(9 * 32 + 20)	/* no kernel access to user pages */

#endif
