/*
 * What each CPU needs to take an interrupt or exception: its GDT, its TSS
 * (the stack pointers the CPU loads on entry) and its exception stacks.
 *
 * The TSS has no task switching in 64-bit mode; the CPU reads only:
 *   sp0     the kernel stack to switch to on an interrupt from user mode;
 *   ist[n]  an Interrupt Stack Table: a gate with IST n + 1 always switches
 *           to ist[n], even in kernel mode. Used for the exceptions that can
 *           hit when the current stack is unusable: a double fault (often a
 *           kernel stack overflow), an NMI and a machine check (they can
 *           arrive anywhere, e.g. right after SYSCALL, before the kernel has
 *           switched away from the user stack).
 *
 * Each exception stack has a guard page below it (and the last one above),
 * so that, once mm/ maps the kernel with 4 KiB pages and leaves the guards
 * unmapped, an overflow faults instead of silently writing over the
 * neighbour. (The early boot page tables map everything.)
 *
 * Linux: arch/x86/include/asm/cpu_entry_area.h (struct cpu_entry_area,
 * cea_exception_stacks) and asm/processor.h (struct x86_hw_tss). Linux keeps
 * these in per-CPU variables and maps them again at a fixed address; here
 * they are one array indexed by CPU number.
 */
#ifndef _ASM_CPU_ENTRY_AREA_H
#define _ASM_CPU_ENTRY_AREA_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/desc_defs.h>
#include <asm/page.h>
#include <asm/segment.h>
#include <asm/smp.h>

/* Indexes into tss.ist[] (Linux's numbering; #DB stays on the normal stack
 * here, so IST_INDEX_DB is unused until SYSCALL needs it). */
#define IST_INDEX_DF	0
#define IST_INDEX_NMI	1
#define IST_INDEX_DB	2
#define IST_INDEX_MCE	3

#define EXCEPTION_STKSZ	(2 * PAGE_SIZE)	/* 8 KiB: enough for printk and an oops report */

/* The 64-bit TSS, exactly as the CPU reads it (104 bytes). */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* kernel stack for entries from user mode */
	u64 sp1;		/* sp1, sp2: rings 1 and 2, unused */
	u64 sp2;
	u64 reserved2;
	u64 ist[7];		/* Interrupt Stack Table */
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;	/* past the limit: no I/O permission bitmap */
} __packed;

struct tss_struct {
	struct x86_hw_tss x86_tss;
} __aligned(128);	/* so it never straddles a page, as the SDM advises */

struct exception_stacks {
	char DF_stack_guard[PAGE_SIZE];
	char DF_stack[EXCEPTION_STKSZ];
	char NMI_stack_guard[PAGE_SIZE];
	char NMI_stack[EXCEPTION_STKSZ];
	char MCE_stack_guard[PAGE_SIZE];
	char MCE_stack[EXCEPTION_STKSZ];
	char IST_top_guard[PAGE_SIZE];
} __aligned(PAGE_SIZE);

struct cpu_entry_area {
	struct desc_struct gdt[GDT_ENTRIES];	/* this CPU's GDT */
	struct tss_struct tss;			/* this CPU's TSS */
	struct exception_stacks estacks;	/* page aligned, after the two above */
};

extern struct cpu_entry_area cpu_entry_areas[NR_CPUS];

static inline struct cpu_entry_area *get_cpu_entry_area(int cpu)
{
	return &cpu_entry_areas[cpu];
}

static inline struct desc_struct *get_cpu_gdt_rw(int cpu)
{
	return get_cpu_entry_area(cpu)->gdt;
}

/*
 * Is va in one of the exception stacks' guard pages? mm/ should leave these
 * unmapped when it maps the kernel image in 4 KiB pages (Linux leaves them
 * out of the cpu_entry_area mapping): an overflow then faults instead of
 * silently writing over the neighbouring stack.
 */
static inline bool in_exception_stack_guard(unsigned long va)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		const struct exception_stacks *s = &get_cpu_entry_area(cpu)->estacks;
		const char *guard[] = { s->DF_stack_guard, s->NMI_stack_guard, s->MCE_stack_guard,
					s->IST_top_guard };

		for (unsigned int i = 0; i < sizeof(guard) / sizeof(guard[0]); i++)
			if (va - (unsigned long)guard[i] < PAGE_SIZE)
				return true;
	}
	return false;
}

/*
 * Set the stack the CPU switches to on an interrupt or exception from user
 * mode: the context switch calls this with the top of the next task's
 * kernel stack. Linux: arch/x86/include/asm/processor.h load_sp0().
 */
static inline void load_sp0(unsigned long sp0)
{
	get_cpu_entry_area(raw_smp_processor_id())->tss.x86_tss.sp0 = sp0;
}

#endif
