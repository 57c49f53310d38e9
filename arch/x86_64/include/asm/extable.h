/*
 * The exception table: for each instruction that may fault on purpose (a
 * load or store through a user pointer), where to continue instead.
 * Linux: arch/x86/include/asm/extable.h, asm.h _ASM_EXTABLE.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#ifdef __ASSEMBLY__
/* The instruction at `insn` may fault; if it does, go on at `fixup`. */
#define _ASM_EXTABLE(insn, fixup)	\
	.pushsection __ex_table, "a";	\
	.balign 8;			\
	.quad (insn), (fixup);		\
	.popsection
#else
struct pt_regs;

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* If regs->ip is in the table, move it to the fixup and return true. */
bool fixup_exception(struct pt_regs *regs);
#endif

#endif
