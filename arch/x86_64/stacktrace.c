/*
 * Backtraces by frame pointers: the kernel is built with
 * -fno-omit-frame-pointer, so each frame starts with the caller's RBP and
 * the return address above it. The walk stops at RBP == 0 (set at entry),
 * and at any frame pointer that is not a kernel address or does not climb.
 * Linux: arch/x86/kernel/dumpstack.c (its frame-pointer unwinder).
 */
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/stacktrace.h>

#define MAX_FRAMES 32

void show_stack(unsigned long rip, unsigned long rbp)
{
	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " [<%016lx>] %pS\n", rip, (void *)rip);
	for (int i = 0; i < MAX_FRAMES && rbp; i++) {
		if (rbp < PAGE_OFFSET || (rbp & 7))
			break;
		unsigned long *frame = (unsigned long *)rbp;
		unsigned long ret = frame[1];

		if (!ret)
			break;
		/* ret - 1 is inside the call instruction, so in the caller */
		printk(KERN_EMERG " [<%016lx>] %pS\n", ret, (void *)(ret - 1));
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
}

void dump_stack(void)
{
	unsigned long *frame = __builtin_frame_address(0);

	/* frame[0]: the caller's frame pointer; frame[1]: our return address */
	show_stack(frame[1], frame[0]);
}
