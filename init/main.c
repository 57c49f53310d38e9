/*
 * start_kernel: where the boot code hands over to C, on the boot stack with
 * interrupts off. Bring up the consoles first (so anything can be reported),
 * then memory, traps and the timer, then the rest; finally become the idle
 * task. Linux: init/main.c start_kernel().
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/cpu.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/syscall.h>
#include <asm/time.h>
#include <asm/traps.h>
#include <asm/tsc.h>
#include <asm/vga.h>

#define BANNER "Forklift teaching kernel (x86-64): fork as Linux does it"

static const char *execute_command;	/* init=PATH */

static int __init init_setup(char *str)
{
	execute_command = str;
	return 0;
}
__setup("init=", init_setup);

static const char *argv_init[] = { NULL, NULL };
static const char *const envp_init[] = { "HOME=/", "TERM=linux", NULL };

/* Linux: run_init_process(). Returns only if the exec failed. */
static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

/*
 * pid 1: finish booting in process context, then become the first user
 * program. Returning 0 means an exec succeeded: ret_from_fork goes on to
 * user mode in the new program. Linux: init/main.c kernel_init().
 */
static int kernel_init(void *unused)
{
	smp_prepare_cpus();	/* find the other CPUs (ACPI MADT) */
	smp_init();		/* and start them: each runs its idle loop */
	/* Init gets only the signals it has handlers for (a fault still kills
	 * it). Linux sets this in copy_process() for a pid namespace's reaper. */
	current->signal->flags |= SIGNAL_UNKILLABLE;
	populate_rootfs();	/* the initramfs, unpacked (Linux: an initcall of do_basic_setup) */
	console_on_rootfs();	/* fds 0, 1, 2 on /dev/console */
	ktest_run_requested();	/* "ktest": run the in-kernel tests, power off */

	if (execute_command) {
		int ret = run_init_process(execute_command);

		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (!run_init_process("/sbin/init") || !run_init_process("/etc/init") ||
	    !run_init_process("/bin/init") || !run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel.");
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
	lockdep_info();		/* make LOCKDEP=1 only: the lock validator is on */
	early_cpu_init();	/* CPUID: what this CPU can do */
	fpu__init_system();	/* SSE on, for user programs; the initial FPU state */
	trap_init();		/* GDT, TSS, IDT: faults are reported from here on;
				 * SYSCALL enters entry_SYSCALL_64 */
	syscall_table_init();	/* the SYSCALL_DEFINE()s, by number */

	parse_multiboot2(magic, info_phys);
	parse_boot_params(true);	/* early_param() options */
	e820_print();
	mm_core_init();		/* memblock, kernel page tables, buddy, slab */
	sched_init();		/* before the first timer tick: it calls scheduler_tick() */
	init_timers();

	init_IRQ();		/* PICs masked, local APIC on */
	time_init();		/* TSC and APIC timer calibrated, ticking at HZ */
	timekeeping_init();	/* the wall clock, from the RTC */
	local_irq_enable();

	parse_boot_params(false);	/* __setup() options */
	initramfs_list();
	pid_init();		/* Linux: pid_idr_init() */
	cred_init();
	fork_init();
	signals_init();
	futex_init();
	vfs_caches_init();	/* the rootfs, /dev/console's tty */

	run_crash_test();	/* crash=... */
	rest_init();
}
