/*
 * Per-CPU data reached through the GS segment base.
 *
 * Each CPU's MSR_GS_BASE points at its own struct pcpu_hot, so
 * "movq %gs:OFFSET, %rax" reads this CPU's copy in one instruction, with no
 * need to know which CPU we are on. This is what makes `current` cheap and
 * SMP-safe. (User space has its own GS base; the syscall and interrupt entry
 * code swaps the two with SWAPGS.)
 * Linux: arch/x86/include/asm/current.h struct pcpu_hot, asm/percpu.h.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/threads.h>

struct task_struct;

struct pcpu_hot {
	struct task_struct *current_task;	/* the task running on this CPU */
	int preempt_count;	/* > 0: this CPU may not switch tasks (spinlocks held, ...) */
	int cpu_number;
	unsigned long top_of_stack;	/* current's kernel stack top: syscall entry loads it */
	unsigned long user_rsp;	/* scratch: the user stack pointer during syscall entry */
};

extern struct pcpu_hot pcpu_hot[NR_CPUS];

#define this_cpu_read(field)                                                  \
	({                                                                    \
		__typeof__(((struct pcpu_hot *)0)->field) __v;                \
		__asm__ __volatile__("mov %%gs:%c1, %0"                       \
				     : "=r"(__v)                              \
				     : "i"(__builtin_offsetof(struct pcpu_hot, field))); \
		__v;                                                          \
	})

#define this_cpu_write(field, val)                                            \
	do {                                                                  \
		__typeof__(((struct pcpu_hot *)0)->field) __v = (val);        \
		__asm__ __volatile__("mov %0, %%gs:%c1"                       \
				     :                                        \
				     : "r"(__v),                              \
				       "i"(__builtin_offsetof(struct pcpu_hot, field))  \
				     : "memory");                             \
	} while (0)

#define this_cpu_add(field, val)                                              \
	__asm__ __volatile__("addl %0, %%gs:%c1"                              \
			     :                                                \
			     : "ri"((int)(val)),                              \
			       "i"(__builtin_offsetof(struct pcpu_hot, field))          \
			     : "memory")

/* Point this CPU's GS base at pcpu_hot[cpu]. */
void setup_per_cpu_areas(int cpu);

#endif
