/*
 * Inter-processor interrupts (IPIs): one CPU interrupts another through the
 * local APICs, by writing the target's APIC ID and a vector to its own
 * APIC's interrupt command register. Two kinds here:
 *
 *   RESCHEDULE_VECTOR     "look at need_resched": wakes a halted idle CPU
 *                         and makes the interrupt exit path switch tasks.
 *   CALL_FUNCTION_VECTOR  "run this function": smp_call_function_many(),
 *                         used for TLB shootdowns (arch/x86_64/tlb.c).
 *
 * One request at a time, system-wide: call_lock serialises the senders.
 * While a sender spins for call_lock it serves requests aimed at itself,
 * so two CPUs sending to each other at once cannot deadlock, even with
 * interrupts off. (Linux queues requests per CPU, lock-free; the older
 * Linux 2.6 call_function_data with call_lock was this design.)
 *
 * Linux: arch/x86/kernel/smp.c, kernel/smp.c.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/idtentry.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>

/* The request being served: set by the holder of call_lock. */
static struct {
	smp_call_func_t func;
	void *info;
} call_data;
static int call_lock;	/* 1 while a sender owns call_data */
static bool call_pending[NR_CPUS];	/* this CPU has yet to run call_data.func */

/* Send vector to cpu. Linux: apic->send_IPI(). */
void apic_send_IPI(int cpu, int vector)
{
	apic_icr_write(APIC_DM_FIXED | APIC_INT_ASSERT | vector, cpu_to_apicid[cpu]);
}

/* Linux: native_smp_send_reschedule(). */
void smp_send_reschedule(int cpu)
{
	if (cpu != smp_processor_id() && cpu_online(cpu))
		apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

/* The reschedule IPI: need_resched is set already; irqentry_exit() (or the
 * return to user mode) switches. Linux: sysvec_reschedule_ipi(). */
void sysvec_reschedule_ipi(struct pt_regs *regs, unsigned long error_code)
{
	apic_eoi();
	irqentry_exit(regs);
}

/*
 * Run the request aimed at this CPU, if there is one; from the IPI, or from
 * a sender waiting for call_lock. Interrupts off meanwhile, so the IPI
 * cannot run it a second time underneath. Linux: __flush_smp_call_function_queue().
 */
static void flush_smp_call_function_queue(void)
{
	int cpu = smp_processor_id();
	unsigned long flags;

	local_irq_save(flags);
	if (__atomic_load_n(&call_pending[cpu], __ATOMIC_ACQUIRE)) {
		call_data.func(call_data.info);
		__atomic_store_n(&call_pending[cpu], false, __ATOMIC_RELEASE);
	}
	local_irq_restore(flags);
}

/* Linux: sysvec_call_function() -> generic_smp_call_function_interrupt(). */
void sysvec_call_function(struct pt_regs *regs, unsigned long error_code)
{
	apic_eoi();
	flush_smp_call_function_queue();
	irqentry_exit(regs);
}

/* See linux/smp.h. Linux: kernel/smp.c smp_call_function_many_cond(). */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info)
{
	struct cpumask targets;
	int cpu, this = smp_processor_id();

	cpumask_and(&targets, mask, cpu_online_mask);
	cpumask_clear_cpu(this, &targets);
	if (cpumask_empty(&targets))
		return;
	while (__atomic_exchange_n(&call_lock, 1, __ATOMIC_ACQUIRE)) {
		flush_smp_call_function_queue();
		cpu_relax();
	}
	call_data.func = func;
	call_data.info = info;
	for_each_cpu(cpu, &targets) {
		__atomic_store_n(&call_pending[cpu], true, __ATOMIC_RELEASE);
		apic_send_IPI(cpu, CALL_FUNCTION_VECTOR);
	}
	for_each_cpu(cpu, &targets)
		while (__atomic_load_n(&call_pending[cpu], __ATOMIC_ACQUIRE))
			cpu_relax();
	__atomic_store_n(&call_lock, 0, __ATOMIC_RELEASE);
}

/* See linux/smp.h. Linux: kernel/smp.c on_each_cpu(). */
void on_each_cpu(smp_call_func_t func, void *info)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}
