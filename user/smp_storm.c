/*
 * smp_storm: a fork-and-thread storm on every CPU at once, for a bounded
 * time. Up to four worker processes; each runs FORKERS threads and one
 * writer thread, every thread pinned to its own allowed CPU (in turn).
 *
 * Each forking thread, round after round: writes a pattern into its own
 * pages; forks (all threads share the address space, so every fork makes
 * every thread's pages copy-on-write while the others keep writing); the
 * child checks that its thread's pages hold the fork-time values, writes
 * its own, and exits with a status derived from the round; the thread
 * writes its own new values, waits for that very child (waitpid(pid) from
 * several threads at once) and checks its pages. The writer thread never
 * stops writing a counter into its pages: a child must see them frozen,
 * which fails if a fork leaves a writable translation in the writer's TLB.
 *
 * The storm lasts STORM_NS of CLOCK_MONOTONIC, at least MIN_ROUNDS and at
 * most MAX_ROUNDS rounds per thread. Nothing may be lost: every child
 * reaped with its status, no child left, every page as written, every
 * thread joined. The output does not depend on how many rounds ran.
 */
#include "smp.h"	/* first: it defines _GNU_SOURCE */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#define MAX_WORKERS 4
#define FORKERS 3		/* forking threads per worker; plus one writer */
#define PAGES 4			/* per forking thread */
#define WPAGES 2		/* the writer's */
#define STORM_NS 1500000000L
#define MIN_ROUNDS 20
#define MAX_ROUNDS 5000

/* What went wrong, as bits of a worker's exit status. */
#define BAD_REAP 1		/* fork failed, or a child not reaped with its status */
#define BAD_PAGES 2		/* a page of a forking thread did not hold its value */
#define BAD_WRITER 4		/* the writer's pages moved in a child, or lost a write */
#define BAD_LEFT 8		/* a child left over, or a thread not joined */

static unsigned char pages[FORKERS][PAGES][4096] __attribute__((aligned(4096)));
static volatile unsigned long wpages[WPAGES][512] __attribute__((aligned(4096)));
static struct timespec deadline;
static atomic_int stop;

struct storm_thread {
	pthread_t tid;
	int t, cpu, bad;
	long forks, reaped;
	unsigned char last;		/* a forking thread's last value */
	unsigned long seq;		/* the writer's last value */
};

/* Fill thread t's pages with v (a few bytes per page). */
static void fill(int t, unsigned char v)
{
	for (int p = 0; p < PAGES; p++)
		for (int off = 0; off < 4096; off += 512)
			pages[t][p][off] = v;
}

static int holds(int t, unsigned char v)
{
	for (int p = 0; p < PAGES; p++)
		for (int off = 0; off < 4096; off += 512)
			if (pages[t][p][off] != v)
				return 0;
	return 1;
}

/* Three values per round and thread, all different within a round. */
static unsigned char value(int t, int r, int k)
{
	return (unsigned char)(3 * (r * FORKERS + t) + k + 1);
}

/* The status a round's child exits with; below 8 means it found an error. */
static int child_status(int t, int r)
{
	return 8 + (r * FORKERS + t) % 240;
}

/* What a child's wrong wait status says went wrong. */
static int status_bad(int status)
{
	if (!WIFEXITED(status) || WEXITSTATUS(status) >= 8)
		return BAD_REAP;
	return WEXITSTATUS(status) == 3 ? BAD_WRITER : BAD_PAGES;
}

static int time_left(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec < deadline.tv_sec ||
	       (now.tv_sec == deadline.tv_sec && now.tv_nsec < deadline.tv_nsec);
}

/* The forked child of thread t in round r: only memory and _exit. */
static int child(int t, int r)
{
	unsigned long seen[WPAGES];

	for (int p = 0; p < WPAGES; p++)
		seen[p] = wpages[p][0];
	if (!holds(t, value(t, r, 0)))
		return 1;	/* not the parent's values of fork time */
	fill(t, value(t, r, 2));
	for (int i = 0; i < 1000; i++)
		for (int p = 0; p < WPAGES; p++)
			if (wpages[p][0] != seen[p])
				return 3;	/* the writer reached our copy */
	return holds(t, value(t, r, 2)) ? child_status(t, r) : 2;
}

static void *forker(void *arg)
{
	struct storm_thread *th = arg;
	int t = th->t;

	smp_pin(th->cpu);
	for (int r = 0; r < MAX_ROUNDS && (r < MIN_ROUNDS || time_left()); r++) {
		int status;
		pid_t pid;

		fill(t, value(t, r, 0));
		pid = fork();
		if (pid < 0) {
			th->bad |= BAD_REAP;
			break;
		}
		if (pid == 0)
			_exit(child(t, r));
		th->forks++;
		th->last = value(t, r, 1);
		fill(t, th->last);	/* the parent's own copy now */
		if (waitpid(pid, &status, 0) != pid)
			continue;
		th->reaped++;
		if (status != child_status(t, r) << 8)
			th->bad |= status_bad(status);
		if (!holds(t, th->last))
			th->bad |= BAD_PAGES;
	}
	return th;
}

static void *writer(void *arg)
{
	struct storm_thread *th = arg;

	smp_pin(th->cpu);
	while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
		th->seq++;
		for (int p = 0; p < WPAGES; p++)
			wpages[p][0] = th->seq;
	}
	return th;
}

/* One worker: returns the BAD_ bits of what went wrong, 0 if nothing. */
static int worker(const cpu_set_t *all, int w)
{
	struct storm_thread th[FORKERS + 1] = { 0 };
	int bad = 0;
	void *ret;

	for (int t = 0; t <= FORKERS; t++) {
		th[t].t = t;
		th[t].cpu = smp_nth_cpu(all, w * (FORKERS + 1) + t);
		CHECK(pthread_create(&th[t].tid, NULL, t < FORKERS ? forker : writer, &th[t]) == 0,
		      "pthread_create failed");
	}
	for (int t = 0; t <= FORKERS; t++) {
		if (t == FORKERS)
			atomic_store(&stop, 1);	/* the forkers are done */
		if (pthread_join(th[t].tid, &ret) != 0 || ret != &th[t])
			bad |= BAD_LEFT;
		bad |= th[t].bad;
		if (t < FORKERS && (th[t].forks != th[t].reaped || th[t].forks < MIN_ROUNDS))
			bad |= BAD_REAP;
		if (t < FORKERS && !holds(t, th[t].last))
			bad |= BAD_PAGES;
	}
	for (int p = 0; p < WPAGES; p++)
		if (wpages[p][0] != th[FORKERS].seq || th[FORKERS].seq == 0)
			bad |= BAD_WRITER;
	if (wait(NULL) != -1 || errno != ECHILD)
		bad |= BAD_LEFT;
	return bad;
}

int main(void)
{
	cpu_set_t all;
	int n = smp_allowed(&all), bad = 0;
	int workers = n < 2 ? 2 : n > MAX_WORKERS ? MAX_WORKERS : n;
	pid_t pids[MAX_WORKERS];

	check_start();
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_nsec += STORM_NS % 1000000000L;
	deadline.tv_sec += STORM_NS / 1000000000L + deadline.tv_nsec / 1000000000L;
	deadline.tv_nsec %= 1000000000L;
	for (int w = 0; w < workers; w++) {
		pids[w] = OK(fork());
		if (pids[w] == 0)
			_exit(worker(&all, w));
	}
	for (int w = 0; w < workers; w++) {
		int status;

		CHECK(waitpid(pids[w], &status, 0) == pids[w], "waitpid(worker): %s", errname(errno));
		CHECK(WIFEXITED(status), "worker %d: wait status %#x", w, status);
		bad |= WEXITSTATUS(status);
	}
	EXPECT_ERR(wait(NULL), ECHILD);	/* no worker left behind */
	PROP(!(bad & BAD_REAP), "every fork's child reaped by its own thread, with its round's status");
	PROP(!(bad & BAD_PAGES), "every page as written: fork-time values in the child, then each side's own");
	PROP(!(bad & BAD_WRITER), "a child never saw the writer thread's pages move; no write lost");
	PROP(!(bad & BAD_LEFT), "every thread joined, no child left behind (wait: ECHILD)");
	pass();
}
