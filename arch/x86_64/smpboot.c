/*
 * Starting the other CPUs (application processors, APs).
 *
 * At power-on every CPU but one waits: the boot CPU (BSP) runs the
 * firmware and the kernel, the APs sit in a "wait for SIPI" state. The BSP
 * finds them in the ACPI MADT (acpi.c) and starts each with the sequence
 * Intel's MultiProcessor Specification gives (B.4): an INIT IPI, 10 ms,
 * then two STARTUP IPIs naming the trampoline page. The AP runs
 * trampoline_64.S up to long mode, then start_secondary() here on its own
 * idle task's stack, and finally its idle loop, where the scheduler finds it.
 *
 * Linux: arch/x86/kernel/smpboot.c (native_smp_prepare_cpus,
 * native_cpu_up -> do_boot_cpu, start_secondary), arch/x86/realmode/init.c
 * (reserve_real_mode, setup_real_mode), kernel/smp.c smp_init().
 */
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/tsc.h>

int cpu_to_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = -1 };

/* The trampoline page (below 1 MiB), 0 if none could be reserved. */
static phys_addr_t trampoline_phys;

/* What secondary_startup_64 loads: set by do_boot_cpu() for one AP at a time. */
unsigned long initial_stack, initial_gs;

/*
 * The AP's first page tables: the kernel's upper half (the pgd entries of
 * swapper_pg_dir, which never change after boot), plus the first 2 MiB
 * mapped at 0, executable, for the instructions right after paging is
 * turned on. In the kernel image, so below 4 GiB: CR3 is loaded in 32-bit
 * code. Linux: trampoline_pgd (arch/x86/realmode/init.c).
 */
static pgd_t trampoline_pgd[PTRS_PER_PGD] __aligned(PAGE_SIZE);
static pud_t trampoline_pud[PTRS_PER_PUD] __aligned(PAGE_SIZE);
static pmd_t trampoline_pmd[PTRS_PER_PMD] __aligned(PAGE_SIZE);

extern char trampoline_start[], trampoline_end[], tr_gdt[], tr_gdt_base[], tr_jump32[],
	tr_jump64[], tr_cr3[], tr_startup_32[], tr_startup_64[];

/*
 * Keep a page below 1 MiB for the trampoline: a SIPI can only start a CPU
 * there. Called while memblock reserves the boot-time memory, before the
 * first 1 MiB as a whole is kept out of the allocator.
 * Linux: arch/x86/realmode/init.c reserve_real_mode().
 */
void __init reserve_real_mode(void)
{
	phys_addr_t limit = memblock.current_limit;

	memblock_set_current_limit(0x100000);
	trampoline_phys = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	memblock_set_current_limit(limit);
	if (!trampoline_phys)
		pr_warn("smpboot: no free page below 1 MiB for the trampoline: one CPU only\n");
}

/*
 * A CPU the MADT lists: give it the next CPU number; the boot CPU is CPU 0
 * whatever its place in the table. Returns the number, -1 if NR_CPUS are
 * taken. Linux: arch/x86/kernel/cpu/topology.c topology_register_apic().
 */
int __init smp_register_cpu(int apicid)
{
	if (apicid == cpu_to_apicid[0])
		return 0;
	if (nr_cpu_ids == NR_CPUS) {
		pr_warn("smpboot: NR_CPUS (%d) reached, ignoring APIC ID %d\n", NR_CPUS, apicid);
		return -1;
	}
	cpu_to_apicid[nr_cpu_ids] = apicid;
	set_cpu_possible(nr_cpu_ids, true);
	return nr_cpu_ids++;
}

/* Copy the trampoline to its page and patch in the addresses that depend
 * on where that is. Linux: arch/x86/realmode/init.c setup_real_mode(). */
static void __init setup_trampoline(void)
{
	char *base = __va(trampoline_phys);
#define TR_FIELD(sym) (*(u32 *)(base + ((sym) - trampoline_start)))
#define TR_PHYS(sym) ((u32)trampoline_phys + (u32)((sym) - trampoline_start))

	memcpy(base, trampoline_start, trampoline_end - trampoline_start);
	TR_FIELD(tr_gdt_base) = TR_PHYS(tr_gdt);
	TR_FIELD(tr_jump32) = TR_PHYS(tr_startup_32);
	TR_FIELD(tr_jump64) = TR_PHYS(tr_startup_64);
	TR_FIELD(tr_cr3) = __pa(trampoline_pgd);

	for (int i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++)
		trampoline_pgd[i] = swapper_pg_dir[i];
	trampoline_pgd[0] = __pgd(__pa(trampoline_pud) | _KERNPG_TABLE);
	trampoline_pud[0] = __pud(__pa(trampoline_pmd) | _KERNPG_TABLE);
	trampoline_pmd[0] = __pmd(_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE);	/* 0-2 MiB, executable */
}

/*
 * Find the CPUs and get the trampoline ready. Without a MADT, or without a
 * trampoline page, the boot CPU runs alone. On CPU 0, after its local APIC
 * is up. Linux: native_smp_prepare_cpus() -> smp_sanity_check().
 */
void __init smp_prepare_cpus(void)
{
	cpu_to_apicid[0] = read_apic_id();
	if (acpi_parse_madt() <= 1) {
		pr_info("smp: one CPU found: running on CPU0 only\n");
		return;
	}
	if (!trampoline_phys)
		return;
	setup_trampoline();
	pr_info("smp: %u CPUs possible, trampoline at %#lx\n", nr_cpu_ids, trampoline_phys);
}

/*
 * Linux: start_secondary(). The AP's first C code, on its idle task's
 * stack, interrupts off: the per-CPU tables and registers the boot CPU got
 * in start_kernel(), then this CPU is online and becomes its idle loop.
 */
void __noreturn start_secondary(void)
{
	int cpu = raw_smp_processor_id();

	cpu_init_exception_handling();	/* this CPU's GDT, TSS, IDT */
	load_cr3(swapper_pg_dir);	/* leave the trampoline's page tables */
	cpu_init();			/* SYSCALL MSRs, SSE */
	setup_local_APIC();
	setup_secondary_APIC_clock();	/* the tick, at HZ */
	set_cpu_online(cpu, true);	/* do_boot_cpu() waits for this */
	cpu_startup_entry();
}

/*
 * Start one AP: its idle task, its per-CPU area, then INIT and two SIPIs,
 * and wait up to a second for it to come online. 0 or -errno.
 * Linux: native_cpu_up() -> do_boot_cpu() -> wakeup_secondary_cpu_via_init().
 */
static int __init do_boot_cpu(int cpu)
{
	int apicid = cpu_to_apicid[cpu];
	struct task_struct *idle = fork_idle(cpu);
	u64 t0;

	if (IS_ERR(idle))
		return PTR_ERR(idle);
	init_idle(idle, cpu);
	pcpu_hot[cpu].cpu_number = cpu;
	pcpu_hot[cpu].current_task = idle;
	pcpu_hot[cpu].top_of_stack = (unsigned long)idle->stack + THREAD_SIZE;
	initial_stack = (unsigned long)idle->stack + THREAD_SIZE;
	initial_gs = (unsigned long)&pcpu_hot[cpu];
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* all of it visible before the AP runs */

	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	udelay(10000);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);	/* de-assert */
	for (int i = 0; i < 2; i++) {	/* the second SIPI is for CPUs that missed the first */
		apic_icr_write(APIC_DM_STARTUP | (trampoline_phys >> PAGE_SHIFT), apicid);
		udelay(200);
	}
	t0 = rdtsc();
	while (!cpu_online(cpu)) {
		if (rdtsc() - t0 > (u64)tsc_khz * 1000)
			return -EIO;
		cpu_relax();
	}
	return 0;
}

/*
 * Bring up every possible CPU, one at a time (they share initial_stack).
 * If one does not answer, stop there: it might still wake up later and
 * would then run on the stack meant for the next one.
 * Linux: kernel/smp.c smp_init() -> bringup_nonboot_cpus().
 */
void __init smp_init(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		if (cpu == 0 || !trampoline_phys)
			continue;
		int err = do_boot_cpu(cpu);

		if (err) {
			pr_err("smpboot: CPU%d (APIC ID %d) did not start (error %d)\n", cpu,
			       cpu_to_apicid[cpu], err);
			break;
		}
		pr_info("smpboot: CPU%d is up (APIC ID %d)\n", cpu, cpu_to_apicid[cpu]);
	}
	pr_info("smp: Brought up %u CPUs\n", num_online_cpus());
}
