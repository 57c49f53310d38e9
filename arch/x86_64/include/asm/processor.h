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
};

struct task_struct;
struct kernel_clone_args;

/* Set up the new task's kernel stack so its first switch-in lands in
 * ret_from_fork. Linux: arch/x86/kernel/process.c copy_thread(). */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

#endif
