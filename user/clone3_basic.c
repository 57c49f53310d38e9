/*
 * clone3_basic: clone3 takes struct clone_args in any of its versions (64,
 * 80 and 88 bytes), or a bigger one whose extra bytes are zero, and makes
 * the child it describes: here a fork-like child, whose exit status comes
 * back with its exit signal SIGCHLD, and one on a stack of its own, whose
 * stack pointer starts at stack + stack_size.
 */
#include "clone.h"

static char stack[16384] __attribute__((aligned(16)));
static volatile uintptr_t child_sp;

static int child_returns(void *arg)
{
	return (int)(long)arg;
}

static int child_notes_stack(void *arg)
{
	int here;

	(void)arg;
	child_sp = (uintptr_t)&here;
	return 0;
}

int main(void)
{
	static const size_t sizes[] = { CLONE_ARGS_SIZE_VER0, CLONE_ARGS_SIZE_VER1,
					CLONE_ARGS_SIZE_VER2, 4096 };
	static char page[4096] __attribute__((aligned(8)));
	struct clone_args *args = (struct clone_args *)page;
	pid_t pid, ptid = 0;

	check_start();
	signal(SIGCHLD, SIG_DFL);
	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memset(page, 0, sizeof(page));
		args->exit_signal = SIGCHLD;
		pid = (pid_t)OK(clone3_fn(args, sizes[i], child_returns, (void *)(long)(10 + i)));
		EXPECT_EXIT(pid, (int)(10 + i), "clone3 child");
		printf("clone3 with a %zu-byte struct: a child, reaped with its status: yes\n", sizes[i]);
	}

	memset(page, 0, sizeof(page));
	args->flags = CLONE_VM | CLONE_PARENT_SETTID;
	args->parent_tid = (uintptr_t)&ptid;
	args->exit_signal = SIGCHLD;
	args->stack = (uintptr_t)stack;
	args->stack_size = sizeof(stack);
	pid = (pid_t)OK(clone3_fn(args, sizeof(*args), child_notes_stack, NULL));
	PROP(ptid == pid, "clone3 CLONE_PARENT_SETTID: parent_tid holds the child's pid");
	EXPECT_EXIT(pid, 0, "clone3 child on its own stack");
	CHECK(child_sp >= (uintptr_t)stack + sizeof(stack) - 1024 &&
	      child_sp < (uintptr_t)stack + sizeof(stack),
	      "clone3 stack: expected the child's locals in the top KiB of the stack, got %s",
	      child_sp >= (uintptr_t)stack && child_sp < (uintptr_t)stack + sizeof(stack)
		      ? "deeper in it" : "elsewhere");
	printf("clone3 with stack and stack_size: the child runs from the stack's top: yes\n");
	pass();
}
