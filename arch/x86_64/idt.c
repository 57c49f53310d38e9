/*
 * The Interrupt Descriptor Table: for each of the 256 vectors, the entry
 * stub the CPU jumps to (entry_64.S) and how (stack, privilege). One table
 * serves all CPUs.
 * Linux: arch/x86/kernel/idt.c.
 */
#include <linux/kernel.h>
#include <asm/cpu_entry_area.h>
#include <asm/desc.h>
#include <asm/idtentry.h>
#include <asm/irq_vectors.h>
#include <asm/trapnr.h>

gate_desc idt_table[IDT_ENTRIES] __aligned(PAGE_SIZE);

static const struct desc_ptr idt_descr = {
	.size = sizeof(idt_table) - 1,
	.address = (unsigned long)idt_table,
};

struct idt_data {
	unsigned int vector;
	const void *addr;
	unsigned int ist;	/* 0, or IST_INDEX_x + 1 */
	unsigned int dpl;
};

/* An interrupt gate, for the kernel only. */
#define INTG(_vector, _addr) { .vector = _vector, .addr = _addr, .ist = 0, .dpl = 0 }
/* ... that user code may also raise with int3 or into (DPL 3). */
#define SYSG(_vector, _addr) { .vector = _vector, .addr = _addr, .ist = 0, .dpl = 3 }
/* ... on its own IST stack. */
#define ISTG(_vector, _addr, _ist) { .vector = _vector, .addr = _addr, .ist = (_ist) + 1, .dpl = 0 }

static const struct idt_data def_idts[] = {
	INTG(X86_TRAP_DE, asm_exc_divide_error),
	INTG(X86_TRAP_DB, asm_exc_debug),
	ISTG(X86_TRAP_NMI, asm_exc_nmi, IST_INDEX_NMI),
	SYSG(X86_TRAP_BP, asm_exc_int3),
	SYSG(X86_TRAP_OF, asm_exc_overflow),
	INTG(X86_TRAP_BR, asm_exc_bounds),
	INTG(X86_TRAP_UD, asm_exc_invalid_op),
	INTG(X86_TRAP_NM, asm_exc_device_not_available),
	ISTG(X86_TRAP_DF, asm_exc_double_fault, IST_INDEX_DF),
	INTG(X86_TRAP_OLD_MF, asm_exc_coproc_segment_overrun),
	INTG(X86_TRAP_TS, asm_exc_invalid_tss),
	INTG(X86_TRAP_NP, asm_exc_segment_not_present),
	INTG(X86_TRAP_SS, asm_exc_stack_segment),
	INTG(X86_TRAP_GP, asm_exc_general_protection),
	INTG(X86_TRAP_PF, asm_exc_page_fault),
	INTG(X86_TRAP_SPURIOUS, asm_exc_spurious_interrupt_bug),
	INTG(X86_TRAP_MF, asm_exc_coprocessor_error),
	INTG(X86_TRAP_AC, asm_exc_alignment_check),
	ISTG(X86_TRAP_MC, asm_exc_machine_check, IST_INDEX_MCE),
	INTG(X86_TRAP_XF, asm_exc_simd_coprocessor_error),
	INTG(X86_TRAP_VE, asm_exc_virtualization_exception),
	INTG(X86_TRAP_CP, asm_exc_control_protection),
	INTG(22, asm_exc_reserved_22),
	INTG(23, asm_exc_reserved_23),
	INTG(24, asm_exc_reserved_24),
	INTG(25, asm_exc_reserved_25),
	INTG(26, asm_exc_reserved_26),
	INTG(27, asm_exc_reserved_27),
	INTG(28, asm_exc_reserved_28),
	INTG(29, asm_exc_reserved_29),
	INTG(30, asm_exc_reserved_30),
	INTG(31, asm_exc_reserved_31),
};

_Static_assert(ARRAY_SIZE(def_idts) == NR_EXCEPTION_VECTORS, "one gate per exception");

static const struct idt_data apic_idts[] = {
	INTG(LOCAL_TIMER_VECTOR, asm_sysvec_apic_timer_interrupt),
	INTG(ERROR_APIC_VECTOR, asm_sysvec_error_interrupt),
	INTG(SPURIOUS_APIC_VECTOR, asm_sysvec_spurious_apic_interrupt),
	INTG(RESCHEDULE_VECTOR, asm_sysvec_reschedule_ipi),
	INTG(CALL_FUNCTION_VECTOR, asm_sysvec_call_function),
};

/* Point vector d->vector at d->addr. Linux: idt.c idt_init_desc(). */
static void idt_set_gate(const struct idt_data *d)
{
	unsigned long addr = (unsigned long)d->addr;

	idt_table[d->vector] = (gate_desc){
		.offset_low = (u16)addr,
		.segment = __KERNEL_CS,
		.bits = { .ist = d->ist, .type = GATE_INTERRUPT, .dpl = d->dpl, .p = 1 },
		.offset_middle = (u16)(addr >> 16),
		.offset_high = (u32)(addr >> 32),
	};
}

/* Install a table of gates. Linux: idt.c idt_setup_from_table(). */
static void idt_setup_from_table(const struct idt_data *t, int size)
{
	for (int i = 0; i < size; i++)
		idt_set_gate(&t[i]);
}

/* Load the IDT on this CPU. Linux: desc.h load_current_idt(). */
void load_current_idt(void)
{
	load_idt(&idt_descr);
}

/* Install the 32 exception gates. Linux: idt.c idt_setup_traps(). */
void idt_setup_traps(void)
{
	idt_setup_from_table(def_idts, ARRAY_SIZE(def_idts));
}

/*
 * Install the APIC's system vectors, and point every other external
 * vector at its irq_entries_start stub, so that even an interrupt nobody
 * expects is reported instead of faulting on an empty gate.
 * Linux: idt.c idt_setup_apic_and_irq_gates().
 */
void idt_setup_apic_and_irq_gates(void)
{
	for (unsigned int v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
		struct idt_data d = INTG(v, irq_entries_start +
					     (v - FIRST_EXTERNAL_VECTOR) * IRQ_STUB_SIZE);
		idt_set_gate(&d);
	}
	idt_setup_from_table(apic_idts, ARRAY_SIZE(apic_idts));
}
