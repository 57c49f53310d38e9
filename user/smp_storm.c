/*
 * smp_storm: a fork-and-write storm on every CPU at once, for a bounded
 * number of rounds. One worker process per allowed CPU, pinned there, each
 * with a CLONE_VM helper on the next CPU that keeps writing into the
 * worker's memory. Each round the worker forks a child; child and parent
 * then both write to the same pages (copy-on-write), the child exits with
 * a status, the worker reaps it. Nothing may be lost: every child reaped
 * with its own status, every page holding exactly what its side wrote.
 */
#include <stdatomic.h>
#include <stdint.h>
#include "smp.h"

#define ROUNDS 30
#define PAGES 8
#define STACK (64 * 1024)

static unsigned char buf[PAGES][4096];	/* written by worker and children: COW */
static char helper_stack[STACK];
static atomic_int stop, helper_ok = 1;
static volatile unsigned long helper_count;	/* the helper's writes: the worker's memory */

static int helper(void *arg)
{
	if (smp_pin_raw((int)(long)arg))
		atomic_store(&helper_ok, 0);
	while (!atomic_load_explicit(&stop, memory_order_relaxed))
		helper_count++;
	return 0;
}

/* Fill every page with value v (one byte per page, at a few places). */
static void fill(unsigned char v)
{
	for (int p = 0; p < PAGES; p++)
		for (int off = 0; off < 4096; off += 512)
			buf[p][off] = v;
}

static int holds(unsigned char v)
{
	for (int p = 0; p < PAGES; p++)
		for (int off = 0; off < 4096; off += 512)
			if (buf[p][off] != v)
				return 0;
	return 1;
}

/* One worker: exits 0 if everything held, else the round that broke + 1. */
static int worker(const cpu_set_t *all, int w)
{
	pid_t hpid;

	smp_pin(smp_nth_cpu(all, w));
	hpid = smp_start_helper(helper, (void *)(long)smp_nth_cpu(all, w + 1), helper_stack, STACK);
	while (helper_count == 0)	/* the helper is writing */
		sched_yield();
	for (int r = 0; r < ROUNDS; r++) {
		unsigned char mine = (unsigned char)(2 * r + 1), childs = (unsigned char)(2 * r + 2);
		pid_t pid;
		int status;

		fill(mine);
		pid = fork();
		if (pid < 0)
			return 100 + r;
		if (pid == 0) {
			if (!holds(mine))
				_exit(1);	/* the child sees the parent's values of fork time */
			fill(childs);
			_exit(holds(childs) ? (r & 0x3f) + 2 : 1);
		}
		fill((unsigned char)(mine + 100));	/* the parent's own copy now */
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != (r & 0x3f) + 2 || !holds((unsigned char)(mine + 100)))
			return r + 1;
	}
	atomic_store(&stop, 1);
	smp_reap(hpid, "helper");
	return atomic_load(&helper_ok) ? 0 : 99;
}

int main(void)
{
	cpu_set_t all;
	int n = smp_allowed(&all), workers = n < 2 ? 2 : n, failed = 0;
	pid_t pids[CPU_SETSIZE];

	check_start();
	for (int w = 0; w < workers; w++) {
		pids[w] = OK(fork());
		if (pids[w] == 0)
			_exit(worker(&all, w));
	}
	for (int w = 0; w < workers; w++) {
		int status;

		CHECK(waitpid(pids[w], &status, 0) == pids[w], "waitpid(worker): %s", errname(errno));
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("worker %d: wait status %#x\n", w, status);
			failed++;
		}
	}
	EXPECT_EQ(wait(NULL), -1);	/* no child left behind */
	PROP(failed == 0, "every worker: children reaped with their status, pages as written");
	pass();
}
