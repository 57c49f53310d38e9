/*
 * thread_cleartid: the kernel's half of pthread_join, without pthreads. A
 * thread made with raw clone flags, as musl's pthread_create does:
 * CLONE_PARENT_SETTID writes its tid into a word before clone returns;
 * CLONE_CHILD_CLEARTID makes the kernel, when the thread exits, write 0
 * there and FUTEX_WAKE one waiter. The parent sleeps in FUTEX_WAIT on the
 * word until that wake.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "check.h"
#include "futex.h"

#define STACK_SIZE (64 * 1024)
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM)

static volatile uint32_t tid_word;

/* Runs on its own stack, sharing main's TLS (no CLONE_SETTLS): so raw
 * system calls only, nothing that touches errno. */
static int thread_fn(void *arg)
{
	(void)arg;
	/* Long enough for the parent to be asleep in FUTEX_WAIT first. */
	syscall(SYS_nanosleep, &(struct timespec){ 0, 100 * 1000000L }, NULL);
	return 0;	/* musl's clone: SYS_exit(0), ending this thread only */
}

int main(void)
{
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int woken = 0;

	check_start();
	CHECK(stack != MAP_FAILED, "mmap failed");
	for (int attempt = 0; attempt < 5 && !woken; attempt++) {
		long r;
		int tid = clone(thread_fn, stack + STACK_SIZE,
				THREAD_FLAGS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, NULL,
				&tid_word, NULL, &tid_word);

		CHECK(tid > 0, "clone failed: %s", errname(errno));
		if (attempt == 0)
			PROP(tid_word == (uint32_t)tid,
			     "CLONE_PARENT_SETTID put the tid in the word");
		r = futex(&tid_word, FUTEX_WAIT, (uint32_t)tid, NULL, NULL, 0);
		if (r == 0) {
			woken = 1;
		} else {
			/* EAGAIN: the word was already 0 (the thread exited
			 * first, despite its sleep); try again. */
			CHECK(errno == EAGAIN, "FUTEX_WAIT: %s", errname(errno));
		}
		while (tid_word != 0)	/* until the kernel cleared it */
			futex(&tid_word, FUTEX_WAIT, tid_word, NULL, NULL, 0);
	}
	PROP(woken, "FUTEX_WAIT on the tid word was woken when the thread exited");
	PROP(tid_word == 0, "CLONE_CHILD_CLEARTID left 0 in the word");
	pass();
}
