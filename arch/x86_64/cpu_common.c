/*
 * The CPU itself: what it is (CPUID), and the per-CPU tables it needs to
 * take interrupts: GDT and TSS.
 * Linux: arch/x86/kernel/cpu/common.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/cpu_entry_area.h>
#include <asm/cpufeature.h>
#include <asm/cpuid.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/syscall.h>
#include <asm/segment.h>
#include <asm/smp.h>

struct cpuinfo_x86 boot_cpu_data;

/*
 * Each CPU's GDT, TSS and exception stacks. The GDT starts as Linux's
 * gdt_page template: flat segments, since 64-bit mode ignores base and
 * limit; what matters is L (64-bit code), DPL, and the order of the user
 * segments, which SYSRET relies on (asm/segment.h).
 */
#define CPU_GDT_INIT                                                                       \
	{                                                                                  \
		[GDT_ENTRY_KERNEL32_CS] = GDT_ENTRY_INIT(DESC_CODE32, 0, 0xfffff),         \
		[GDT_ENTRY_KERNEL_CS] = GDT_ENTRY_INIT(DESC_CODE64, 0, 0xfffff),           \
		[GDT_ENTRY_KERNEL_DS] = GDT_ENTRY_INIT(DESC_DATA64, 0, 0xfffff),           \
		[GDT_ENTRY_DEFAULT_USER32_CS] = GDT_ENTRY_INIT(DESC_CODE32 | DESC_USER, 0, \
							       0xfffff),                   \
		[GDT_ENTRY_DEFAULT_USER_DS] = GDT_ENTRY_INIT(DESC_DATA64 | DESC_USER, 0,   \
							     0xfffff),                     \
		[GDT_ENTRY_DEFAULT_USER_CS] = GDT_ENTRY_INIT(DESC_CODE64 | DESC_USER, 0,   \
							     0xfffff),                     \
	}
#define CPU_ENTRY_AREA_INIT { .gdt = CPU_GDT_INIT }

struct cpu_entry_area cpu_entry_areas[NR_CPUS] = {
	CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT,
	CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT, CPU_ENTRY_AREA_INIT,
};
_Static_assert(NR_CPUS == 8, "one CPU_ENTRY_AREA_INIT per CPU above");

/* Feature names for the boot log, as /proc/cpuinfo spells them. */
static const struct {
	u16 feature;
	const char *name;
} x86_cap_flags[] = {
	{ X86_FEATURE_FPU, "fpu" }, { X86_FEATURE_VME, "vme" }, { X86_FEATURE_DE, "de" },
	{ X86_FEATURE_PSE, "pse" }, { X86_FEATURE_TSC, "tsc" }, { X86_FEATURE_MSR, "msr" },
	{ X86_FEATURE_PAE, "pae" }, { X86_FEATURE_MCE, "mce" }, { X86_FEATURE_CX8, "cx8" },
	{ X86_FEATURE_APIC, "apic" }, { X86_FEATURE_SEP, "sep" }, { X86_FEATURE_MTRR, "mtrr" },
	{ X86_FEATURE_PGE, "pge" }, { X86_FEATURE_MCA, "mca" }, { X86_FEATURE_CMOV, "cmov" },
	{ X86_FEATURE_PAT, "pat" }, { X86_FEATURE_PSE36, "pse36" },
	{ X86_FEATURE_CLFLUSH, "clflush" }, { X86_FEATURE_MMX, "mmx" },
	{ X86_FEATURE_FXSR, "fxsr" }, { X86_FEATURE_XMM, "sse" }, { X86_FEATURE_XMM2, "sse2" },
	{ X86_FEATURE_HT, "ht" }, { X86_FEATURE_SYSCALL, "syscall" }, { X86_FEATURE_NX, "nx" },
	{ X86_FEATURE_GBPAGES, "pdpe1gb" }, { X86_FEATURE_RDTSCP, "rdtscp" },
	{ X86_FEATURE_LM, "lm" }, { X86_FEATURE_XMM3, "sse3" }, { X86_FEATURE_SSSE3, "ssse3" },
	{ X86_FEATURE_CX16, "cx16" }, { X86_FEATURE_PCID, "pcid" },
	{ X86_FEATURE_XMM4_1, "sse4_1" }, { X86_FEATURE_XMM4_2, "sse4_2" },
	{ X86_FEATURE_X2APIC, "x2apic" }, { X86_FEATURE_POPCNT, "popcnt" },
	{ X86_FEATURE_TSC_DEADLINE_TIMER, "tsc_deadline_timer" },
	{ X86_FEATURE_XSAVE, "xsave" }, { X86_FEATURE_AVX, "avx" },
	{ X86_FEATURE_RDRAND, "rdrand" }, { X86_FEATURE_HYPERVISOR, "hypervisor" },
	{ X86_FEATURE_FSGSBASE, "fsgsbase" }, { X86_FEATURE_SMEP, "smep" },
	{ X86_FEATURE_ERMS, "erms" }, { X86_FEATURE_INVPCID, "invpcid" },
	{ X86_FEATURE_SMAP, "smap" }, { X86_FEATURE_INVARIANT_TSC, "invariant_tsc" },
};

/* Vendor string from leaf 0 (its registers in the order EBX, EDX, ECX).
 * Linux: cpu/common.c get_cpu_vendor() with cpu_detect(). */
static void get_cpu_vendor(struct cpuinfo_x86 *c)
{
	u32 regs[4];

	cpuid(0, &c->cpuid_level, &regs[0], &regs[2], &regs[1]);
	memcpy(c->x86_vendor_id, regs, 12);
	c->x86_vendor_id[12] = '\0';
	if (!strcmp(c->x86_vendor_id, "GenuineIntel"))
		c->x86_vendor = X86_VENDOR_INTEL;
	else if (!strcmp(c->x86_vendor_id, "AuthenticAMD"))
		c->x86_vendor = X86_VENDOR_AMD;
}

/* Family, model, stepping from leaf 1 EAX, with the extended fields that
 * newer CPUs need. Linux: arch/x86/lib/cpu.c x86_family(), x86_model(). */
static void cpu_detect(struct cpuinfo_x86 *c, u32 eax)
{
	c->x86 = (eax >> 8) & 0xf;
	c->x86_model = (eax >> 4) & 0xf;
	c->x86_stepping = eax & 0xf;
	if (c->x86 == 0xf)
		c->x86 += (eax >> 20) & 0xff;
	if (c->x86 >= 6)
		c->x86_model += ((eax >> 16) & 0xf) << 4;
}

/* The 48-character brand string, leading spaces dropped.
 * Linux: cpu/common.c get_model_name(). */
static void get_model_name(struct cpuinfo_x86 *c)
{
	u32 *v = (u32 *)c->x86_model_id;
	char *p = c->x86_model_id;

	if (c->extended_cpuid_level < 0x80000004) {
		strscpy(c->x86_model_id, "(no brand string)", sizeof(c->x86_model_id));
		return;
	}
	for (u32 i = 0; i < 3; i++)
		cpuid(0x80000002 + i, &v[i * 4], &v[i * 4 + 1], &v[i * 4 + 2], &v[i * 4 + 3]);
	c->x86_model_id[48] = '\0';
	while (*p == ' ')
		p++;
	memmove(c->x86_model_id, p, strlen(p) + 1);
}

/* Fill x86_capability[] from the CPUID leaves in asm/cpufeatures.h.
 * Linux: cpu/common.c get_cpu_cap(). */
static void get_cpu_cap(struct cpuinfo_x86 *c)
{
	u32 eax, ebx, ecx, edx;

	if (c->cpuid_level >= 1) {
		cpuid(1, &eax, &ebx, &ecx, &edx);
		cpu_detect(c, eax);
		c->x86_capability[0] = edx;
		c->x86_capability[4] = ecx;
	}
	if (c->cpuid_level >= 7) {
		cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
		c->x86_capability[9] = ebx;
	}
	cpuid(0x80000000, &c->extended_cpuid_level, &ebx, &ecx, &edx);
	if (c->extended_cpuid_level >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		c->x86_capability[1] = edx;
		c->x86_capability[6] = ecx;
	}
	if (c->extended_cpuid_level >= 0x80000007) {
		cpuid(0x80000007, &eax, &ebx, &ecx, &edx);
		c->x86_capability[3] = edx;
	}
	c->x86_phys_bits = 36;	/* what CPUs without the leaf have */
	c->x86_virt_bits = 48;
	if (c->extended_cpuid_level >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		c->x86_phys_bits = eax & 0xff;
		c->x86_virt_bits = (eax >> 8) & 0xff;
	}
}

/* One line naming every feature this CPU has, from x86_cap_flags[]. */
static void print_cpu_features(void)
{
	char line[512] = "";
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(x86_cap_flags) && n < sizeof(line); i++)
		if (boot_cpu_has(x86_cap_flags[i].feature))
			n += snprintf(line + n, sizeof(line) - n, " %s", x86_cap_flags[i].name);
	pr_info("x86/cpu: features:%s\n", line);
}

/* Under a hypervisor, leaf 0x40000000 carries its signature ("KVMKVMKVM",
 * "TCGTCGTCGTCG", ...). Linux: cpu/hypervisor.c detect_hypervisor_vendor(). */
static void print_hypervisor(void)
{
	u32 eax, sig[3];
	char name[13];

	if (!boot_cpu_has(X86_FEATURE_HYPERVISOR))
		return;
	cpuid(0x40000000, &eax, &sig[0], &sig[1], &sig[2]);
	memcpy(name, sig, 12);
	name[12] = '\0';
	pr_info("x86/cpu: hypervisor detected: %s\n", name[0] ? name : "(unnamed)");
}

/*
 * Identify the boot CPU and report it; refuse CPUs that lack what this
 * kernel relies on. Runs once, before anything tests boot_cpu_has().
 * Linux: cpu/common.c early_cpu_init() -> early_identify_cpu(), and
 * print_cpu_info().
 */
void early_cpu_init(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;

	get_cpu_vendor(c);
	get_cpu_cap(c);
	get_model_name(c);
	pr_info("x86/cpu: %s family 0x%x model 0x%x stepping 0x%x\n", c->x86_vendor_id, c->x86,
		c->x86_model, c->x86_stepping);
	pr_info("x86/cpu: %s\n", c->x86_model_id);
	pr_info("x86/cpu: %u bits physical, %u bits virtual address space\n", c->x86_phys_bits,
		c->x86_virt_bits);
	print_cpu_features();
	print_hypervisor();

	if (!boot_cpu_has(X86_FEATURE_APIC) || !boot_cpu_has(X86_FEATURE_TSC) ||
	    !boot_cpu_has(X86_FEATURE_MSR))
		panic("This kernel needs a CPU with a local APIC, a TSC and MSRs");
}

/*
 * Switch this CPU from the boot GDT (boot/head.S) to its own, then reload
 * the segment registers so they use it: a segment register keeps a cached
 * copy of its descriptor until it is loaded again. CS cannot be loaded
 * with mov; a far return pops both RIP and CS. FS and GS are left alone:
 * loading them would clear their base, which holds the per-CPU pointer.
 * Linux: cpu/common.c load_direct_gdt() with switch_gdt_and_percpu_base().
 */
static void load_direct_gdt(int cpu)
{
	struct desc_ptr gdt_descr = {
		.size = GDT_SIZE - 1,
		.address = (unsigned long)get_cpu_gdt_rw(cpu),
	};
	unsigned long tmp;

	load_gdt(&gdt_descr);
	__asm__ __volatile__("pushq %[cs]\n\t"
			     "leaq 1f(%%rip), %[tmp]\n\t"
			     "pushq %[tmp]\n\t"
			     "lretq\n"
			     "1:"
			     : [tmp] "=&r"(tmp)
			     : [cs] "i"(__KERNEL_CS)
			     : "memory");
	loadsegment(ss, __KERNEL_DS);
	loadsegment(ds, __KERNEL_DS);
	loadsegment(es, __KERNEL_DS);
}

/*
 * Give this CPU its GDT, its TSS (with the IST stacks) and the IDT, so it
 * can take exceptions safely. Runs once per CPU, with interrupts off.
 * Linux: cpu/common.c cpu_init_exception_handling().
 */
void cpu_init_exception_handling(void)
{
	int cpu = raw_smp_processor_id();
	struct cpu_entry_area *cea = get_cpu_entry_area(cpu);
	struct x86_hw_tss *tss = &cea->tss.x86_tss;
	extern char init_stack_top[];

	load_direct_gdt(cpu);

	/* The IST entries point at the top of each stack: stacks grow down. */
	tss->ist[IST_INDEX_DF] = (unsigned long)cea->estacks.DF_stack + EXCEPTION_STKSZ;
	tss->ist[IST_INDEX_NMI] = (unsigned long)cea->estacks.NMI_stack + EXCEPTION_STKSZ;
	tss->ist[IST_INDEX_MCE] = (unsigned long)cea->estacks.MCE_stack + EXCEPTION_STKSZ;
	/* Until there are tasks, an entry from user mode would land here. */
	tss->sp0 = (unsigned long)init_stack_top;
	tss->io_bitmap_base = sizeof(*tss);	/* no bitmap: user I/O always faults */

	set_tssldt_descriptor((tss_desc *)&cea->gdt[GDT_ENTRY_TSS], (unsigned long)tss,
			      DESC_TSS, sizeof(*tss) - 1);
	load_TR_desc();
	load_current_idt();
}

/*
 * Per-CPU state beyond the descriptor tables: the SYSCALL MSRs and SSE.
 * Runs on every CPU with interrupts off. Linux: cpu/common.c cpu_init()
 * -> syscall_init(), fpu__init_cpu().
 */
void cpu_init(void)
{
	syscall_init();
	fpu__init_cpu();
}
