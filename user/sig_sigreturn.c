/*
 * sig_sigreturn: a handler that interrupts code at any instruction must
 * leave every register as it found it. The main program loads known values
 * into the general registers, XMM registers, MXCSR and the direction flag,
 * and spins until a signal's handler has run; the handler clobbers them
 * all. After rt_sigreturn each must hold its value again. The handler
 * starts with DF clear, a clean FPU (MXCSR 0x1f80), and a stack aligned as
 * at any function's entry ((rsp + 8) % 16 == 0). A change the handler makes
 * to the saved registers in its ucontext is what sigreturn restores, but
 * not for IOPL or the interrupt flag.
 * A saved rip that is not a canonical address ends the process with SIGSEGV.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <ucontext.h>
#include "sig.h"

volatile int flag;
unsigned long regs_out[16], xmm_out[3], flags_out, entry_rsp;
unsigned int mxcsr_out, handler_mxcsr;
unsigned long handler_flags;

void c_handler(int sig, siginfo_t *si, void *ucv);

/* The handler's first instruction records rsp, then the C handler runs. */
__asm__(".text\n.globl probe_handler\nprobe_handler:\n"
	"\tmovq %rsp, entry_rsp(%rip)\n"
	"\tjmp c_handler\n");
void probe_handler(int, siginfo_t *, void *);

void c_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	unsigned int junk = 0x7f80;

	(void)sig, (void)si;
	__asm__ volatile("pushfq; popq %0" : "=r"(handler_flags));
	__asm__ volatile("stmxcsr %0" : "=m"(handler_mxcsr));
	/* Clobber what the main loop holds. */
	__asm__ volatile("pxor %%xmm0, %%xmm0; pxor %%xmm7, %%xmm7; pxor %%xmm15, %%xmm15; ldmxcsr %0"
			 : : "m"(junk) : "xmm0", "xmm7", "xmm15");
	__asm__ volatile("xor %%eax, %%eax; xor %%ecx, %%ecx; xor %%edx, %%edx; xor %%esi, %%esi;"
			 "xor %%edi, %%edi; xor %%r8d, %%r8d; xor %%r9d, %%r9d; xor %%r10d, %%r10d;"
			 "xor %%r11d, %%r11d"
			 : : : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11");
	uc->uc_mcontext.gregs[REG_R12] = 0x7777;	/* this one is changed on return */
	/* IOPL 3 and interrupts off: sigreturn must refuse both. */
	uc->uc_mcontext.gregs[REG_EFL] = (uc->uc_mcontext.gregs[REG_EFL] | 0x3000) & ~0x200L;
	flag = 1;
}

/* Load registers, spin until the handler ran, save registers. */
static void spin_with_registers(void)
{
	__asm__ volatile(
		"movq $0x1111, %%rax\n\tmovq $0x2222, %%rbx\n\tmovq $0x3333, %%rcx\n\t"
		"movq $0x4444, %%rdx\n\tmovq $0x5555, %%rsi\n\tmovq $0x6666, %%rdi\n\t"
		"movq $0x8888, %%r8\n\tmovq $0x9999, %%r9\n\tmovq $0xaaaa, %%r10\n\t"
		"movq $0xbbbb, %%r11\n\tmovq $0xcccc, %%r12\n\tmovq $0xdddd, %%r13\n\t"
		"movq $0xeeee, %%r14\n\tmovq $0xffff, %%r15\n\t"
		"movq %%rax, %%xmm0\n\tmovq %%rbx, %%xmm7\n\tmovq %%rcx, %%xmm15\n\t"
		"clc\n\tstd\n"
		"1:\tcmpl $0, flag(%%rip)\n\tje 1b\n\t"
		"pushfq\n\tpopq flags_out(%%rip)\n\tcld\n\t"
		"movq %%rax, regs_out+0(%%rip)\n\tmovq %%rbx, regs_out+8(%%rip)\n\t"
		"movq %%rcx, regs_out+16(%%rip)\n\tmovq %%rdx, regs_out+24(%%rip)\n\t"
		"movq %%rsi, regs_out+32(%%rip)\n\tmovq %%rdi, regs_out+40(%%rip)\n\t"
		"movq %%r8, regs_out+48(%%rip)\n\tmovq %%r9, regs_out+56(%%rip)\n\t"
		"movq %%r10, regs_out+64(%%rip)\n\tmovq %%r11, regs_out+72(%%rip)\n\t"
		"movq %%r12, regs_out+80(%%rip)\n\tmovq %%r13, regs_out+88(%%rip)\n\t"
		"movq %%r14, regs_out+96(%%rip)\n\tmovq %%r15, regs_out+104(%%rip)\n\t"
		"movq %%xmm0, xmm_out+0(%%rip)\n\tmovq %%xmm7, xmm_out+8(%%rip)\n\t"
		"movq %%xmm15, xmm_out+16(%%rip)\n\tstmxcsr mxcsr_out(%%rip)\n"
		: : : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
		      "r13", "r14", "r15", "xmm0", "xmm7", "xmm15", "memory", "cc");
}

static void bad_rip_handler(int sig, siginfo_t *si, void *ucv)
{
	(void)sig, (void)si;
	((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RIP] = (greg_t)0x8000000000001000UL;
}

int main(void)
{
	static const unsigned long want[14] = { 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x8888,
						0x9999, 0xaaaa, 0xbbbb, 0x7777, 0xdddd, 0xeeee, 0xffff };
	static const char *const names[14] = { "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8",
					       "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
	struct sigaction sa = { .sa_sigaction = probe_handler, .sa_flags = SA_SIGINFO };
	unsigned int mxcsr = 0x3f80;	/* round down: not the default */
	pid_t parent = getpid(), pid;

	check_start();
	sigemptyset(&sa.sa_mask);
	OK(sigaction(SIGUSR1, &sa, NULL));
	pid = xfork();
	if (pid == 0) {
		wait_for_state(parent, 'R');
		msleep(20);
		OK(kill(parent, SIGUSR1));
		exit(0);
	}
	__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	spin_with_registers();
	EXPECT_EXIT(pid, 0, "signalling child");

	for (int i = 0; i < 14; i++)
		CHECK(regs_out[i] == want[i], "%s: expected %#lx, got %#lx", names[i], want[i], regs_out[i]);
	printf("rax..r15 come back after the handler (r12 as the handler changed it): yes\n");
	CHECK(xmm_out[0] == 0x1111 && xmm_out[1] == 0x2222 && xmm_out[2] == 0x3333,
	      "xmm0/7/15: expected 0x1111 0x2222 0x3333, got %#lx %#lx %#lx", xmm_out[0], xmm_out[1], xmm_out[2]);
	CHECK(mxcsr_out == 0x3f80, "MXCSR: expected 0x3f80, got %#x", mxcsr_out);
	printf("xmm0, xmm7, xmm15 and MXCSR come back: yes\n");
	PROP(flags_out & 0x400, "the direction flag comes back");
	PROP((flags_out & 0x200) && !(flags_out & 0x3000), "IOPL and IF set in the frame are refused");
	PROP(!(handler_flags & 0x400), "the handler starts with DF clear");
	CHECK(handler_mxcsr == 0x1f80, "MXCSR in the handler: expected 0x1f80, got %#x", handler_mxcsr);
	printf("the handler starts with a clean MXCSR (0x1f80): yes\n");
	PROP((entry_rsp + 8) % 16 == 0, "at the handler's entry, (rsp + 8) is a multiple of 16");

	pid = xfork();
	if (pid == 0) {
		struct sigaction bad = { .sa_sigaction = bad_rip_handler, .sa_flags = SA_SIGINFO };

		sigemptyset(&bad.sa_mask);
		OK(sigaction(SIGUSR2, &bad, NULL));
		raise(SIGUSR2);
		exit(0);
	}
	EXPECT_KILLED(pid, SIGSEGV, "handler that saved a non-canonical rip");
	printf("a non-canonical rip in the frame: SIGSEGV\n");
	pass();
}
