/*
 * clone_settls: CLONE_SETTLS gives the child a new FS base, the x86-64
 * thread pointer: %fs:0 then reads the first word of the block passed as
 * tls. Without it the child keeps its parent's. The child reads %fs only
 * (libc itself finds its data through %fs, so it must not be called).
 */
#include "clone.h"

/* A TLS block as the ABI wants: word 0 points at itself. Large enough
 * that a stack-protector canary read (%fs:0x28) stays inside it. */
static uintptr_t block[64];
static volatile uintptr_t seen[2];

static int child_reads_fs(void *arg)
{
	uintptr_t a, b;

	(void)arg;
	__asm__ volatile("mov %%fs:0, %0\n\tmov %%fs:8, %1" : "=r"(a), "=r"(b));
	seen[0] = a;
	seen[1] = b;
	return 0;
}

static uintptr_t fs0(void)
{
	uintptr_t a;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(a));
	return a;
}

int main(void)
{
	pid_t pid;

	check_start();
	block[0] = (uintptr_t)block;
	block[1] = 0x5eed;
	pid = (pid_t)OK(clone_fn(CLONE_VM | CLONE_SETTLS | SIGCHLD, child_reads_fs, NULL, NULL, block,
				 NULL));
	EXPECT_EXIT(pid, 0, "CLONE_SETTLS child");
	CHECK(seen[0] == (uintptr_t)block && seen[1] == 0x5eed,
	      "CLONE_SETTLS: expected %%fs:0 to be the block and %%fs:8 0x5eed, got %s and %#lx",
	      seen[0] == (uintptr_t)block ? "the block" : "another address", (unsigned long)seen[1]);
	printf("CLONE_SETTLS: the child's %%fs:0 is the new block, %%fs:8 its second word: yes\n");
	PROP(fs0() != (uintptr_t)block, "the parent's FS base is unchanged");

	seen[0] = 0;
	pid = (pid_t)OK(clone_fn(CLONE_VM | SIGCHLD, child_reads_fs, NULL, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "child without CLONE_SETTLS");
	PROP(seen[0] == fs0(), "without CLONE_SETTLS: the child's %fs:0 is the parent's");
	pass();
}
