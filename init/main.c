/*
 * start_kernel: where the boot code hands over to C, on the boot stack with
 * interrupts off. Bring up the consoles first (so anything can be reported),
 * then memory, traps and the timer, then the rest; finally become the idle
 * task. Linux: init/main.c start_kernel().
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <asm/cpufeature.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/time.h>
#include <asm/traps.h>
#include <asm/tsc.h>
#include <asm/vga.h>

#define BANNER "Forklift teaching kernel (x86-64): fork as Linux does it"

void start_kernel(u32 magic, unsigned long info_phys)
{
	tsc_set_boot();
	serial_init();
	vga_init();
	pr_notice("%s\n", BANNER);
	early_cpu_init();	/* CPUID: what this CPU can do */
	trap_init();		/* GDT, TSS, IDT: faults are reported from here on */

	parse_multiboot2(magic, info_phys);
	parse_boot_params(true);	/* early_param() options */
	e820_print();
	mm_core_init();		/* memblock, kernel page tables, buddy, slab */

	init_IRQ();		/* PICs masked, local APIC on */
	time_init();		/* TSC and APIC timer calibrated, ticking at HZ */
	local_irq_enable();

	parse_boot_params(false);	/* __setup() options */
	initramfs_list();
	ktest_run_requested();

	run_crash_test();	/* crash=... */
	pr_info("Idle: CPU0 in the idle loop, timer at %d Hz\n", HZ);
	cpu_startup_entry();
}
