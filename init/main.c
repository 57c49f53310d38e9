/*
 * start_kernel: where the boot code hands over to C, on the boot stack with
 * interrupts off. Bring up the consoles first (so anything can be reported),
 * then memory, traps and the timer, then the rest; finally become the idle
 * task. Linux: init/main.c start_kernel().
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/time.h>
#include <asm/traps.h>
#include <asm/tsc.h>
#include <asm/vga.h>

#define BANNER "Forklift teaching kernel (x86-64): fork as Linux does it"

/*
 * The first user-space-bound task, pid 1. Linux: init/main.c kernel_init().
 * For now it runs the in-kernel tests when asked; exec'ing /sbin/init
 * arrives with user space.
 */
static int kernel_init(void *unused)
{
	populate_rootfs();	/* Linux: do_basic_setup() runs it as an initcall */
	console_on_rootfs();
	ktest_run_requested();
	pr_info("kernel_init: no init program to run yet (user space is the next step)\n");
	do_exit(0);
}

/*
 * Linux: rest_init(). Start pid 1, then become the idle task: from here on
 * the boot CPU runs whatever the scheduler picks.
 */
static void __noreturn rest_init(void)
{
	pid_t pid = user_mode_thread(kernel_init, NULL, 0);

	if (pid < 0)
		panic("rest_init: cannot create kernel_init (error %d)", pid);
	cpu_startup_entry();
}

void start_kernel(u32 magic, unsigned long info_phys)
{
	*end_of_stack(&init_task) = STACK_END_MAGIC;	/* Linux: set_task_stack_end_magic() */
	setup_per_cpu_areas(0);	/* `current` and spinlocks work from here */
	tsc_set_boot();
	serial_init();
	vga_init();
	pr_notice("%s\n", BANNER);
	early_cpu_init();	/* CPUID: what this CPU can do */
	fpu__init_cpu();	/* SSE on, for user programs; the initial FPU state */
	trap_init();		/* GDT, TSS, IDT: faults are reported from here on */

	parse_multiboot2(magic, info_phys);
	parse_boot_params(true);	/* early_param() options */
	e820_print();
	mm_core_init();		/* memblock, kernel page tables, buddy, slab */
	sched_init();		/* before the first timer tick: it calls scheduler_tick() */

	init_IRQ();		/* PICs masked, local APIC on */
	time_init();		/* TSC and APIC timer calibrated, ticking at HZ */
	local_irq_enable();

	parse_boot_params(false);	/* __setup() options */
	initramfs_list();
	pid_init();		/* Linux: pid_idr_init() */
	fork_init();
	vfs_caches_init();	/* the rootfs, /dev/console's tty */

	run_crash_test();	/* crash=... */
	rest_init();
}
