/*
 * The local APIC: each CPU's own interrupt controller. It delivers
 * interrupts to its CPU by vector and priority, waits for an EOI from the
 * handler, and has a timer of its own, which gives this kernel its tick.
 * Intel SDM vol. 3, chapter 11. Linux: arch/x86/kernel/apic/apic.c.
 */
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <asm/apic.h>
#include <asm/idtentry.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/msr-index.h>
#include <asm/page.h>
#include <asm/smp.h>
#include <asm/time.h>
#include <asm/tsc.h>

volatile void *lapic_base;
u32 lapic_timer_period;

/*
 * Turn on the boot CPU's local APIC and set up its local interrupts.
 * Two switches must both be on: the global enable in the IA32_APIC_BASE
 * MSR (which also says where the registers are) and the software enable
 * in the spurious-vector register. Called with interrupts off.
 * Linux: apic.c init_bsp_APIC(), setup_local_APIC().
 */
void init_bsp_APIC(void)
{
	u64 msr = rdmsr(MSR_IA32_APICBASE);
	phys_addr_t phys = msr & MSR_IA32_APICBASE_BASE;

	if (msr & X2APIC_ENABLE)	/* the firmware chose MSR access; we use MMIO */
		panic("APIC: the firmware left the local APIC in x2APIC mode, not supported");
	if (!(msr & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, msr | MSR_IA32_APICBASE_ENABLE);
	lapic_base = ioremap(phys, PAGE_SIZE);

	apic_write(APIC_TASKPRI, 0);	/* accept every priority */
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	/* LINT0 carries the 8259's interrupts in "virtual wire" mode: off.
	 * LINT1 is the NMI line: keep it, on the boot CPU only. */
	apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	apic_write(APIC_LVT1, APIC_DM_NMI);
	apic_write(APIC_ESR, 0);	/* clear errors: write, then read (twice, per SDM) */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);

	pr_info("APIC: local APIC %u at %#lx (version %#x), enabled\n", read_apic_id(), phys,
		apic_read(APIC_LVR) & 0xff);
}

/*
 * How many APIC timer counts (after the divide-by-16) make a jiffy,
 * measured against the TSC, which must be calibrated already. The timer
 * runs one-shot from its maximum count while the TSC measures CAL_MS.
 * The reads are ordered so that any delay (an SMI, or the host taking the
 * CPU away from a virtual machine) can only make the count too big, so of
 * three tries the smallest is the best.
 * Linux: apic.c calibrate_APIC_clock() (which measures over 100 ms of
 * jiffies from the PIT/HPET tick instead).
 */
static u32 calibrate_APIC_clock(void)
{
	enum { CAL_MS = 10, TRIES = 3 };
	u64 tsc_per_jiffy = (u64)tsc_khz * (1000 / HZ);
	u64 best = ~0UL;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	for (int i = 0; i < TRIES; i++) {
		apic_write(APIC_TMICT, 0xffffffff);
		u32 c0 = apic_read(APIC_TMCCT);
		u64 t0 = rdtsc(), t1;

		while ((t1 = rdtsc()) - t0 < (u64)tsc_khz * CAL_MS)
			cpu_relax();
		u32 c1 = apic_read(APIC_TMCCT);
		u64 per_jiffy = (u64)(c0 - c1) * tsc_per_jiffy / (t1 - t0);

		best = min(best, per_jiffy);
	}
	apic_write(APIC_TMICT, 0);	/* stop it */
	return best;
}

/*
 * Calibrate the APIC timer and start it periodic at HZ on LOCAL_TIMER_VECTOR.
 * Linux: apic.c setup_boot_APIC_clock() -> __setup_APIC_LVTT().
 */
void setup_boot_APIC_clock(void)
{
	lapic_timer_period = calibrate_APIC_clock();
	if (lapic_timer_period < 100)
		panic("APIC timer: calibration failed (%u counts per jiffy)", lapic_timer_period);
	u64 bus_khz = (u64)lapic_timer_period * APIC_DIVISOR * HZ / 1000;

	pr_info("APIC timer: %u ticks per jiffy (bus clock %lu.%03lu MHz, divided by %d)\n",
		lapic_timer_period, bus_khz / 1000, bus_khz % 1000, APIC_DIVISOR);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
}

/*
 * The timer interrupt. EOI first: the next tick may then be delivered as
 * soon as interrupts are on again, even if this handler is slow.
 * Linux: apic.c sysvec_apic_timer_interrupt() -> local_apic_timer_interrupt().
 */
void sysvec_apic_timer_interrupt(struct pt_regs *regs, unsigned long error_code)
{
	apic_eoi();
	irq_enter();
	tick_handle_periodic(regs);
	irq_exit();
	irqentry_exit(regs);
}

/* The APIC found a bad vector, a failed IPI, an illegal register access.
 * Linux: apic.c sysvec_error_interrupt(). */
void sysvec_error_interrupt(struct pt_regs *regs, unsigned long error_code)
{
	apic_write(APIC_ESR, 0);	/* latch the errors into ESR */
	u32 esr = apic_read(APIC_ESR);

	apic_eoi();
	pr_err("APIC error on CPU%d: %02x\n", raw_smp_processor_id(), esr);
	irqentry_exit(regs);
}

/*
 * A spurious interrupt: the APIC raised an interrupt whose source went
 * away before the CPU took it. It is never put in service, so no EOI
 * unless, oddly, it is. Linux: apic.c sysvec_spurious_apic_interrupt().
 */
void sysvec_spurious_apic_interrupt(struct pt_regs *regs, unsigned long error_code)
{
	if (apic_vector_in_service(SPURIOUS_APIC_VECTOR))
		apic_eoi();
	pr_info("spurious APIC interrupt through vector %02x on CPU#%d, should never happen.\n",
		SPURIOUS_APIC_VECTOR, raw_smp_processor_id());
	irqentry_exit(regs);
}

/*
 * Send an NMI to this CPU, through the APIC like an IPI to itself (the
 * "self" shorthand allows only fixed delivery, so name our own APIC ID).
 * Linux: apic/ipi.c __default_send_IPI_dest_field() with NMI_VECTOR.
 */
void apic_send_nmi_self(void)
{
	apic_write(APIC_ICR2, SET_APIC_DEST_FIELD(read_apic_id()));
	apic_write(APIC_ICR, APIC_DM_NMI | APIC_INT_ASSERT);
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}
