/*
 * Tests for the exception machinery: GDT, TSS, IDT (cpu_common.c, idt.c),
 * the entry code (entry_64.S) and the NMI's IST stack. Some provoke real
 * exceptions and catch them with a die notifier (asm/kdebug.h), which
 * records the pt_regs the entry code built and resumes after the fault.
 */
#include <linux/ktest.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/cpu_entry_area.h>
#include <asm/desc.h>
#include <asm/idtentry.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/kdebug.h>
#include <asm/ptrace-abi.h>
#include <asm/segment.h>
#include <asm/trapnr.h>
#include <asm/tsc.h>

/* What each exception gate must hold: its stub, IST slot (0: none) and DPL. */
static const struct {
	void (*stub)(void);
	unsigned int ist, dpl;
} expected_exception_gates[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = { asm_exc_divide_error, 0, 0 },
	[X86_TRAP_DB] = { asm_exc_debug, 0, 0 },
	[X86_TRAP_NMI] = { asm_exc_nmi, IST_INDEX_NMI + 1, 0 },
	[X86_TRAP_BP] = { asm_exc_int3, 0, 3 },
	[X86_TRAP_OF] = { asm_exc_overflow, 0, 3 },
	[X86_TRAP_BR] = { asm_exc_bounds, 0, 0 },
	[X86_TRAP_UD] = { asm_exc_invalid_op, 0, 0 },
	[X86_TRAP_NM] = { asm_exc_device_not_available, 0, 0 },
	[X86_TRAP_DF] = { asm_exc_double_fault, IST_INDEX_DF + 1, 0 },
	[X86_TRAP_OLD_MF] = { asm_exc_coproc_segment_overrun, 0, 0 },
	[X86_TRAP_TS] = { asm_exc_invalid_tss, 0, 0 },
	[X86_TRAP_NP] = { asm_exc_segment_not_present, 0, 0 },
	[X86_TRAP_SS] = { asm_exc_stack_segment, 0, 0 },
	[X86_TRAP_GP] = { asm_exc_general_protection, 0, 0 },
	[X86_TRAP_PF] = { asm_exc_page_fault, 0, 0 },
	[X86_TRAP_SPURIOUS] = { asm_exc_spurious_interrupt_bug, 0, 0 },
	[X86_TRAP_MF] = { asm_exc_coprocessor_error, 0, 0 },
	[X86_TRAP_AC] = { asm_exc_alignment_check, 0, 0 },
	[X86_TRAP_MC] = { asm_exc_machine_check, IST_INDEX_MCE + 1, 0 },
	[X86_TRAP_XF] = { asm_exc_simd_coprocessor_error, 0, 0 },
	[X86_TRAP_VE] = { asm_exc_virtualization_exception, 0, 0 },
	[X86_TRAP_CP] = { asm_exc_control_protection, 0, 0 },
	[22] = { asm_exc_reserved_22, 0, 0 }, [23] = { asm_exc_reserved_23, 0, 0 },
	[24] = { asm_exc_reserved_24, 0, 0 }, [25] = { asm_exc_reserved_25, 0, 0 },
	[26] = { asm_exc_reserved_26, 0, 0 }, [27] = { asm_exc_reserved_27, 0, 0 },
	[28] = { asm_exc_reserved_28, 0, 0 }, [29] = { asm_exc_reserved_29, 0, 0 },
	[30] = { asm_exc_reserved_30, 0, 0 }, [31] = { asm_exc_reserved_31, 0, 0 },
};

/* Check one gate; report the vector and both handlers by name if wrong. */
static void expect_gate(struct ktest *test, unsigned int v, const void *stub, unsigned int ist,
			unsigned int dpl)
{
	const gate_desc *g = &idt_table[v];

	if (!g->bits.p || g->bits.type != GATE_INTERRUPT || g->segment != __KERNEL_CS ||
	    gate_offset(g) != (unsigned long)stub || g->bits.ist != ist || g->bits.dpl != dpl)
		ktest_fail(test, __FILE__, __LINE__,
			   "vector %u: expected present interrupt gate %04x:%pS ist %u dpl %u, "
			   "got p %u type %#x %04x:%pS ist %u dpl %u",
			   v, __KERNEL_CS, stub, ist, dpl, g->bits.p, g->bits.type, g->segment,
			   (void *)gate_offset(g), g->bits.ist, g->bits.dpl);
}

static void idt_has_all_exception_handlers_test(struct ktest *test)
{
	struct desc_ptr idtr;

	store_idt(&idtr);
	KTEST_EXPECT_EQ(test, idtr.address, (unsigned long)idt_table);
	KTEST_EXPECT_EQ(test, idtr.size, IDT_ENTRIES * sizeof(gate_desc) - 1);
	for (unsigned int v = 0; v < NR_EXCEPTION_VECTORS; v++)
		expect_gate(test, v, expected_exception_gates[v].stub,
			    expected_exception_gates[v].ist, expected_exception_gates[v].dpl);
}

/* The vector an irq_entries_start stub pushes: "push imm8" (6a) or "push imm32" (68). */
static long stub_pushed_vector(const u8 *code)
{
	if (code[0] == 0x6a)
		return (s8)code[1];
	if (code[0] == 0x68)
		return *(const s32 *)(code + 1);
	return -1;
}

static void idt_external_vectors_test(struct ktest *test)
{
	for (unsigned int v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
		const u8 *stub = (const u8 *)irq_entries_start +
				 (v - FIRST_EXTERNAL_VECTOR) * IRQ_STUB_SIZE;

		if (v == LOCAL_TIMER_VECTOR)
			expect_gate(test, v, asm_sysvec_apic_timer_interrupt, 0, 0);
		else if (v == ERROR_APIC_VECTOR)
			expect_gate(test, v, asm_sysvec_error_interrupt, 0, 0);
		else if (v == SPURIOUS_APIC_VECTOR)
			expect_gate(test, v, asm_sysvec_spurious_apic_interrupt, 0, 0);
		else if (v == RESCHEDULE_VECTOR)
			expect_gate(test, v, asm_sysvec_reschedule_ipi, 0, 0);
		else if (v == CALL_FUNCTION_VECTOR)
			expect_gate(test, v, asm_sysvec_call_function, 0, 0);
		else
			expect_gate(test, v, stub, 0, 0);
		if (stub_pushed_vector(stub) != v)
			ktest_fail(test, __FILE__, __LINE__, "the stub for vector %u pushes %ld", v,
				   stub_pushed_vector(stub));
	}
}

static void gdt_layout_test(struct ktest *test)
{
	const struct desc_struct *gdt = get_cpu_gdt_rw(0);
	struct desc_ptr gdtr;
	unsigned int cs, ss;

	store_gdt(&gdtr);
	KTEST_EXPECT_EQ(test, gdtr.address, (unsigned long)gdt);
	KTEST_EXPECT_EQ(test, gdtr.size, GDT_SIZE - 1);
	__asm__ __volatile__("movl %%cs, %0; movl %%ss, %1" : "=r"(cs), "=r"(ss));
	KTEST_EXPECT_EQ(test, cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(test, ss, __KERNEL_DS);

	/* 64-bit code has L set and D clear; privilege is the DPL. */
	KTEST_EXPECT_TRUE(test, gdt[GDT_ENTRY_KERNEL_CS].l && !gdt[GDT_ENTRY_KERNEL_CS].d);
	KTEST_EXPECT_EQ(test, gdt[GDT_ENTRY_KERNEL_CS].dpl, 0);
	KTEST_EXPECT_EQ(test, gdt[GDT_ENTRY_KERNEL_DS].dpl, 0);
	KTEST_EXPECT_TRUE(test, gdt[GDT_ENTRY_DEFAULT_USER_CS].l);
	KTEST_EXPECT_EQ(test, gdt[GDT_ENTRY_DEFAULT_USER_CS].dpl, 3);
	KTEST_EXPECT_EQ(test, gdt[GDT_ENTRY_DEFAULT_USER_DS].dpl, 3);
	KTEST_EXPECT_TRUE(test, !gdt[GDT_ENTRY_DEFAULT_USER32_CS].l &&
				gdt[GDT_ENTRY_DEFAULT_USER32_CS].d);
	for (int i = GDT_ENTRY_KERNEL32_CS; i <= GDT_ENTRY_DEFAULT_USER_CS; i++)
		KTEST_EXPECT_TRUE(test, gdt[i].p && gdt[i].s);
	/* What SYSCALL and SYSRET compute from STAR. */
	KTEST_EXPECT_EQ(test, __KERNEL_CS + 8, __KERNEL_DS);
	KTEST_EXPECT_EQ(test, __USER32_CS + 8, __USER_DS);
	KTEST_EXPECT_EQ(test, __USER32_CS + 16, __USER_CS);
}

static void tss_loaded_test(struct ktest *test)
{
	struct cpu_entry_area *cea = get_cpu_entry_area(0);
	const tss_desc *d = (const tss_desc *)&cea->gdt[GDT_ENTRY_TSS];
	unsigned long base = d->base0 | (unsigned long)d->base1 << 16 |
			     (unsigned long)d->base2 << 24 | (unsigned long)d->base3 << 32;

	KTEST_EXPECT_EQ(test, store_tr(), 0x40);
	KTEST_EXPECT_EQ(test, d->type, DESC_TSS_BUSY);	/* ltr marks it busy */
	KTEST_EXPECT_EQ(test, d->p, 1);
	KTEST_EXPECT_EQ(test, base, (unsigned long)&cea->tss.x86_tss);
	KTEST_EXPECT_EQ(test, d->limit0, sizeof(struct x86_hw_tss) - 1);
}

static void ist_stacks_distinct_test(struct ktest *test)
{
	struct cpu_entry_area *cea = get_cpu_entry_area(0);
	const struct x86_hw_tss *tss = &cea->tss.x86_tss;
	const int idx[3] = { IST_INDEX_DF, IST_INDEX_NMI, IST_INDEX_MCE };
	const char *stack[3] = { cea->estacks.DF_stack, cea->estacks.NMI_stack,
				 cea->estacks.MCE_stack };
	extern char init_stack[], init_stack_top[];

	for (int i = 0; i < 3; i++) {
		unsigned long top = tss->ist[idx[i]];

		KTEST_EXPECT_EQ(test, top, (unsigned long)stack[i] + EXCEPTION_STKSZ);
		KTEST_EXPECT_EQ(test, top % 16, 0);
		/* Not inside the boot stack, and below each: a guard page. */
		KTEST_EXPECT_TRUE(test, top <= (unsigned long)init_stack ||
					top - EXCEPTION_STKSZ >= (unsigned long)init_stack_top);
		KTEST_EXPECT_EQ(test, stack[i] - PAGE_SIZE,
				(const char *)cea->estacks.DF_stack_guard +
					i * (PAGE_SIZE + EXCEPTION_STKSZ));
		for (int j = 0; j < i; j++)	/* no two stacks overlap */
			KTEST_EXPECT_TRUE(test, top <= tss->ist[idx[j]] - EXCEPTION_STKSZ ||
						tss->ist[idx[j]] <= top - EXCEPTION_STKSZ);
	}
}

static void pt_regs_layout_test(struct ktest *test)
{
	/* The offsets entry_64.S uses (asm/ptrace-abi.h) against the C struct. */
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r15), R15);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r14), R14);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r13), R13);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r12), R12);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, bp), RBP);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, bx), RBX);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r11), R11);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r10), R10);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r9), R9);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, r8), R8);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, ax), RAX);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, cx), RCX);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, dx), RDX);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, si), RSI);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, di), RDI);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, orig_ax), ORIG_RAX);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, ip), RIP);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, cs), CS);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, flags), EFLAGS);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, sp), RSP);
	KTEST_EXPECT_EQ(test, offsetof(struct pt_regs, ss), SS);
	KTEST_EXPECT_EQ(test, sizeof(struct pt_regs), FRAME_SIZE);
}

/*
 * Catching a deliberate exception: the notifier claims the event `action`
 * for vector `trapnr` at `fault_ip` only, saves the registers and resumes
 * at `resume_ip`.
 */
static struct {
	unsigned long action, trapnr, fault_ip, resume_ip;
	int hits;
	struct pt_regs regs;
	unsigned long regs_addr;	/* where the entry code put pt_regs */
} catch;

static int catch_notifier(struct notifier_block *nb, unsigned long action, void *data)
{
	struct die_args *args = data;

	if (action != catch.action || (unsigned long)args->trapnr != catch.trapnr)
		return NOTIFY_DONE;
	if (catch.fault_ip && args->regs->ip != catch.fault_ip)
		return NOTIFY_DONE;
	catch.hits++;
	catch.regs = *args->regs;
	catch.regs_addr = (unsigned long)args->regs;
	if (catch.resume_ip)
		args->regs->ip = catch.resume_ip;
	return NOTIFY_STOP;
}

static struct notifier_block catch_nb = { .notifier_call = catch_notifier };

/* Register values planted before the fault: 0x5a5a0000000000NN. */
#define PLANT(n) 0x5a5a0000000000##n##UL
#define PLANT_ASM(n, reg) "movabsq $0x5a5a0000000000" #n ", %%" #reg "\n\t"
enum { NR_PLANTED = 14 };
#define X86_EFLAGS_RF (1UL << 16)

static unsigned long sp_at_fault, bp_at_fault, flags_at_fault;
static unsigned long after[NR_PLANTED];	/* the registers after the return from the trap */

/* ud2 with every register planted; the notifier resumes after it. */
static void trap_with_planted_registers(void)
{
	__asm__ __volatile__(
		"leaq 1f(%%rip), %%rax\n\t"
		"movq %%rax, %[fault]\n\t"
		"leaq 2f(%%rip), %%rax\n\t"
		"movq %%rax, %[resume]\n\t"
		PLANT_ASM(01, rax) PLANT_ASM(02, rbx) PLANT_ASM(03, rcx) PLANT_ASM(04, rdx)
		PLANT_ASM(05, rsi) PLANT_ASM(06, rdi) PLANT_ASM(08, r8) PLANT_ASM(09, r9)
		PLANT_ASM(10, r10) PLANT_ASM(11, r11) PLANT_ASM(12, r12) PLANT_ASM(13, r13)
		PLANT_ASM(14, r14) PLANT_ASM(15, r15)
		"movq %%rsp, %[sp]\n\t"
		"movq %%rbp, %[bp]\n\t"
		"pushfq\n\t"
		"popq %[flags]\n"
		"1:\tud2\n"
		"2:\tmovq %%rax, %[a0]\n\tmovq %%rbx, %[a1]\n\tmovq %%rcx, %[a2]\n\t"
		"movq %%rdx, %[a3]\n\tmovq %%rsi, %[a4]\n\tmovq %%rdi, %[a5]\n\t"
		"movq %%r8, %[a6]\n\tmovq %%r9, %[a7]\n\tmovq %%r10, %[a8]\n\t"
		"movq %%r11, %[a9]\n\tmovq %%r12, %[a10]\n\tmovq %%r13, %[a11]\n\t"
		"movq %%r14, %[a12]\n\tmovq %%r15, %[a13]\n\t"
		: [fault] "=m"(catch.fault_ip), [resume] "=m"(catch.resume_ip),
		  [sp] "=m"(sp_at_fault), [bp] "=m"(bp_at_fault), [flags] "=m"(flags_at_fault),
		  [a0] "=m"(after[0]), [a1] "=m"(after[1]), [a2] "=m"(after[2]),
		  [a3] "=m"(after[3]), [a4] "=m"(after[4]), [a5] "=m"(after[5]),
		  [a6] "=m"(after[6]), [a7] "=m"(after[7]), [a8] "=m"(after[8]),
		  [a9] "=m"(after[9]), [a10] "=m"(after[10]), [a11] "=m"(after[11]),
		  [a12] "=m"(after[12]), [a13] "=m"(after[13])
		:
		: "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
		  "r14", "r15", "memory", "cc");
}

static void trap_saves_every_register_test(struct ktest *test)
{
	const unsigned long planted[NR_PLANTED] = {
		PLANT(01), PLANT(02), PLANT(03), PLANT(04), PLANT(05), PLANT(06), PLANT(08),
		PLANT(09), PLANT(10), PLANT(11), PLANT(12), PLANT(13), PLANT(14), PLANT(15),
	};
	struct pt_regs *r = &catch.regs;

	memset(&catch, 0, sizeof(catch));
	catch.action = DIE_TRAP;
	catch.trapnr = X86_TRAP_UD;
	register_die_notifier(&catch_nb);
	trap_with_planted_registers();
	unregister_die_notifier(&catch_nb);

	KTEST_ASSERT_EQ(test, catch.hits, 1);
	const unsigned long seen[NR_PLANTED] = { r->ax, r->bx, r->cx,  r->dx,  r->si,  r->di,  r->r8,
						 r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15 };
	static const char *const name[NR_PLANTED] = { "ax", "bx", "cx", "dx", "si", "di", "r8",
						      "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
	for (int i = 0; i < NR_PLANTED; i++) {
		if (seen[i] != planted[i])	/* saved in the right slot */
			ktest_fail(test, __FILE__, __LINE__, "pt_regs->%s is %#lx, expected %#lx",
				   name[i], seen[i], planted[i]);
		if (after[i] != planted[i])	/* restored on the way out */
			ktest_fail(test, __FILE__, __LINE__, "%s after the trap is %#lx, expected %#lx",
				   name[i], after[i], planted[i]);
	}
	KTEST_EXPECT_EQ(test, r->bp, bp_at_fault);
	KTEST_EXPECT_EQ(test, r->sp, sp_at_fault);
	/* A fault sets RF (resume flag) in the saved image on hardware; TCG does not. */
	KTEST_EXPECT_EQ(test, r->flags & ~X86_EFLAGS_RF, flags_at_fault);
	KTEST_EXPECT_EQ(test, r->ip, catch.fault_ip);
	KTEST_EXPECT_EQ(test, r->cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(test, r->ss, __KERNEL_DS);
	KTEST_EXPECT_EQ(test, r->orig_ax, -1);	/* #UD has no error code */
}

/* A general protection fault carries an error code (0 for a non-canonical
 * address); it must land in orig_ax, with the frame above it intact. */
static void trap_error_code_test(struct ktest *test)
{
	unsigned long value;

	memset(&catch, 0, sizeof(catch));
	catch.action = DIE_GPF;
	catch.trapnr = X86_TRAP_GP;
	register_die_notifier(&catch_nb);
	__asm__ __volatile__("leaq 1f(%%rip), %%rax\n\t"
			     "movq %%rax, %[fault]\n\t"
			     "leaq 2f(%%rip), %%rax\n\t"
			     "movq %%rax, %[resume]\n\t"
			     "movq %%rsp, %[sp]\n\t"
			     "movabsq $0x8000000000000000, %%rax\n"
			     "1:\tmovq (%%rax), %%rax\n"
			     "2:\tmovq %%rax, %[value]"
			     : [fault] "=m"(catch.fault_ip), [resume] "=m"(catch.resume_ip),
			       [sp] "=m"(sp_at_fault), [value] "=r"(value)
			     :
			     : "rax", "memory");
	unregister_die_notifier(&catch_nb);

	KTEST_ASSERT_EQ(test, catch.hits, 1);
	KTEST_EXPECT_EQ(test, catch.regs.orig_ax, 0);
	KTEST_EXPECT_EQ(test, catch.regs.ip, catch.fault_ip);
	KTEST_EXPECT_EQ(test, catch.regs.sp, sp_at_fault);
	KTEST_EXPECT_EQ(test, catch.regs.cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(test, value, 0x8000000000000000UL);	/* rax as it was */
}

/* An NMI (sent by the APIC to ourselves) runs on the NMI IST stack. */
static void nmi_runs_on_ist_stack_test(struct ktest *test)
{
	unsigned long stack = (unsigned long)get_cpu_entry_area(0)->estacks.NMI_stack;

	memset(&catch, 0, sizeof(catch));
	catch.action = DIE_NMI;
	catch.trapnr = X86_TRAP_NMI;
	register_die_notifier(&catch_nb);
	apic_send_nmi_self();
	for (u64 t0 = rdtsc(); !READ_ONCE(catch.hits) && rdtsc() - t0 < tsc_khz * 100;)
		cpu_relax();
	unregister_die_notifier(&catch_nb);

	KTEST_ASSERT_EQ(test, catch.hits, 1);
	KTEST_EXPECT_GE(test, catch.regs_addr, stack);
	KTEST_EXPECT_LE(test, catch.regs_addr + sizeof(struct pt_regs), stack + EXCEPTION_STKSZ);
	KTEST_EXPECT_EQ(test, catch.regs.cs, __KERNEL_CS);
}

KTEST_SUITE(traps, KTEST_CASE(idt_has_all_exception_handlers_test),
	    KTEST_CASE(idt_external_vectors_test), KTEST_CASE(gdt_layout_test),
	    KTEST_CASE(tss_loaded_test), KTEST_CASE(ist_stacks_distinct_test),
	    KTEST_CASE(pt_regs_layout_test), KTEST_CASE(trap_saves_every_register_test),
	    KTEST_CASE(trap_error_code_test), KTEST_CASE(nmi_runs_on_ist_stack_test));
