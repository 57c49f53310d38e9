/*
 * Running a user's signal handler, and coming back from it (x86-64).
 * Linux: arch/x86/kernel/signal.c, signal_64.c, fpu/signal.c.
 *
 * On the way back to user mode, kernel/signal.c's get_signal() picks the
 * next signal whose action is a handler. handle_signal() then:
 *   1. settles an interrupted system call: EINTR, or restart (SA_RESTART);
 *   2. saves the user's registers, blocked set and FPU state in a frame on
 *      the user stack (asm/sigframe.h has the layout), and points the
 *      registers at the handler: rip = handler, rsp = frame, rdi = signal,
 *      rsi = &frame->info, rdx = &frame->uc, and its return address is
 *      sa_restorer (libc's __restore_rt: `mov $15, %eax; syscall`);
 *   3. blocks what the handler's mask says (signal_delivered()).
 * rt_sigreturn (15) reads the frame back, checking every value the user
 * could have changed on the way, since it becomes the kernel's iretq frame.
 * With no handler to run, an interrupted system call is restarted.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/syscall.h>

#define X86_EFLAGS_CF 0x0001
#define X86_EFLAGS_PF 0x0004
#define X86_EFLAGS_AF 0x0010
#define X86_EFLAGS_ZF 0x0040
#define X86_EFLAGS_SF 0x0080
#define X86_EFLAGS_OF 0x0800
#define X86_EFLAGS_RF 0x10000

/* The RFLAGS bits a sigreturn may set: arithmetic flags, direction, trap,
 * alignment check, resume. Never IF, IOPL, NT or VM. Linux: FIX_EFLAGS. */
#define FIX_EFLAGS                                                                    \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_SF | \
	 X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | X86_EFLAGS_RF)

#define __NR_restart_syscall 219

/* 48-bit virtual addresses: bits 63..47 all equal. iretq to anything else
 * faults in the kernel, so a user-supplied rip must be checked first. */
static bool is_canonical(unsigned long addr)
{
	return (unsigned long)((long)(addr << 16) >> 16) == addr;
}

/* The FXSAVE image's MXCSR (offset 24) and the CPU's mask of valid MXCSR
 * bits (offset 28; 0 means the default 0xffbf): FXRSTOR faults on others. */
#define FX_MXCSR 24
#define FX_MXCSR_MASK 28

static u32 mxcsr_feature_mask(void)
{
	u32 mask;

	memcpy(&mask, init_fpstate.fxsave + FX_MXCSR_MASK, sizeof(mask));
	return mask ? mask : 0xffbf;
}

/*
 * Save the live FPU registers (the current task's: the kernel uses none)
 * into the user's frame. Linux: copy_fpstate_to_sigframe(), FXSAVE case.
 */
static int copy_fpstate_to_sigframe(void __user *buf)
{
	struct fpu fp;

	memset(&fp, 0, sizeof(fp));
	fpu_save(&fp);
	memset(fp.fxsave + 464, 0, FXSAVE_SIZE - 464);	/* sw_reserved: no XSAVE data follows */
	return copy_to_user(buf, fp.fxsave, FXSAVE_SIZE) ? -EFAULT : 0;
}

/*
 * Load the FPU registers from a sigreturn frame; a NULL pointer means the
 * initial state. MXCSR's reserved bits are cleared, since FXRSTOR would
 * fault on them. Linux: fpu__restore_sig() -> __fpu_restore_sig().
 */
static int fpu__restore_sig(void __user *buf)
{
	struct fpu fp;
	u32 mxcsr;

	if (!buf) {
		fpu_restore(&init_fpstate);
		return 0;
	}
	if (!IS_ALIGNED((unsigned long)buf, 16) || copy_from_user(fp.fxsave, buf, FXSAVE_SIZE))
		return -EFAULT;
	memcpy(&mxcsr, fp.fxsave + FX_MXCSR, sizeof(mxcsr));
	mxcsr &= mxcsr_feature_mask();
	memcpy(fp.fxsave + FX_MXCSR, &mxcsr, sizeof(mxcsr));
	fpu_restore(&fp);
	return 0;
}

/*
 * Where the frame goes: below the red zone of the interrupted stack, or at
 * the top of the alternate stack for SA_ONSTACK. The FPU image goes first
 * (64-byte aligned), the frame below it, aligned so that (sp + 8) is a
 * multiple of 16, as at any function's entry. Returns -1 (a bad address)
 * if the alternate stack would overflow. Linux: get_sigframe().
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t frame_size,
				 void __user **fpstate)
{
	unsigned long sp = regs->sp;
	bool nested_altstack = on_sig_stack(sp), entering_altstack = false;

	sp -= 128;	/* the red zone: the interrupted function may use it */
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering_altstack = true;
	}
	sp = ALIGN_DOWN(sp - FXSAVE_SIZE, 64);
	*fpstate = (void __user *)sp;
	sp = ALIGN_DOWN(sp - frame_size, 16) - 8;
	if ((nested_altstack || entering_altstack) &&
	    !(sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size))
		return (void __user *)-1L;
	if (copy_fpstate_to_sigframe(*fpstate))
		return (void __user *)-1L;
	return (void __user *)sp;
}

/* Linux: setup_sigcontext(). The interrupted registers, as the handler sees them. */
static void setup_sigcontext(struct sigcontext *sc, void __user *fpstate, struct pt_regs *regs,
			     unsigned long mask)
{
	*sc = (struct sigcontext){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.r12 = regs->r12, .r13 = regs->r13, .r14 = regs->r14, .r15 = regs->r15,
		.di = regs->di, .si = regs->si, .bp = regs->bp, .bx = regs->bx,
		.dx = regs->dx, .ax = regs->ax, .cx = regs->cx, .sp = regs->sp,
		.ip = regs->ip, .flags = regs->flags, .cs = regs->cs, .ss = regs->ss,
		.err = current->thread.error_code, .trapno = current->thread.trap_nr,
		.oldmask = mask, .cr2 = current->thread.cr2,
		.fpstate = (unsigned long)fpstate,
	};
}

/*
 * Build the frame and point the registers at the handler. 0, or -EFAULT if
 * the stack cannot hold it (the caller then forces SIGSEGV).
 * Linux: x64_setup_rt_frame().
 */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame;
	struct rt_sigframe f;
	void __user *fp;
	sigset_t *set = sigmask_to_save();

	/* x86-64 has no trampoline of its own: libc must give the return path. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	/* iretq to a non-canonical rip would fault in the kernel. */
	if (!is_canonical((unsigned long)ksig->ka.sa.sa_handler))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, sizeof(f), &fp);
	if (!access_ok(frame, sizeof(f)))
		return -EFAULT;

	memset(&f, 0, sizeof(f));
	f.pretcode = ksig->ka.sa.sa_restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	f.uc.uc_link = NULL;
	f.uc.uc_stack.ss_sp = (void __user *)current->sas_ss_sp;
	f.uc.uc_stack.ss_flags = sas_ss_flags(regs->sp);
	f.uc.uc_stack.ss_size = current->sas_ss_size;
	setup_sigcontext(&f.uc.uc_mcontext, fp, regs, set->sig[0]);
	f.uc.uc_sigmask = *set;
	if (copy_to_user(frame, &f, offsetof(struct rt_sigframe, info)))
		return -EFAULT;
	if ((ksig->ka.sa.sa_flags & SA_SIGINFO) && copy_siginfo_to_user(frame->info, &ksig->info))
		return -EFAULT;
	if (current->sas_ss_flags & SS_AUTODISARM)	/* Linux: sas_ss_reset() in signal_delivered() */
		current->sas_ss_sp = current->sas_ss_size = 0;

	regs->di = ksig->sig;
	regs->ax = 0;	/* no vector registers in use: for varargs handlers */
	regs->si = (unsigned long)frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return 0;
}

/*
 * Settle an interrupted system call, then run the handler. Linux: handle_signal().
 *   -ERESTARTNOHAND, -ERESTART_RESTARTBLOCK: EINTR whenever a handler runs;
 *   -ERESTARTSYS: EINTR, or restart if the handler has SA_RESTART;
 *   -ERESTARTNOINTR: always restart.
 * Restarting is backing rip up over the 2-byte SYSCALL instruction with the
 * number back in rax: the frame saves that, so the call runs again once
 * the handler returns.
 */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if (syscall_get_nr(regs) >= 0) {
		switch (syscall_get_error(regs)) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	failed = setup_rt_frame(ksig, regs) < 0;
	if (!failed) {
		/* The ABI's function entry: DF clear. No single-stepping into
		 * the handler, and no stale resume flag. */
		regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
		fpu_restore(&init_fpstate);	/* the handler starts with a clean FPU */
	}
	signal_setup_done(failed, ksig, 0);
}

/*
 * The signal work on the way to user mode: run a handler, or, if none is
 * due, restart an interrupted system call. Called with interrupts on.
 * Linux: arch_do_signal_or_restart().
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if (syscall_get_nr(regs) >= 0) {
		switch (syscall_get_error(regs)) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = __NR_restart_syscall;
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();	/* no handler ran: sigsuspend's mask goes back now */
}

/*
 * Put back the registers saved in a frame. Segments are the user's own,
 * whatever the frame says; rflags only takes FIX_EFLAGS; rip must be
 * canonical. false if the frame is unreadable or invalid.
 * Linux: restore_sigcontext().
 */
static bool restore_sigcontext(struct pt_regs *regs, const struct sigcontext __user *usc)
{
	struct sigcontext sc;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return false;
	if (!is_canonical(sc.ip))
		return false;
	regs->r8 = sc.r8, regs->r9 = sc.r9, regs->r10 = sc.r10, regs->r11 = sc.r11;
	regs->r12 = sc.r12, regs->r13 = sc.r13, regs->r14 = sc.r14, regs->r15 = sc.r15;
	regs->di = sc.di, regs->si = sc.si, regs->bp = sc.bp, regs->bx = sc.bx;
	regs->dx = sc.dx, regs->ax = sc.ax, regs->cx = sc.cx, regs->sp = sc.sp;
	regs->ip = sc.ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* not in a system call: nothing to restart */
	return fpu__restore_sig((void __user *)sc.fpstate) == 0;
}

/*
 * Linux: sys_rt_sigreturn(). The handler returned into sa_restorer, which
 * called this with rsp just above the frame's pretcode. Restore the
 * blocked set, registers, FPU and sigaltstack; the return value is the
 * restored rax. A bad frame is fatal: SIGSEGV.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - sizeof(long));
	sigset_t set;

	if (!access_ok(frame, sizeof(*frame)) ||
	    copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)))
		goto badframe;
	set_current_blocked(&set);
	if (!restore_sigcontext(regs, &frame->uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->ax;

badframe:
	/* Linux: signal_fault(). */
	pr_info("%s[%d] bad frame in rt_sigreturn frame:%lx ip:%lx sp:%lx\n", current->comm,
		current->pid, (unsigned long)frame, regs->ip, regs->sp);
	force_sig(SIGSEGV);
	return 0;
}

/* The frame is ABI: these sizes are Linux's. */
_Static_assert(sizeof(struct sigcontext) == 256, "struct sigcontext_64 is 256 bytes");
_Static_assert(sizeof(struct ucontext) == 304, "struct ucontext is 304 bytes");
_Static_assert(sizeof(struct rt_sigframe) == 440, "struct rt_sigframe is 440 bytes");
_Static_assert(sizeof(kernel_siginfo_t) <= SI_MAX_SIZE, "siginfo_t is 128 bytes");
