/*
 * The page-fault handler. The CPU puts the faulting address in CR2 and
 * says why in the error code (asm/traps.h X86_PF_*).
 *
 * Two kinds of address, two paths, as in Linux:
 *   a kernel address (top half): only the kernel touches these, so a fault
 *     there is a kernel bug (or, later, a vmalloc area to sync);
 *   a user address (bottom half): where user programs live. Once there are
 *     processes, a fault here is normal work: demand paging and
 *     copy-on-write, done by mm/'s handle_mm_fault(). That is the hook in
 *     do_user_addr_fault(). A NULL pointer is a user address too.
 * Whatever is not handled ends as an oops (kernel mode) or, later, a
 * SIGSEGV (user mode).
 *
 * Linux: arch/x86/mm/fault.c.
 */
#include <linux/kernel.h>
#include <linux/signal.h>
#include <asm/extable.h>
#include <asm/idtentry.h>
#include <asm/kdebug.h>
#include <asm/page.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

#define SIGSEGV 11
#define TASK_SIZE_MAX 0x00007ffffffff000UL	/* the top of user space */
#define PTRS_PER_TABLE 512

static bool fault_in_kernel_space(unsigned long address)
{
	return address >= TASK_SIZE_MAX;
}

/*
 * Print the page-table entries that translate address, top level first,
 * read through the direct map, stopping at the first non-present or huge
 * entry. Linux: fault.c dump_pagetable().
 */
static void dump_pagetable(unsigned long address)
{
	static const char *const level[] = { "PGD", "PUD", "PMD", "PTE" };
	unsigned long table = __read_cr3() & PAGE_MASK & ((1UL << 52) - 1);
	char line[128];
	int n = 0;

	for (int i = 0; i < 4; i++) {
		int shift = 39 - 9 * i;
		unsigned long *entries = __va(table);
		unsigned long e = entries[(address >> shift) & (PTRS_PER_TABLE - 1)];

		n += snprintf(line + n, sizeof(line) - n, "%s %lx ", level[i], e);
		if (!(e & 1) || (i > 0 && i < 3 && (e & 0x80)))	/* not present, or huge */
			break;
		table = e & PAGE_MASK & ((1UL << 52) - 1);
	}
	printk(KERN_ALERT "%s\n", line);
}

/* The first lines of a page-fault oops: what was accessed, how, and why
 * it failed. Linux: fault.c show_fault_oops(). */
static void show_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	if (address < PAGE_SIZE && !user_mode(regs))
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (error_code & X86_PF_USER) ? "user" : "supervisor",
	       (error_code & X86_PF_INSTR)   ? "instruction fetch"
	       : (error_code & X86_PF_WRITE) ? "write access"
					     : "read access",
	       user_mode(regs) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", error_code,
	       !(error_code & X86_PF_PROT)  ? "not-present page"
	       : (error_code & X86_PF_RSVD) ? "reserved bit violation"
	       : (error_code & X86_PF_PK)   ? "protection keys violation"
					    : "permissions violation");
	dump_pagetable(address);
}

/* A kernel-mode page fault nobody can handle. Linux: fault.c page_fault_oops(). */
static void page_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	unsigned long flags = oops_begin();
	int sig = SIGSEGV;

	show_fault_oops(regs, error_code, address);
	if (__die("Oops", regs, error_code))
		sig = 0;
	oops_end(flags, regs, sig);
}

/*
 * A fault the address space cannot satisfy. From user mode: SIGSEGV for the
 * current task (SEGV_ACCERR if the page is there but the access is not
 * allowed, SEGV_MAPERR if nothing is mapped). From kernel mode, a fault on
 * a user address is legitimate only inside copy_from_user() and friends,
 * which recover through the exception table; anything else is an oops.
 * Linux: fault.c bad_area_nosemaphore() -> __bad_area_nosemaphore() and
 * kernelmode_fixup_or_oops().
 */
static void bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				 unsigned long address)
{
	if (user_mode(regs)) {
		force_sig_fault(SIGSEGV, error_code & X86_PF_PROT ? SEGV_ACCERR : SEGV_MAPERR,
				(void __user *)address);
		return;
	}
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Linux: fault.c do_kern_addr_fault(). */
static void do_kern_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	bad_area_nosemaphore(regs, error_code, address);
}

/*
 * A fault on a user address. The memory-management issue fills this in, as
 * Linux does: find the VMA containing address (lock_mm_and_find_vma()),
 * check the access against its flags (access_error()), then
 *	fault = handle_mm_fault(vma, address, flags, regs);
 * which allocates, reads in or copies (COW) the page. Until there are
 * address spaces, no fault here can be satisfied.
 * Linux: fault.c do_user_addr_fault().
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	if (error_code & X86_PF_RSVD)	/* corrupt page table: Linux's pgtable_bad() */
		page_fault_oops(regs, error_code, address);
	bad_area_nosemaphore(regs, error_code, address);
}

/* Linux: fault.c DEFINE_IDTENTRY_RAW_ERRORCODE(exc_page_fault) -> handle_page_fault(). */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();	/* first: another fault would overwrite it */

	if (fault_in_kernel_space(address))
		do_kern_addr_fault(regs, error_code, address);
	else
		do_user_addr_fault(regs, error_code, address);
}
