/*
 * futex_shared: futexes between processes. A word in MAP_SHARED memory is
 * one futex for every process that maps it (the kernel names it by the
 * shared object and offset, not by the address): a child sleeps on it and
 * the parent's shared FUTEX_WAKE wakes it, while a FUTEX_WAKE with
 * FUTEX_PRIVATE_FLAG (named by the parent's own address space) does not.
 * A word in private memory, copied at fork, is a different futex in each
 * process: the parent's wake does not reach the child.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "futex.h"
#include "proc.h"

struct shared {
	uint32_t word;
	int result;	/* the child's FUTEX_WAIT: 0 or its errno */
};

static volatile uint32_t private_word;

/* Wait until pid sleeps (in its FUTEX_WAIT: it has nothing else to sleep on). */
static void wait_until_asleep(pid_t pid)
{
	wait_for_state(pid, 'S');
}

int main(void)
{
	struct shared *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
				 -1, 0);
	pid_t pid;

	check_start();
	CHECK(sh != MAP_FAILED, "mmap failed: %s", errname(errno));
	sh->result = -1;
	pid = xfork();
	if (pid == 0) {
		long r = futex(&sh->word, FUTEX_WAIT, 0, NULL, NULL, 0);
		sh->result = r == 0 ? 0 : errno;
		exit(0);
	}
	wait_until_asleep(pid);
	EXPECT_EQ(futex(&sh->word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0), 0);
	printf("a private FUTEX_WAKE on the MAP_SHARED word wakes nobody: yes\n");
	sh->word = 1;
	EXPECT_EQ(futex(&sh->word, FUTEX_WAKE, 1, NULL, NULL, 0), 1);
	EXPECT_EXIT(pid, 0, "child");
	EXPECT_EQ(sh->result, 0);
	printf("the parent's shared FUTEX_WAKE woke the child's FUTEX_WAIT: yes\n");

	pid = xfork();
	if (pid == 0) {
		struct timespec ts = { 0, 300 * 1000000L };
		long r = futex(&private_word, FUTEX_WAIT, 0, &ts, NULL, 0);
		sh->result = r == 0 ? 0 : errno;
		exit(0);
	}
	wait_until_asleep(pid);
	EXPECT_EQ(futex(&private_word, FUTEX_WAKE, 1, NULL, NULL, 0), 0);
	EXPECT_EXIT(pid, 0, "child");
	CHECK(sh->result == ETIMEDOUT, "child's FUTEX_WAIT: expected ETIMEDOUT, got %s",
	      errname(sh->result));
	printf("a wake on a private (copied at fork) word does not reach the child: yes\n");
	pass();
}
