/*
 * fpu_switch: each process has its own SSE registers. Parent and child
 * each load all 16 xmm registers with their own values, spin (so the timer
 * can preempt them), call sched_yield (so the other runs), and check the
 * registers still hold their values: 200 rounds each, at the same time.
 * A kernel that does not save and restore the FPU/SSE state on a task
 * switch fails here; gcc uses xmm registers for ordinary C code (memcpy,
 * struct copies, floating point), so every user program depends on it.
 */
#include <stdint.h>
#include <sys/syscall.h>
#include "proc.h"

#define ROUNDS 200
#define SPIN 200000

/* Load xmm0-15 from in, spin, sched_yield, spin, store them to out. */
static void round_trip(const uint64_t in[32], uint64_t out[32])
{
	__asm__ volatile(
		"movdqu   0(%[in]), %%xmm0\n\t"  "movdqu  16(%[in]), %%xmm1\n\t"
		"movdqu  32(%[in]), %%xmm2\n\t"  "movdqu  48(%[in]), %%xmm3\n\t"
		"movdqu  64(%[in]), %%xmm4\n\t"  "movdqu  80(%[in]), %%xmm5\n\t"
		"movdqu  96(%[in]), %%xmm6\n\t"  "movdqu 112(%[in]), %%xmm7\n\t"
		"movdqu 128(%[in]), %%xmm8\n\t"  "movdqu 144(%[in]), %%xmm9\n\t"
		"movdqu 160(%[in]), %%xmm10\n\t" "movdqu 176(%[in]), %%xmm11\n\t"
		"movdqu 192(%[in]), %%xmm12\n\t" "movdqu 208(%[in]), %%xmm13\n\t"
		"movdqu 224(%[in]), %%xmm14\n\t" "movdqu 240(%[in]), %%xmm15\n\t"
		"mov %[spin], %%rdx\n1:\n\tdec %%rdx\n\tjnz 1b\n\t"
		"mov %[nr], %%eax\n\tsyscall\n\t"
		"mov %[spin], %%rdx\n2:\n\tdec %%rdx\n\tjnz 2b\n\t"
		"movdqu %%xmm0,    0(%[out])\n\t" "movdqu %%xmm1,   16(%[out])\n\t"
		"movdqu %%xmm2,   32(%[out])\n\t" "movdqu %%xmm3,   48(%[out])\n\t"
		"movdqu %%xmm4,   64(%[out])\n\t" "movdqu %%xmm5,   80(%[out])\n\t"
		"movdqu %%xmm6,   96(%[out])\n\t" "movdqu %%xmm7,  112(%[out])\n\t"
		"movdqu %%xmm8,  128(%[out])\n\t" "movdqu %%xmm9,  144(%[out])\n\t"
		"movdqu %%xmm10, 160(%[out])\n\t" "movdqu %%xmm11, 176(%[out])\n\t"
		"movdqu %%xmm12, 192(%[out])\n\t" "movdqu %%xmm13, 208(%[out])\n\t"
		"movdqu %%xmm14, 224(%[out])\n\t" "movdqu %%xmm15, 240(%[out])\n\t"
		:
		: [in] "r"(in), [out] "r"(out), [spin] "i"(SPIN), [nr] "i"(SYS_sched_yield)
		: "rax", "rcx", "rdx", "r11", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
		  "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
		  "xmm14", "xmm15");
}

/* Run the rounds with values derived from seed; return how many rounds went wrong. */
static int rounds_lost(uint64_t seed)
{
	uint64_t in[32], out[32];
	int lost = 0;

	for (int r = 0; r < ROUNDS; r++) {
		for (int i = 0; i < 32; i++)
			in[i] = seed * 0x9e3779b97f4a7c15ULL + ((uint64_t)r << 8 | i);
		round_trip(in, out);
		lost += memcmp(in, out, sizeof(in)) != 0;
	}
	return lost;
}

int main(void)
{
	int lost;
	pid_t pid;

	check_start();
	pid = xfork();
	if (pid == 0)
		exit(rounds_lost(2) ? 1 : 0);
	lost = rounds_lost(1);
	CHECK(lost == 0, "parent: xmm registers changed in %d of %d rounds", lost, ROUNDS);
	EXPECT_EXIT(pid, 0, "child (1 means its xmm registers changed)");
	printf("parent and child: xmm0-15 kept across %d preemptible spins and sched_yields: yes\n",
	       ROUNDS);
	pass();
}
