/*
 * cow_smp: fork while another task of the same address space, on another
 * CPU, keeps writing a counter into a page: the child's copy of the page
 * never changes after fork.
 *
 * fork makes the page read-only for both sides (copy-on-write). The
 * writer's CPU may still hold a writable translation in its TLB; unless
 * fork flushes it there too (a TLB shootdown, by IPI) before returning,
 * the writer goes on writing into the page the child now sees, and the
 * child watches its "private" counter move.
 */
#include <stdatomic.h>
#include <sys/mman.h>
#include "smp.h"

#define FORKS 20
#define STACK (64 * 1024)

static char writer_stack[STACK];
static atomic_int stop, writer_cpu_ok = 1;
static volatile unsigned long *counter;

/* The writer: pinned to its CPU, increments *counter until told to stop. */
static int writer(void *arg)
{
	if (smp_pin_raw((int)(long)arg))
		atomic_store(&writer_cpu_ok, 0);
	while (!atomic_load_explicit(&stop, memory_order_relaxed))
		(*counter)++;
	return 0;
}

int main(void)
{
	cpu_set_t all;
	int n = smp_allowed(&all), changed = 0;
	pid_t wpid;

	check_start();
	counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(counter != MAP_FAILED, "mmap: %s", errname(errno));
	*counter = 1;
	smp_pin(smp_nth_cpu(&all, 0));
	wpid = smp_start_helper(writer, (void *)(long)smp_nth_cpu(&all, n > 1 ? 1 : 0),
				writer_stack, STACK);
	while (*counter < 1000)	/* the writer is running */
		sched_yield();

	for (int i = 0; i < FORKS; i++) {
		pid_t pid = OK(fork());

		if (pid == 0) {
			unsigned long first = *counter;

			for (long j = 0; j < 200000; j++) {
				if (*counter != first)
					_exit(1);
				if (j % 20000 == 0)
					sched_yield();
			}
			_exit(0);
		}
		int status;

		CHECK(waitpid(pid, &status, 0) == pid, "waitpid: %s", errname(errno));
		changed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	unsigned long before = *counter;

	while (*counter == before)	/* still writing, now to the parent's own copy */
		sched_yield();
	atomic_store(&stop, 1);
	smp_reap(wpid, "writer");
	PROP(atomic_load(&writer_cpu_ok), "the writer was pinned to its CPU");
	PROP(changed == 0, "after fork, the child's copy never changed (writer on another CPU)");
	PROP(*counter > before, "the writer's later writes went to the parent's copy");
	pass();
}
