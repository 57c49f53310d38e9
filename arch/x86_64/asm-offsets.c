/*
 * Structure offsets for assembly code. Not linked into the kernel: the
 * Makefile compiles it to assembly and turns each DEFINE into a #define in
 * build/include/generated/asm-offsets.h. Linux: arch/x86/kernel/asm-offsets.c.
 */
#include <linux/sched.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>

#define DEFINE(sym, val) __asm__ __volatile__("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void common(void);
void common(void)
{
	OFFSET(TASK_threadsp, task_struct, thread.sp);
	OFFSET(PCPU_current_task, pcpu_hot, current_task);
	OFFSET(PCPU_top_of_stack, pcpu_hot, top_of_stack);
	OFFSET(PCPU_user_rsp, pcpu_hot, user_rsp);
	DEFINE(PTREGS_SIZE, sizeof(struct pt_regs));
}
