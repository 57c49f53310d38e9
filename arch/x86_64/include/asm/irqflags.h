/* Turning interrupts off and on for this CPU (RFLAGS.IF). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

/* RFLAGS bits (Intel SDM vol. 1, 3.4.3). */
#define X86_EFLAGS_TF 0x100	/* trap after each instruction */
#define X86_EFLAGS_IF 0x200	/* interrupts enabled */
#define X86_EFLAGS_DF 0x400	/* string instructions go down */
#define X86_EFLAGS_NT 0x4000	/* nested task */
#define X86_EFLAGS_AC 0x40000	/* alignment check / SMAP override */
#define X86_EFLAGS_FIXED 0x2	/* always 1 */

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	local_irq_disable();
	return flags;
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags)                  \
	do {                                      \
		if ((flags) & X86_EFLAGS_IF)      \
			local_irq_enable();       \
	} while (0)
#define irqs_disabled() (!(arch_local_save_flags() & X86_EFLAGS_IF))

/* Wait for an interrupt with interrupts enabled: the idle loop's instruction. */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" ::: "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

#endif
