/*
 * Per-task CPU state kept outside pt_regs. Linux: arch/x86/include/asm/processor.h.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>
#include <asm/fpu.h>
#include <asm/page.h>

struct thread_struct {
	unsigned long sp;	/* kernel stack pointer while switched out (inactive_task_frame) */
	unsigned long fsbase;	/* user FS base (thread-local storage), for arch_prctl */
	unsigned long gsbase;	/* user GS base */
	struct fpu fpu;	/* FPU/SSE registers while switched out */
	/* The last user fault, for the signal frame's sigcontext (err, trapno, cr2). */
	unsigned long trap_nr, error_code, cr2;
};

/* The top of a new program's stack (the end of user space) and how much of
 * the stack exists at first; it grows down on demand (VM_GROWSDOWN). */
#define STACK_TOP 0x00007ffffffff000UL
#define USER_STACK_INIT (128 * 1024UL)

struct task_struct;
struct kernel_clone_args;
struct pt_regs;

/* The pt_regs at the top of p's kernel stack: the user registers saved
 * on entry. Linux: task_pt_regs(). */
#define task_pt_regs(p) ((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)

/* Registers for a new program: user segments, interrupts on, everything
 * else zero. Linux: arch/x86/kernel/process_64.c start_thread(). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/* AT_HWCAP: the CPUID leaf 1 EDX feature bits, as Linux reports them. */
unsigned long elf_hwcap(void);

/* Set up the new task's kernel stack so its first switch-in lands in
 * ret_from_fork. Linux: arch/x86/kernel/process.c copy_thread(). */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

#endif
