/*
 * Defining system calls, as Linux does:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
 *	{
 *		...
 *	}
 *
 * defines __do_sys_read(fd, buf, count) with that body, and __x64_sys_read(regs),
 * which takes the arguments from the registers the user put them in (RDI,
 * RSI, RDX, R10, R8, R9: the x86-64 system-call convention), and registers
 * it as system call __NR_read (asm/unistd.h) in the .syscalls section. The
 * table is filled from that section at boot (arch/x86_64/syscall_64.c), so a
 * new system call is one SYSCALL_DEFINE in the file where it belongs.
 * A system call returns its result, or -errno.
 * Linux: include/linux/syscalls.h, arch/x86/include/asm/syscall_wrapper.h.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

struct syscall_desc {
	unsigned int nr;
	const char *name;
	long (*fn)(const struct pt_regs *regs);
};

/* __MAP(n, m, t1, a1, t2, a2, ...) -> m(t1, a1), m(t2, a2), ... (n pairs) */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t)a

/* The argument registers, in order. */
#define __SC_REGS1 regs->di
#define __SC_REGS2 __SC_REGS1, regs->si
#define __SC_REGS3 __SC_REGS2, regs->dx
#define __SC_REGS4 __SC_REGS3, regs->r10
#define __SC_REGS5 __SC_REGS4, regs->r8
#define __SC_REGS6 __SC_REGS5, regs->r9

#define __SYSCALL_REGISTER(name)                                                   \
	static const struct syscall_desc __syscall_desc_##name __used               \
		__section(".syscalls") __aligned(8) = { __NR_##name, #name, __x64_sys_##name }

#define SYSCALL_DEFINE0(name)                                                      \
	static long __do_sys_##name(void);                                          \
	static long __x64_sys_##name(const struct pt_regs *regs)                   \
	{                                                                           \
		(void)regs;                                                         \
		return __do_sys_##name();                                           \
	}                                                                           \
	__SYSCALL_REGISTER(name);                                                   \
	static long __do_sys_##name(void)

#define SYSCALL_DEFINEx(x, name, ...)                                              \
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__));              \
	static long __se_sys_##name(__MAP(x, __SC_LONG, __VA_ARGS__))               \
	{                                                                           \
		return __do_sys_##name(__MAP(x, __SC_CAST, __VA_ARGS__));           \
	}                                                                           \
	static long __x64_sys_##name(const struct pt_regs *regs)                   \
	{                                                                           \
		return __se_sys_##name(__SC_REGS##x);                               \
	}                                                                           \
	__SYSCALL_REGISTER(name);                                                   \
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* The registers the current task entered the kernel with (at its stack top). */
#define current_pt_regs() task_pt_regs(current)

#endif
