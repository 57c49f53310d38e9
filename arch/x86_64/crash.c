/*
 * crash=TYPE on the kernel command line: crash the kernel on purpose at the
 * end of boot (the timer running, just before the idle loop), to see what
 * each kind of fault report looks like and to test that they work.
 *
 *   crash=null   write through a NULL pointer: a page fault,
 *                "BUG: kernel NULL pointer dereference, address: 0000000000000000"
 *   crash=ud     execute ud2: "invalid opcode: 0000 [#1]"
 *   crash=div    divide by zero: "divide error: 0000 [#1]"
 *   crash=gp     read a non-canonical address (bits 63-47 not all equal):
 *                "general protection fault: 0000 [#1]"
 *   crash=panic  call panic(): "Kernel panic - not syncing: crash=panic ..."
 *   crash=df     point the stack pointer at an address that cannot exist and
 *                push: the CPU cannot push the resulting fault's frame either,
 *                so it raises a double fault, which runs on its own IST stack:
 *                "double fault: 0000 [#1]". (A kernel stack overflowing into
 *                its guard page ends the same way.)
 *
 * Every report names crash_trigger, the function that faults, in its
 * "RIP:" line and in the backtrace, and ends in a panic: QEMU exits 255.
 * Linux: drivers/misc/lkdtm/ (its crash types are written to debugfs).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/traps.h>

enum crash_type { CRASH_NONE, CRASH_NULL, CRASH_UD, CRASH_DIV, CRASH_GP, CRASH_PANIC, CRASH_DF };

static const char *const crash_names[] = {
	[CRASH_NULL] = "null", [CRASH_UD] = "ud",	  [CRASH_DIV] = "div",
	[CRASH_GP] = "gp",     [CRASH_PANIC] = "panic", [CRASH_DF] = "df",
};

static enum crash_type crash_type;

/* Linux: lkdtm's crash types are chosen through debugfs instead. */
static int __init crash_setup(char *val)
{
	for (size_t i = 1; i < ARRAY_SIZE(crash_names); i++) {
		if (!strcmp(val, crash_names[i])) {
			crash_type = i;
			return 0;
		}
	}
	pr_err("crash=%s: unknown; use null, ud, div, gp, panic or df\n", val);
	return 1;
}
__setup("crash=", crash_setup);

/* Read through volatile pointers, so the compiler can neither see the
 * fault coming (and, e.g., replace a NULL store with ud2) nor fold it. */
#define NONCANONICAL 0x8000000000000000UL
static int *volatile null_pointer;
static unsigned long *volatile noncanonical_pointer = (unsigned long *)NONCANONICAL;
static volatile unsigned long dividend = 1, divisor;
static volatile unsigned long sink;

/*
 * Fault in the way `type` names. Never inlined or cloned, so that the
 * report shows it by this name. The printk also makes it a non-leaf
 * function, so it sets up its frame pointer before faulting and the
 * backtrace goes on through its caller.
 */
__attribute__((noipa)) void crash_trigger(enum crash_type type)
{
	pr_emerg("crash=%s: crashing on purpose\n", crash_names[type]);
	switch (type) {
	case CRASH_NULL:
		*null_pointer = 1;
		break;
	case CRASH_UD:
		__asm__ __volatile__("ud2");
		break;
	case CRASH_DIV:
		sink = dividend / divisor;
		break;
	case CRASH_GP:
		sink = *noncanonical_pointer;
		break;
	case CRASH_PANIC:
		panic("crash=panic: a deliberate panic from crash_trigger");
	case CRASH_DF:
		__asm__ __volatile__("movq %0, %%rsp\n\t"
				     "pushq $0"
				     :
				     : "r"(NONCANONICAL)
				     : "memory");
		break;
	case CRASH_NONE:
		break;
	}
	barrier();	/* keep the epilogue (pop %rbp) after the fault */
}

/* At the end of boot: crash if the command line asked for it. */
void run_crash_test(void)
{
	if (crash_type == CRASH_NONE)
		return;
	crash_trigger(crash_type);
	pr_err("crash=%s: crash_trigger() returned; that should not happen\n",
	       crash_names[crash_type]);
}
