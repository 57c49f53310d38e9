/*
 * ps_threads: ps -T shows threads, as Linux's ps -T does: one line per
 * thread, with its tid in the SPID column. This test runs three threads
 * that sleep in sem_wait (a futex wait), then reads `ps -T`: its process has
 * four lines, SPIDs the main thread's tid (the pid) and the three threads'
 * tids, each with CMD ps_threads, the three in state S. Plain `ps` shows
 * the process once.
 */
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include "proc.h"

#define NTHREADS 3

static sem_t go;
static pid_t tids[NTHREADS];
static char out[1 << 20];

static void *sleeper(void *arg)
{
	__atomic_store_n(&tids[(long)arg], (pid_t)syscall(SYS_gettid), __ATOMIC_RELEASE);
	sem_wait(&go);
	return NULL;
}

/* Run ps with arg (or none) and put its output in out. */
static void run_ps(const char *arg)
{
	int fds[2];
	long n, total = 0;
	pid_t pid;

	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]), close(fds[1]);
		execl(bin_path("ps"), "ps", arg, (char *)NULL);
		exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], out + total, sizeof(out) - 1 - total)) > 0)
		total += n;
	out[total] = 0;
	close(fds[0]);
	EXPECT_EXIT(pid, 0, "ps");
}

int main(void)
{
	pthread_t t[NTHREADS];
	int lines = 0, seen_main = 0, seen[NTHREADS] = { 0 }, asleep = 0;

	check_start();
	sem_init(&go, 0, 0);
	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, sleeper, (void *)i) == 0, "pthread_create");
	for (int i = 0; i < NTHREADS; i++)	/* until each has its tid recorded */
		while (!__atomic_load_n(&tids[i], __ATOMIC_ACQUIRE))
			sched_yield();
	nanosleep(&(struct timespec){ 0, 50 * 1000000L }, NULL);	/* into sem_wait */

	run_ps("-T");
	CHECK(!strncmp(out, "  PID  SPID  PPID STATE CMD\n", 28), "ps -T header: %.40s", out);
	for (char *line = strchr(out, '\n'); line; line = strchr(line + 1, '\n')) {
		int pid, spid, ppid;
		char state, cmd[64];

		if (sscanf(line + 1, "%d %d %d %c %63s", &pid, &spid, &ppid, &state, cmd) != 5 ||
		    pid != getpid())
			continue;
		lines++;
		CHECK(!strcmp(cmd, "ps_threads"), "thread %d: CMD %s", spid, cmd);
		CHECK(ppid == getppid(), "thread %d: PPID is not the process's parent", spid);
		seen_main += spid == getpid();
		for (int i = 0; i < NTHREADS; i++)
			if (spid == tids[i]) {
				seen[i]++;
				asleep += state == 'S';
			}
	}
	EXPECT_EQ(lines, NTHREADS + 1);
	PROP(seen_main == 1, "ps -T: a line whose SPID is the pid (the main thread)");
	for (int i = 0; i < NTHREADS; i++)
		CHECK(seen[i] == 1, "thread %d's tid: %d lines", i, seen[i]);
	printf("ps -T: one line per thread, SPID its tid, CMD ps_threads: yes\n");
	EXPECT_EQ(asleep, NTHREADS);
	printf("ps -T: the three threads waiting in sem_wait are in state S\n");

	run_ps(NULL);
	lines = 0;
	for (char *line = strchr(out, '\n'); line; line = strchr(line + 1, '\n')) {
		int pid;

		if (sscanf(line + 1, "%d", &pid) == 1 && pid == getpid())
			lines++;
	}
	EXPECT_EQ(lines, 1);
	printf("ps without -T: the process has one line\n");
	for (int i = 0; i < NTHREADS; i++)
		sem_post(&go);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	pass();
}
