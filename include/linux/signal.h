/*
 * Signals: the numbers and structures of Linux's ABI, and the kernel's
 * bookkeeping. This first version records handlers and masks
 * (rt_sigaction, rt_sigprocmask) and acts on the default actions; running
 * user handlers (signal frames, rt_sigreturn) arrives with the signals issue.
 * Linux: include/linux/signal.h, include/uapi/asm-generic/signal.h.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
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

/* si_code values for faults (uapi asm-generic/siginfo.h). */
#define SEGV_MAPERR 1	/* address not mapped */
#define SEGV_ACCERR 2	/* no permission for the access */

typedef struct {
	unsigned long sig[1];	/* bit (n - 1) for signal n */
} sigset_t;

#define sigmask(sig) (1UL << ((sig) - 1))

/* What user space passes to rt_sigaction (the kernel's layout, not libc's). */
struct sigaction {
	void *sa_handler;
	unsigned long sa_flags;
	void *sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/* The handlers, shared by CLONE_SIGHAND threads. Linux: struct sighand_struct. */
struct sighand_struct {
	int count;
	spinlock_t siglock;	/* protects action[] and the pending/blocked sets */
	struct k_sigaction action[_NSIG];
};

struct task_struct;

void signals_init(void);
int force_sig_fault(int sig, int code, void __user *addr);
int send_sig(int sig, struct task_struct *p);
bool signal_pending(struct task_struct *p);
void do_signal(void);	/* act on the pending signals before a return to user mode */

#endif
