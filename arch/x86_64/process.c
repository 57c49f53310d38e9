/*
 * The x86 half of creating and switching tasks.
 * Linux: arch/x86/kernel/process.c and process_64.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/clone.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/cpu_entry_area.h>
#include <asm/cpufeature.h>
#include <asm/segment.h>
#include <asm/msr.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/switch_to.h>

struct pcpu_hot pcpu_hot[NR_CPUS];

/* Point this CPU's GS base at its pcpu_hot, with init_task as current. */
void setup_per_cpu_areas(int cpu)
{
	pcpu_hot[cpu].cpu_number = cpu;
	pcpu_hot[cpu].current_task = &init_task;
	wrmsr(MSR_GS_BASE, (unsigned long)&pcpu_hot[cpu]);
}

/*
 * Linux: copy_thread(). Build the new task's stack so that the first
 * __switch_to_asm into it "returns" to ret_from_fork_asm: a fork_frame at
 * the top (pt_regs for the way to user mode, below it the callee-saved
 * registers __switch_to_asm will pop).
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct fork_frame *fork_frame = container_of(childregs, struct fork_frame, regs);
	struct inactive_task_frame *frame = &fork_frame->frame;

	memset(fork_frame, 0, sizeof(*fork_frame));
	frame->ret_addr = (unsigned long)ret_from_fork_asm;
	p->thread.sp = (unsigned long)fork_frame;
	p->thread.fsbase = current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	fpu_save(&p->thread.fpu);	/* the child starts with the parent's live registers */

	if (args->fn) {
		/* A kernel thread or user_mode_thread: ret_from_fork calls fn(arg). */
		frame->bx = (unsigned long)args->fn;
		frame->r12 = (unsigned long)args->fn_arg;
		return 0;
	}
	/* fork/clone from user space: the child resumes where the parent made
	 * the system call, with the same registers, except that it sees 0. */
	*childregs = *current_pt_regs();
	childregs->ax = 0;
	if (args->stack)
		childregs->sp = args->stack;
	if (args->flags & CLONE_SETTLS)
		p->thread.fsbase = args->tls;
	return 0;
}

/*
 * Linux: __switch_to(). The C part of the switch, on next's stack: make
 * next the current task of this CPU. Returns prev (in RAX, for
 * ret_from_fork_asm and for switch_to's caller).
 */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	fpu_save(&prev->thread.fpu);
	fpu_restore(&next->thread.fpu);
	/* Thread-local storage: the user's FS base (user GS is in the
	 * swapgs'd MSR_KERNEL_GS_BASE while we are in the kernel). */
	if (prev->thread.fsbase != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	if (prev->thread.gsbase != next->thread.gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	this_cpu_write(current_task, next);
	this_cpu_write(top_of_stack, (unsigned long)next->stack + THREAD_SIZE);
	load_sp0((unsigned long)next->stack + THREAD_SIZE);	/* interrupts from user mode land here */
	return prev;
}

/*
 * Linux: ret_from_fork(). The C side of a new task's first run: finish the
 * switch, then run the kernel function copy_thread() recorded. A kernel
 * thread that returns exits; a user_mode_thread whose function returns 0
 * has exec'd a program and goes on to user mode.
 */
void ret_from_fork(struct task_struct *prev, struct pt_regs *regs, int (*fn)(void *),
		   void *fn_arg)
{
	schedule_tail(prev);
	if (fn) {
		int ret = fn(fn_arg);

		if (current->flags & PF_KTHREAD || ret)
			do_exit(ret);
	}
	/* On to user mode: ret_from_fork_asm continues in return_from_interrupt. */
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/*
 * Set or read the FS/GS base of the calling thread: musl points FS at the
 * thread's control block (thread-local storage) at start-up.
 * Linux: arch/x86/kernel/process_64.c do_arch_prctl_64().
 */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct thread_struct *t = &current->thread;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;	/* as Linux: a kernel or non-canonical base */
		if (option == ARCH_SET_FS) {
			t->fsbase = arg2;
			wrmsr(MSR_FS_BASE, arg2);
		} else {
			t->gsbase = arg2;
			wrmsr(MSR_KERNEL_GS_BASE, arg2);	/* the user's, swapped in on return */
		}
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
}

unsigned long elf_hwcap(void)
{
	return boot_cpu_data.x86_capability[0];
}
