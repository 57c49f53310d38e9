/*
 * External interrupts: setup, the catch-all handler, and the way out.
 * Linux: arch/x86/kernel/irqinit.c, irq.c, kernel/entry/common.c.
 */
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/i8259.h>
#include <asm/idtentry.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/smp.h>

/*
 * Interrupts on the boot CPU: the legacy PICs masked, every external
 * vector given a gate, the local APIC enabled. Interrupts stay off (the
 * caller enables them once the timer is set up).
 * Linux: irqinit.c init_IRQ() -> native_init_IRQ(), apic.c apic_intr_mode_init().
 */
void init_IRQ(void)
{
	init_8259A();
	idt_setup_apic_and_irq_gates();
	init_bsp_APIC();
}

/*
 * A device interrupt: run the handler request_irq() set up for the vector
 * (io_apic.c). A vector no driver claimed is reported, acknowledged if the
 * APIC has it in service, and otherwise ignored.
 * Linux: irq.c common_interrupt() -> handle_irq(), or the ack_bad_irq()
 * path ("No irq handler").
 */
void common_interrupt(struct pt_regs *regs, unsigned long vector)
{
	struct irq_desc *desc = vector < NR_VECTORS ? vector_irq[vector] : NULL;

	if (desc) {
		irq_enter();
		handle_irq(desc, regs);
		irq_exit();
		irqentry_exit(regs);
		return;
	}
	pr_emerg("common_interrupt: %d.%lu No irq handler for vector\n",
		 raw_smp_processor_id(), vector);
	if (apic_vector_in_service(vector))
		apic_eoi();
	irqentry_exit(regs);
}

/*
 * The end of every interrupt handler, before the entry code returns:
 * where the scheduler takes the CPU away from a task whose time is up.
 * Back to kernel code, only if that code had interrupts on and holds no
 * spinlock (preempt_count() == 0): it may be in the middle of anything
 * else, which is what "preemptible kernel" means. (Back to user mode,
 * return_from_interrupt schedules and acts on signals.)
 * Linux: kernel/entry/common.c irqentry_exit().
 */
void irqentry_exit(struct pt_regs *regs)
{
	if (!user_mode(regs) && (regs->flags & X86_EFLAGS_IF) && preempt_count() == 0 &&
	    current->need_resched)
		preempt_schedule_irq();
}
