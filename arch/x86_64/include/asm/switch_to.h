/*
 * Switching kernel stacks between tasks. Linux: arch/x86/include/asm/switch_to.h.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <asm/ptrace.h>

struct task_struct;

/*
 * What a switched-out task's thread.sp points at: the callee-saved
 * registers __switch_to_asm pushed, then where to return. For a new task,
 * copy_thread() builds one by hand whose ret_addr is ret_from_fork_asm.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

/* A new task's stack top: the frame above, then the user registers. */
struct fork_frame {
	struct inactive_task_frame frame;
	struct pt_regs regs;
};

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
void ret_from_fork_asm(void);

/* Returns the task that ran on this CPU just before us (prev's view of
 * "prev" is stale after the switch: we may come back much later). */
#define switch_to(prev, next) __switch_to_asm(prev, next)


#endif
