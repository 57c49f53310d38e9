/*
 * The page-fault handler. The CPU puts the faulting address in CR2 and
 * says why in the error code (asm/traps.h X86_PF_*).
 *
 * Two kinds of address, two paths, as in Linux:
 *   a kernel address (top half): only the kernel touches these, so a fault
 *     there is a kernel bug (or, later, a vmalloc area to sync);
 *   a user address (bottom half): where user programs live. A fault here is
 *     normal work: demand paging and copy-on-write. do_user_addr_fault()
 *     finds the area (VMA) holding the address, checks the access against
 *     it, and lets mm/'s handle_mm_fault() supply the page. A NULL pointer
 *     is a user address too.
 * What cannot be handled ends as SIGSEGV (user mode), as a jump to the
 * exception-table fixup (kernel mode inside copy_from_user() and friends:
 * the system call returns -EFAULT), or as an oops (any other kernel code).
 *
 * Linux: arch/x86/mm/fault.c.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/extable.h>
#include <asm/idtentry.h>
#include <asm/irqflags.h>
#include <asm/kdebug.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

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
 * current task, with si_code SEGV_MAPERR (nothing mapped there) or
 * SEGV_ACCERR (mapped, but the access is not allowed). From kernel mode, a
 * fault on a user address is legitimate only inside copy_from_user() and
 * friends, which recover through the exception table; anything else is an
 * oops. Linux: fault.c bad_area_nosemaphore() -> __bad_area_nosemaphore()
 * and kernelmode_fixup_or_oops().
 */
static void bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				 unsigned long address, int si_code)
{
	if (user_mode(regs)) {
		/* For the signal frame's sigcontext (cr2, err, trapno). */
		current->thread.cr2 = address;
		current->thread.error_code = error_code;
		current->thread.trap_nr = X86_TRAP_PF;
		/* Linux: show_signal_msg(), unless a handler will deal with it. */
		if (unhandled_signal(current, SIGSEGV))
			pr_info("%s[%d]: segfault at %lx ip %lx sp %lx error %lx\n", current->comm,
				current->pid, address, regs->ip, regs->sp, error_code);
		force_sig_fault(SIGSEGV, si_code, (void __user *)address);
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
	bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
}

/*
 * Does the area forbid this access? A write needs VM_WRITE; a read or an
 * instruction fetch of a page that is there but refused (PROT set: e.g. a
 * fetch from a no-execute page) is an error; any other access needs the area
 * to be accessible at all (not PROT_NONE). A fetch from a not-yet-present
 * page of a non-executable area passes here: the page is mapped no-execute
 * and the retried fetch faults again, with PROT. Linux: fault.c access_error().
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_PK)
		return true;
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !vma_is_accessible(vma);
}

/*
 * Take mm's mmap_lock for reading and find the area holding address,
 * growing a stack (VM_GROWSDOWN) area down to it when address is below one.
 * Returns the area with the lock held, or NULL with it released. Growing
 * changes the area, which needs the lock for writing; the lock is then
 * downgraded. Where sleeping is not allowed only try the lock, and never
 * grow. Linux: mm/memory.c lock_mm_and_find_vma() (6.5+).
 */
static struct vm_area_struct *lock_mm_and_find_vma(struct mm_struct *mm, unsigned long address,
						   bool may_sleep)
{
	struct vm_area_struct *vma;

	if (!mmap_read_trylock(mm)) {
		if (!may_sleep)
			return NULL;
		mmap_read_lock(mm);
	}
	vma = find_vma(mm, address);
	if (vma && vma->vm_start <= address)
		return vma;
	mmap_read_unlock(mm);
	if (!vma || !(vma->vm_flags & VM_GROWSDOWN) || !may_sleep)
		return NULL;

	mmap_write_lock(mm);
	vma = find_vma(mm, address);	/* things may have moved while unlocked */
	if (!vma || (vma->vm_start > address &&
		     (!(vma->vm_flags & VM_GROWSDOWN) || expand_downwards(vma, address)))) {
		mmap_write_unlock(mm);
		return NULL;
	}
	mmap_write_downgrade(mm);
	return vma;
}

/*
 * handle_mm_fault() could not supply the page. Kernel mode: the
 * exception-table fixup or an oops. User mode, out of memory: Linux runs
 * the OOM killer, which picks the biggest task; here the faulting task is
 * killed. Linux: fault.c mm_fault_error().
 */
static void mm_fault_error(struct pt_regs *regs, unsigned long error_code,
			   unsigned long address, vm_fault_t fault)
{
	if (!user_mode(regs) || !(fault & VM_FAULT_OOM)) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	pr_err("Out of memory: killed process %d (%s) faulting at %#lx\n", current->pid,
	       current->comm, address);
	send_sig(SIGKILL, current);
}

/*
 * A fault on a user address, from user mode or from the kernel touching
 * user memory (copy_to_user(): read() into a fresh mmap buffer must work, so
 * the fault is handled first and the fixup used only if that fails).
 * Linux: fault.c do_user_addr_fault().
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;
	struct vm_area_struct *vma;
	vm_fault_t fault;
	bool may_sleep;

	if (error_code & X86_PF_RSVD)	/* corrupt page table: Linux's pgtable_bad() */
		page_fault_oops(regs, error_code, address);
	/* The kernel never runs code from user pages (Linux: SMEP). */
	if (!user_mode(regs) && (error_code & X86_PF_INSTR)) {
		page_fault_oops(regs, error_code, address);
		return;
	}
	/* No address space (a kernel thread), or a context that must not
	 * sleep on the lock (a spinlock is held): as if nothing were mapped.
	 * Linux: faulthandler_disabled() || !mm. */
	if (!mm || preempt_count()) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	/* Handling may sleep: interrupts back on if the faulting code had them. */
	may_sleep = regs->flags & X86_EFLAGS_IF;
	if (may_sleep)
		local_irq_enable();
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

	vma = lock_mm_and_find_vma(mm, address, may_sleep);
	if (!vma) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	if (access_error(error_code, vma)) {
		mmap_read_unlock(mm);
		bad_area_nosemaphore(regs, error_code, address, SEGV_ACCERR);
		return;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	mmap_read_unlock(mm);
	if (fault & VM_FAULT_ERROR)
		mm_fault_error(regs, error_code, address, fault);
}

/*
 * Linux: fault.c DEFINE_IDTENTRY_RAW_ERRORCODE(exc_page_fault) ->
 * handle_page_fault(). The way out (entry_64.S) expects interrupts off, as
 * the gate left them: do_user_addr_fault() may have turned them on.
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();	/* first: another fault would overwrite it */

	if (fault_in_kernel_space(address))
		do_kern_addr_fault(regs, error_code, address);
	else
		do_user_addr_fault(regs, error_code, address);
	local_irq_disable();
}
