/*
 * The tick: the local APIC timer interrupts each CPU HZ times a second.
 * Linux: arch/x86/kernel/time.c, kernel/time/tick-common.c, timer.c.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <asm/apic.h>
#include <asm/smp.h>
#include <asm/time.h>
#include <asm/tsc.h>

/*
 * Timer interrupts since boot. Linux starts it at INITIAL_JIFFIES, five
 * minutes before wrap-around, to flush out comparisons that forget
 * time_after(); here it starts at 0 so it reads as uptime.
 * Linux: kernel/time/timer.c jiffies_64.
 */
volatile unsigned long jiffies;

/*
 * Called on every CPU's timer interrupt, interrupts off. One CPU keeps
 * the time (Linux: tick_do_timer_cpu); every CPU accounts the tick to its
 * running task (its time slice). Linux: tick-common.c
 * tick_handle_periodic() -> tick_periodic() -> update_process_times().
 */
void tick_handle_periodic(struct pt_regs *regs)
{
	if (raw_smp_processor_id() == 0)
		jiffies++;	/* Linux: do_timer(1) */
	run_local_timers();
	scheduler_tick();
}

/*
 * Start time keeping: calibrate the TSC against the PIT, then the APIC
 * timer against the TSC, and start the tick. Interrupts must be off; the
 * first tick comes once the caller enables them.
 * Linux: arch/x86/kernel/time.c time_init() -> x86_late_time_init().
 */
void time_init(void)
{
	tsc_init();
	setup_boot_APIC_clock();
}
