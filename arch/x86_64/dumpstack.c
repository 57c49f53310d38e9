/*
 * The oops: how a kernel-mode fault is reported. Like Linux's, it reads
 *
 *	invalid opcode: 0000 [#1]
 *	CPU: 0
 *	RIP: 0010:crash_trigger+0x1d/0x90
 *	Code: 48 89 e5 ... <0f> 0b ...
 *	RSP: 0018:ffffffff80120f58 EFLAGS: 00010246
 *	RAX: ... (all general registers)
 *	CS:  0010 DS: 0018 ES: 0018 CR0: 0000000080010011
 *	CR2: ... CR3: ... CR4: ...
 *	Call Trace:
 *	 ...
 *	---[ end trace ]---
 *	Kernel panic - not syncing: Fatal exception
 *
 * "Code:" shows the bytes around RIP, the faulting instruction's first
 * byte in <>; build/kernel.asm has the same bytes with their disassembly.
 * Linux: arch/x86/kernel/dumpstack.c and process_64.c __show_regs().
 */
#include <linux/kernel.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <asm/irqflags.h>
#include <asm/kdebug.h>
#include <asm/msr.h>
#include <asm/power.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/special_insns.h>
#include <asm/stacktrace.h>

void printk_bust_lock(void);

static DEFINE_SPINLOCK(die_lock);
static int die_owner = -1;	/* the CPU reporting an oops, -1 if none */
static int die_nest_count;	/* oopses in progress on die_owner */
static int die_counter;		/* the [#n] of each report */

/*
 * Enter the oops path: interrupts off, one CPU reporting at a time. A
 * fault inside the report itself nests (the same CPU already owns the
 * lock); a third level gives up at once, as the report code is broken.
 * Linux: dumpstack.c oops_begin().
 */
unsigned long oops_begin(void)
{
	int cpu = raw_smp_processor_id();
	unsigned long flags;

	local_irq_save(flags);
	if (die_owner != cpu) {
		spin_lock(&die_lock);
		die_owner = cpu;
	}
	if (++die_nest_count > 2) {
		printk_bust_lock();
		pr_emerg("Fault while reporting a fault: giving up\n");
		machine_power_off(EXIT_CODE_PANIC);
	}
	oops_in_progress++;
	printk_bust_lock();	/* the fault may have hit inside printk */
	return flags;
}

/*
 * Leave the oops path. A kernel-mode fault leaves the kernel in an unknown
 * state, so every oops ends in a panic here (Linux does so with
 * panic_on_oops=1; otherwise it kills only the current task).
 * Linux: dumpstack.c oops_end().
 */
void oops_end(unsigned long flags, struct pt_regs *regs, int signr)
{
	printk(KERN_EMERG "---[ end trace ]---\n");
	if (!signr) {	/* a notifier handled it: go on */
		oops_in_progress--;
		if (--die_nest_count == 0) {
			die_owner = -1;
			spin_unlock(&die_lock);
		}
		local_irq_restore(flags);
		return;
	}
	panic("Fatal exception");
}

/* The instruction bytes around regs->ip, if it is in kernel text.
 * Linux: dumpstack.c show_opcodes(). */
static void show_opcodes(struct pt_regs *regs)
{
	enum { PROLOGUE = 42, EPILOGUE = 22 };
	const u8 *ip = (const u8 *)regs->ip;
	char line[3 * (PROLOGUE + EPILOGUE) + 8];
	int n = 0;

	if (regs->ip < (unsigned long)_text + PROLOGUE ||
	    regs->ip + EPILOGUE > (unsigned long)_etext) {
		printk(KERN_EMERG "Code: Unable to access opcode bytes at %016lx.\n", regs->ip);
		return;
	}
	for (int i = -PROLOGUE; i < EPILOGUE; i++)
		n += snprintf(line + n, sizeof(line) - n, i == 0 ? "<%02x> " : "%02x ", ip[i]);
	printk(KERN_EMERG "Code: %s\n", line);
}

/* The registers, Linux's layout. Linux: process_64.c __show_regs(). */
static void __show_regs(struct pt_regs *regs)
{
	unsigned int ds, es;

	printk(KERN_EMERG "RIP: %04lx:%pS\n", regs->cs & 0xffff, (void *)regs->ip);
	show_opcodes(regs);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx", regs->ss & 0xffff, regs->sp,
	       regs->flags);
	if (regs->orig_ax != (unsigned long)-1)
		pr_cont(" ORIG_RAX: %016lx\n", regs->orig_ax);
	else
		pr_cont("\n");
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11,
	       regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14,
	       regs->r15);
	savesegment(ds, ds);
	savesegment(es, es);
	printk(KERN_EMERG "FS:  %016lx GS:  %016lx knlGS: %016lx\n", rdmsr(MSR_FS_BASE),
	       rdmsr(MSR_GS_BASE), rdmsr(MSR_KERNEL_GS_BASE));
	printk(KERN_EMERG "CS:  %04lx DS: %04x ES: %04x CR0: %016lx\n", regs->cs & 0xffff, ds,
	       es, read_cr0());
	printk(KERN_EMERG "CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(), __read_cr3(),
	       __read_cr4());
}

/* Registers, then the backtrace from the faulting frame.
 * Linux: process_64.c show_regs() with dumpstack.c show_trace_log_lvl(). */
void show_regs(struct pt_regs *regs)
{
	__show_regs(regs);
	show_stack(regs->ip, regs->bp);
}

/*
 * The report itself, after the caller's first lines. Returns 1 if a
 * DIE_OOPS notifier took over (nothing more to print).
 * Linux: dumpstack.c __die() -> __die_header(), __die_body().
 */
int __die(const char *str, struct pt_regs *regs, long err)
{
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	if (notify_die(DIE_OOPS, str, regs, err, 0, SIGSEGV) == NOTIFY_STOP)
		return 1;
	printk(KERN_EMERG "CPU: %d\n", raw_smp_processor_id());
	show_regs(regs);
	return 0;
}

/* Linux: dumpstack.c die(). */
void die(const char *str, struct pt_regs *regs, long err)
{
	unsigned long flags = oops_begin();
	int sig = SIGSEGV;

	if (__die(str, regs, err))
		sig = 0;
	oops_end(flags, regs, sig);
}
