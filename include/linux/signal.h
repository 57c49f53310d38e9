/*
 * Signals: the numbers and structures of Linux's ABI, and the kernel's
 * bookkeeping: what is pending (a set of numbers plus a queue of siginfo),
 * what is blocked, and what each signal does. kernel/signal.c sends and
 * dequeues them; arch/x86_64/signal.c builds the frame a user handler runs on.
 * Linux: include/linux/signal.h, signal_types.h, include/uapi/asm-generic/signal.h,
 * siginfo.h.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/pid.h>
#include <linux/spinlock.h>

#define _NSIG 64

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31

#define SIG_DFL ((void *)0)
#define SIG_IGN ((void *)1)

/* sa_flags (uapi asm/signal.h). */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002	/* children are reaped at exit, never zombies */
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SIGRTMIN 32
#define MINSIGSTKSZ 2048	/* the least sigaltstack accepts (x86-64) */

/* si_code: who sent it (<= 0: user space; SI_KERNEL or a per-signal code: the kernel). */
#define SI_USER 0	/* kill() */
#define SI_KERNEL 0x80	/* the kernel itself (SIGALRM from alarm/setitimer, ...) */
#define SI_QUEUE -1	/* sigqueue() */
#define SI_TIMER -2	/* a POSIX timer */
#define SI_TKILL -6	/* tkill() or tgkill() */
#define ILL_ILLOPN 2	/* SIGILL: illegal operand */
#define FPE_INTDIV 1	/* SIGFPE: integer divide by zero */
#define SEGV_MAPERR 1	/* SIGSEGV: address not mapped */
#define SEGV_ACCERR 2	/* SIGSEGV: mapped, but the access is not allowed */
#define BUS_ADRERR 2	/* SIGBUS: nonexistent physical address */
#define TRAP_BRKPT 1	/* SIGTRAP: breakpoint */
#define CLD_EXITED 1	/* SIGCHLD: the child exited */
#define CLD_KILLED 2	/* killed by a signal */
#define CLD_DUMPED 3	/* killed, and dumped core */
#define CLD_TRAPPED 4
#define CLD_STOPPED 5	/* stopped by a job-control signal */
#define CLD_CONTINUED 6	/* continued by SIGCONT */

/* sigaltstack's ss_flags (uapi linux/signal.h). */
#define SS_ONSTACK 1	/* running on the alternate stack now */
#define SS_DISABLE 2	/* no alternate stack */
#define SS_AUTODISARM (1U << 31)	/* disarm it while a handler runs on it */

typedef struct {
	unsigned long sig[1];	/* bit (n - 1) for signal n */
} sigset_t;

#define sigmask(sig) (1UL << ((sig) - 1))

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

/* What user space passes to rt_sigaction (the kernel's layout, not libc's). */
struct sigaction {
	void *sa_handler;
	unsigned long sa_flags;
	void *sa_restorer;	/* where the handler returns: musl's __restore_rt, calling rt_sigreturn */
	sigset_t sa_mask;	/* blocked, besides the signal itself, while the handler runs */
};

struct k_sigaction {
	struct sigaction sa;
};

/* The handlers, shared by CLONE_SIGHAND threads. Linux: struct sighand_struct. */
struct sighand_struct {
	int count;
	spinlock_t siglock;	/* protects action[], the pending/blocked sets, jobctl */
	struct k_sigaction action[_NSIG];
};

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

/*
 * What a signal carries besides its number: siginfo_t, 128 bytes in user
 * space. Which member of the union holds depends on si_code (kill: pid and
 * uid; SIGCHLD: also status; faults: the address). Linux: uapi siginfo.h.
 */
union __sifields {
	struct {	/* kill(), tkill(), sigqueue() */
		int _pid;
		unsigned int _uid;
		sigval_t _sigval;	/* sigqueue() only */
	} _kill;
	struct {	/* POSIX timers (SI_TIMER) */
		int _tid;
		int _overrun;
		sigval_t _sigval;
	} _timer;
	struct {	/* SIGCHLD */
		int _pid;
		unsigned int _uid;
		int _status;	/* the exit status, or the signal */
		long _utime, _stime;
	} _sigchld;
	struct {	/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
		void __user *_addr;
	} _sigfault;
};

typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union __sifields _sifields;
} kernel_siginfo_t;

#define SI_MAX_SIZE 128	/* user space's siginfo_t: the above, padded */

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_value _sifields._kill._sigval
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_addr _sifields._sigfault._addr
#define si_tid _sifields._timer._tid
#define si_overrun _sifields._timer._overrun

/* One queued signal's siginfo. Linux: struct sigqueue. */
struct sigqueue {
	struct list_head list;	/* on a sigpending's list, oldest first */
	kernel_siginfo_t info;
};

/*
 * Signals sent and not yet delivered. `signal` has a bit per pending
 * number; `list` the siginfo of each, when memory allowed (a standard
 * signal is pending at most once, so a second send only sets the bit
 * again). Each task has one (signals for that thread) and each process
 * one (signal->shared_pending: for any of its threads).
 * Linux: struct sigpending.
 */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};

static inline void init_sigpending(struct sigpending *p)
{
	INIT_LIST_HEAD(&p->list);
	p->signal.sig[0] = 0;
}

/* The siginfo argument of a kernel-side send, for the two usual cases. Linux: SEND_SIG_*. */
#define SEND_SIG_NOINFO ((kernel_siginfo_t *)0)	/* as from current: SI_USER, its pid and uid */
#define SEND_SIG_PRIV ((kernel_siginfo_t *)1)	/* from the kernel: SI_KERNEL */

/* A signal about to be delivered: what get_signal() hands the arch code. */
struct ksignal {
	struct k_sigaction ka;	/* the action, as it was when dequeued */
	kernel_siginfo_t info;
	int sig;
};

/* What sigaltstack() takes and gives (uapi: stack_t). */
typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

/* Default actions, as sets. Linux: sig_kernel_*() in include/linux/signal.h. */
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))	/* never caught, blocked, ignored */
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | sigmask(SIGWINCH))
#define SIG_KERNEL_COREDUMP_MASK                                                              \
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGABRT) |           \
	 sigmask(SIGFPE) | sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | \
	 sigmask(SIGXFSZ))
/* Raised by the CPU for the instruction that just ran: delivered before any other. */
#define SYNCHRONOUS_MASK \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

#define sig_kernel_only(sig) ((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_ONLY_MASK))
#define sig_kernel_stop(sig) ((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_STOP_MASK))
#define sig_kernel_ignore(sig) ((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK))
#define sig_kernel_coredump(sig) ((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_COREDUMP_MASK))
#define sig_fatal(t, sig) \
	(!((sig) < SIGRTMIN && (sigmask(sig) & (SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK))) && \
	 (t)->sighand->action[(sig) - 1].sa.sa_handler == SIG_DFL)

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;	/* 0 too: "does the target exist?" */
}

struct task_struct;
struct pt_regs;

/* kernel/signal.c: sending. */
int send_signal_locked(int sig, kernel_siginfo_t *info, struct task_struct *p, enum pid_type type);
int send_sig(int sig, struct task_struct *p);	/* Linux: send_sig(sig, p, 0): si_code SI_USER */
int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p);
int group_send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p);
int kill_pgrp(pid_t pgrp, int sig, int priv);	/* to a process group (the tty's ^C) */
bool is_current_pgrp_orphaned(void);	/* no parent outside it in the session: no job control */
int force_sig_fault(int sig, int code, void __user *addr);
void force_sig(int sig);
void force_sigsegv(int sig);
void clear_siginfo(kernel_siginfo_t *info);
bool do_notify_parent(struct task_struct *tsk, int sig);

/* kernel/signal.c: receiving. */
bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
bool unhandled_signal(struct task_struct *tsk, int sig);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
void set_current_blocked(sigset_t *newset);
sigset_t *sigmask_to_save(void);
void restore_saved_sigmask(void);
void flush_sigqueue(struct sigpending *queue);
void flush_signal_handlers(struct task_struct *t, int force_default);
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from);
void signals_init(void);

/* The alternate signal stack. Linux: on_sig_stack(), sas_ss_flags(). */
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int restore_altstack(const stack_t __user *uss);

/* The architecture: deliver or restart on the way to user mode (arch/x86_64/signal.c). */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif
