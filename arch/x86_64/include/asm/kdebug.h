/*
 * Reporting kernel faults (oops), and the die notifier chain: code that
 * wants a look at an exception before it is reported (a debugger, kprobes,
 * or a test that provokes an exception on purpose) registers a notifier. A
 * notifier that handled the event returns NOTIFY_STOP, and the exception
 * handler then returns to the interrupted code (at regs->ip, which the
 * notifier may have moved).
 * Linux: arch/x86/include/asm/kdebug.h, include/linux/kdebug.h,
 * include/linux/notifier.h.
 */
#ifndef _ASM_KDEBUG_H
#define _ASM_KDEBUG_H

#include <linux/compiler.h>
#include <asm/ptrace.h>

enum die_val {
	DIE_OOPS = 1,	/* about to print an oops */
	DIE_INT3,
	DIE_DEBUG,
	DIE_NMI,	/* an NMI arrived */
	DIE_TRAP,	/* an exception other than the ones below */
	DIE_GPF,	/* a general protection fault */
};

struct die_args {
	struct pt_regs *regs;
	const char *str;	/* "invalid opcode", ... */
	long err;		/* the error code, or 0 */
	int trapnr;		/* X86_TRAP_* */
	int signr;		/* the signal a user-mode fault would get */
};

#define NOTIFY_DONE 0x0000	/* not interested */
#define NOTIFY_OK 0x0001	/* seen, let others look too */
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)	/* handled: stop here */

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
};

/* Add or remove a notifier. The chain is walked without a lock (an NMI may
 * walk it), so a notifier must stay valid until unregistered. */
void register_die_notifier(struct notifier_block *nb);
void unregister_die_notifier(struct notifier_block *nb);
/* Offer an event to the chain; NOTIFY_STOP if a notifier handled it. */
int notify_die(enum die_val val, const char *str, struct pt_regs *regs, long err, int trap,
	       int sig);

/* Report a kernel-mode fault ("invalid opcode: 0000 [#1]", registers,
 * backtrace) and panic. Returns only if a DIE_OOPS notifier said so. */
void die(const char *str, struct pt_regs *regs, long err);
/* The same in steps, for the page-fault path which prints its own first
 * lines: oops_begin(), then __die() (nonzero: a notifier took it), oops_end(). */
unsigned long oops_begin(void);
int __die(const char *str, struct pt_regs *regs, long err);
void oops_end(unsigned long flags, struct pt_regs *regs, int signr);
/* Print the registers of regs and the backtrace from them. */
void show_regs(struct pt_regs *regs);

#endif
