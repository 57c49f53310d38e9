/*
 * Backtraces by frame pointers: the kernel is built with
 * -fno-omit-frame-pointer, so each frame starts with the caller's RBP and
 * the return address above it. The walk stops at RBP == 0 (set at entry),
 * and at any frame pointer that is not a kernel address or does not climb.
 *
 * An odd RBP is not a frame: the interrupt entry code (entry_64.S) sets
 * RBP to the address of the saved struct pt_regs plus one before calling a
 * handler. There the walk continues with the interrupted code's RIP and
 * RBP, which may be on another stack (an IST stack), so the "must climb"
 * check starts afresh.
 * Linux: arch/x86/kernel/dumpstack.c with unwind_frame.c (the frame-pointer
 * unwinder and its encoded pt_regs frames).
 */
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

#define MAX_FRAMES 32

/* Print the call chain from rip, walking saved frame pointers from rbp.
 * Only reads memory; any context. Linux: dumpstack.c show_trace_log_lvl(). */
void show_stack(unsigned long rip, unsigned long rbp)
{
	unsigned long prev = 0;	/* the frame below, on the same stack */

	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " [<%016lx>] %pS\n", rip, (void *)rip);
	for (int i = 0; i < MAX_FRAMES && rbp; i++) {
		if (rbp < PAGE_OFFSET || rbp <= prev)
			break;
		if ((rbp & 7) == 1) {	/* pt_regs of an interrupt or exception */
			struct pt_regs *regs = (struct pt_regs *)(rbp - 1);

			printk(KERN_EMERG " <interrupted at> [<%016lx>] %pS\n", regs->ip,
			       (void *)regs->ip);
			rbp = regs->bp;
			prev = 0;
			continue;
		}
		if (rbp & 7)
			break;
		unsigned long *frame = (unsigned long *)rbp;
		unsigned long ret = frame[1];

		if (!ret)
			break;
		/* ret - 1 is inside the call instruction, so in the caller */
		printk(KERN_EMERG " [<%016lx>] %pS\n", ret, (void *)(ret - 1));
		prev = rbp;
		rbp = frame[0];
	}
}

/* The caller's backtrace. Linux: lib/dump_stack.c dump_stack(). */
void dump_stack(void)
{
	unsigned long *frame = __builtin_frame_address(0);

	/* frame[0]: the caller's frame pointer; frame[1]: our return address */
	show_stack(frame[1], frame[0]);
}
