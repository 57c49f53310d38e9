/*
 * Byte offsets of the fields of struct pt_regs (asm/ptrace.h), for the
 * entry code in assembly. The entry code builds pt_regs by pushing: the CPU
 * pushes SS, RSP, RFLAGS, CS, RIP (and for some exceptions an error code),
 * the stub pushes -1 where there is no error code, then PUSH_REGS pushes
 * RDI first and R15 last, so R15 ends up at the lowest address, offset 0.
 * traps_test.c checks these against offsetof().
 * Linux: arch/x86/include/uapi/asm/ptrace-abi.h.
 */
#ifndef _ASM_PTRACE_ABI_H
#define _ASM_PTRACE_ABI_H

#define R15 0
#define R14 8
#define R13 16
#define R12 24
#define RBP 32
#define RBX 40
/* Above: callee-saved registers; below: the rest. */
#define R11 48
#define R10 56
#define R9 64
#define R8 72
#define RAX 80
#define RCX 88
#define RDX 96
#define RSI 104
#define RDI 112
#define ORIG_RAX 120	/* the error code, or -1; the system call number for SYSCALL */
/* The CPU's interrupt frame: */
#define RIP 128
#define CS 136
#define EFLAGS 144
#define RSP 152
#define SS 160
#define FRAME_SIZE 168	/* sizeof(struct pt_regs) */

#endif
