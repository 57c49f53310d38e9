/*
 * clone_einval: every request clone and clone3 must refuse, with Linux's
 * errno, one problem per call: flag combinations copy_process() rejects
 * (kernel/fork.c), and clone3's own checks of its struct: its size
 * (copy_clone_args_from_user), exit_signal, stack and stack_size, set_tid,
 * the cgroup field, and the flags only clone3 knows (clone3_args_valid).
 * No call may make a child; if one does, the test fails.
 */
#include "clone.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>

static char stack3[16384] __attribute__((aligned(16)));

/* clone3 of a (size bytes); a child made by mistake exits 99 at once. */
static pid_t c3(struct clone_args a, size_t size)
{
	return clone3_fn(&a, size, child_exit99, NULL);
}

/* The same with a stack, so that even a CLONE_VM child made by mistake
 * does not run on ours. */
static pid_t c3s(struct clone_args a)
{
	a.stack = (uintptr_t)stack3;
	a.stack_size = sizeof(stack3);
	return c3(a, sizeof(a));
}

/* clone (56) with flags, on child_stack; ptid doubles as the pidfd pointer. */
static pid_t c(unsigned long flags)
{
	static pid_t ptid;

	return clone_fn(flags, child_exit99, NULL, &ptid, NULL, NULL);
}

static void clone_flag_rules(void)
{
	EXPECT_CLONE_ERR("clone CLONE_THREAD without CLONE_SIGHAND", c(CLONE_THREAD | CLONE_VM), EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_SIGHAND without CLONE_VM", c(CLONE_SIGHAND | SIGCHLD), EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_NEWNS with CLONE_FS", c(CLONE_NEWNS | CLONE_FS | SIGCHLD), EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_NEWUSER with CLONE_FS", c(CLONE_NEWUSER | CLONE_FS | SIGCHLD),
			 EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_THREAD with CLONE_NEWPID",
			 c(CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID), EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_THREAD with CLONE_NEWUSER",
			 c(CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWUSER), EINVAL);
	/* clone() returns the pidfd through parent_tid: one word for two values. */
	EXPECT_CLONE_ERR("clone CLONE_PIDFD with CLONE_PARENT_SETTID",
			 c(CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD), EINVAL);
	EXPECT_CLONE_ERR("clone CLONE_PIDFD with CLONE_DETACHED",
			 c(CLONE_PIDFD | CLONE_DETACHED | SIGCHLD), EINVAL);
}

static void clone3_size(void)
{
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(page != MAP_FAILED, "mmap: %s", errname(errno));
	memset(page, 0, 2 * 4096);
	((struct clone_args *)page)->exit_signal = SIGCHLD;
	EXPECT_CLONE_ERR("clone3 size 0", clone3_fn((void *)page, 0, child_exit99, NULL), EINVAL);
	EXPECT_CLONE_ERR("clone3 size 63 (under CLONE_ARGS_SIZE_VER0)",
			 clone3_fn((void *)page, CLONE_ARGS_SIZE_VER0 - 1, child_exit99, NULL), EINVAL);
	EXPECT_CLONE_ERR("clone3 size 4097 (over a page)",
			 clone3_fn((void *)page, 4097, child_exit99, NULL), E2BIG);
	page[4095] = 1;
	EXPECT_CLONE_ERR("clone3 size 4096, a nonzero byte past the fields the kernel knows",
			 clone3_fn((void *)page, 4096, child_exit99, NULL), E2BIG);
	EXPECT_CLONE_ERR("clone3 struct at address 0",
			 clone3_fn(NULL, CLONE_ARGS_SIZE_VER0, child_exit99, NULL), EFAULT);
	munmap(page, 2 * 4096);
}

static void clone3_fields(void)
{
	EXPECT_CLONE_ERR("clone3 flag bit 40 (unknown)",
			 c3s((struct clone_args){ .flags = 1ULL << 40, .exit_signal = SIGCHLD }), EINVAL);
	EXPECT_CLONE_ERR("clone3 SIGCHLD in flags (the CSIGNAL bits)",
			 c3s((struct clone_args){ .flags = SIGCHLD }), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_DETACHED",
			 c3s((struct clone_args){ .flags = CLONE_DETACHED, .exit_signal = SIGCHLD }),
			 EINVAL);
	EXPECT_CLONE_ERR("clone3 exit_signal 65 (not a signal)",
			 c3s((struct clone_args){ .exit_signal = 65 }), EINVAL);
	EXPECT_CLONE_ERR("clone3 exit_signal with bits above CSIGNAL",
			 c3s((struct clone_args){ .exit_signal = (1ULL << 32) | SIGCHLD }), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_THREAD with an exit_signal",
			 c3s((struct clone_args){ .flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
						  .exit_signal = SIGCHLD }), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_PARENT with an exit_signal",
			 c3s((struct clone_args){ .flags = CLONE_PARENT, .exit_signal = SIGCHLD }),
			 EINVAL);
	EXPECT_CLONE_ERR("clone3 stack without stack_size",
			 c3((struct clone_args){ .exit_signal = SIGCHLD, .stack = (uintptr_t)stack3 },
			    sizeof(struct clone_args)), EINVAL);
	EXPECT_CLONE_ERR("clone3 stack_size without stack",
			 c3((struct clone_args){ .exit_signal = SIGCHLD, .stack_size = 4096 },
			    sizeof(struct clone_args)), EINVAL);
	EXPECT_CLONE_ERR("clone3 stack outside user space",
			 c3((struct clone_args){ .exit_signal = SIGCHLD,
						 .stack = 0xffff800000000000ULL, .stack_size = 4096 },
			    sizeof(struct clone_args)), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_CLEAR_SIGHAND with CLONE_SIGHAND",
			 c3s((struct clone_args){ .flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM,
						  .exit_signal = SIGCHLD }), EINVAL);
}

/* The checks copy_process() makes, reached through clone3. */
static void clone3_flag_rules(void)
{
	pid_t word;

	EXPECT_CLONE_ERR("clone3 CLONE_THREAD without CLONE_SIGHAND",
			 c3s((struct clone_args){ .flags = CLONE_THREAD | CLONE_VM }), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_SIGHAND without CLONE_VM",
			 c3s((struct clone_args){ .flags = CLONE_SIGHAND, .exit_signal = SIGCHLD }),
			 EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_NEWNS with CLONE_FS",
			 c3s((struct clone_args){ .flags = CLONE_NEWNS | CLONE_FS,
						  .exit_signal = SIGCHLD }), EINVAL);
	EXPECT_CLONE_ERR("clone3 CLONE_PIDFD with pidfd and parent_tid one word",
			 c3s((struct clone_args){ .flags = CLONE_PIDFD | CLONE_PARENT_SETTID,
						  .pidfd = (uintptr_t)&word,
						  .parent_tid = (uintptr_t)&word,
						  .exit_signal = SIGCHLD }), EINVAL);
}

static void clone3_set_tid(void)
{
	pid_t tids[2] = { 0, 0 }, self = getpid(), big = INT_MAX;

	EXPECT_CLONE_ERR("clone3 set_tid_size 1 without set_tid",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid_size = 1 }), EINVAL);
	EXPECT_CLONE_ERR("clone3 set_tid with set_tid_size 0",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)tids }),
			 EINVAL);
	EXPECT_CLONE_ERR("clone3 set_tid_size 33 (over MAX_PID_NS_LEVEL)",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)tids,
						  .set_tid_size = 33 }), EINVAL);
	/* One pid namespace level here (and in the initial namespace on
	 * Linux); the pids are 0, so a deeper namespace says EINVAL too. */
	EXPECT_CLONE_ERR("clone3 set_tid_size 2 (more levels than pid namespaces)",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)tids,
						  .set_tid_size = 2 }), EINVAL);
	EXPECT_CLONE_ERR("clone3 set_tid pid 0",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)tids,
						  .set_tid_size = 1 }), EINVAL);
	EXPECT_CLONE_ERR("clone3 set_tid pid INT_MAX (over pid_max)",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)&big,
						  .set_tid_size = 1 }), EINVAL);
	EXPECT_CLONE_ERR("clone3 set_tid at an unmapped address",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = 8,
						  .set_tid_size = 1 }), EFAULT);
	/* Asking for a pid is a privilege (checkpoint/restore): EPERM without it. */
	EXPECT_CLONE_ERR(geteuid() == 0 ? "clone3 set_tid naming a pid in use (as root)"
					: "clone3 set_tid without privilege",
			 c3s((struct clone_args){ .exit_signal = SIGCHLD, .set_tid = (uintptr_t)&self,
						  .set_tid_size = 1 }), geteuid() == 0 ? EEXIST : EPERM);
}

static void clone3_cgroup(void)
{
	int dir = OK(open("/", O_RDONLY | O_DIRECTORY));
	struct clone_args a = { .flags = CLONE_INTO_CGROUP, .exit_signal = SIGCHLD,
				.stack = (uintptr_t)stack3, .stack_size = sizeof(stack3) };

	a.cgroup = (uint64_t)dir;
	EXPECT_CLONE_ERR("clone3 CLONE_INTO_CGROUP in an 80-byte struct (no cgroup field)",
			 c3(a, CLONE_ARGS_SIZE_VER1), EINVAL);
	a.cgroup = (uint64_t)INT_MAX + 1;
	EXPECT_CLONE_ERR("clone3 CLONE_INTO_CGROUP with cgroup over INT_MAX",
			 c3(a, sizeof(a)), EINVAL);
	a.cgroup = (uint64_t)dir;
	EXPECT_CLONE_ERR("clone3 CLONE_INTO_CGROUP, an fd that is no cgroup2 directory",
			 c3(a, sizeof(a)), EBADF);
	close(dir);
}

int main(void)
{
	check_start();
	clone_flag_rules();
	clone3_size();
	clone3_fields();
	clone3_flag_rules();
	clone3_set_tid();
	clone3_cgroup();
	EXPECT_ERR(waitpid(-1, NULL, __WALL | WNOHANG), ECHILD);
	printf("no child was made\n");
	pass();
}
