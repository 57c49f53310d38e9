/*
 * bench: how much process creation and page faults cost (issue 4). Not a
 * test: it checks nothing and is not in tests.list. `make bench` boots it
 * as init under QEMU with -icount shift=0, where one guest nanosecond is
 * one instruction, and `make bench-linux` boots the same binary as /init
 * under Debian's Linux (docs/benchmarks.md).
 *
 * Each row times a loop with clock_gettime(CLOCK_MONOTONIC) and prints
 *
 *   NAME  ITERATIONS  NS_PER_OP  NS_PER_MIB
 *
 * (NS_PER_MIB only for the memory rows, "-" elsewhere) between the lines
 * "bench: begin ..." and "bench: end", which tools/bench/ looks for.
 * Every loop first runs a few untimed rounds, so caches and free lists are
 * warm. The memory it measures is always fresh anonymous private memory,
 * with huge pages declined (MADV_NOHUGEPAGE), so both kernels work in
 * 4 KiB pages.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PG 4096UL
#define MIB (1UL << 20)

/* Iterations per row: enough for a stable mean, few enough for TCG. */
#define FORK_ITERS	2000
#define GETPID_ITERS	200000
#define FAULT_MIB	16	/* the fault rows touch this much per round */
#define FAULT_ROUNDS	4

static const struct {
	unsigned long mib;
	long iters;
} fork_sizes[] = { { 1, 400 }, { 16, 100 }, { 64, 30 }, { 256, 8 } };
#define NSIZES (sizeof(fork_sizes) / sizeof(fork_sizes[0]))

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* One row of the table; ns_mib < 0 prints "-". */
static void row(const char *name, long iters, double ns_op, double ns_mib)
{
	if (ns_mib < 0)
		printf("%-24s %10ld %12.0f %12s\n", name, iters, ns_op, "-");
	else
		printf("%-24s %10ld %12.0f %12.0f\n", name, iters, ns_op, ns_mib);
}

/* A row that could not run: say why, keep the table's shape. */
static void skip(const char *name, const char *why)
{
	printf("%-24s %10s %12s %12s  (skipped: %s)\n", name, "-", "-", "-", why);
}

static void die(const char *what)
{
	printf("bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Wait for pid, which must exit with status 0 (or, if sig, die by sig). */
static void reap(pid_t pid, int sig)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (sig ? !WIFSIGNALED(status) || WTERMSIG(status) != sig
		: !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		printf("bench: child %d ended with status 0x%x\n", pid, status);
		exit(1);
	}
}

/* Fresh anonymous private memory, in 4 KiB pages; NULL if there is none. */
static char *map_anon(unsigned long bytes)
{
	char *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		return NULL;
	madvise(m, bytes, MADV_NOHUGEPAGE);	/* a hint: ignoring it is fine */
	return m;
}

/* Write one byte in every page: each write is one fault if the page is new or shared. */
static void touch(char *m, unsigned long bytes)
{
	for (unsigned long off = 0; off < bytes; off += PG)
		((volatile char *)m)[off] = 1;
}

/* One fork whose child exits at once; the parent waits for it. */
static void fork_once(void)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0)
		_exit(0);
	reap(pid, 0);
}

static void vfork_once(void)
{
	pid_t pid = vfork();

	if (pid < 0)
		die("vfork");
	if (pid == 0)
		_exit(0);
	reap(pid, 0);
}

static int clone_child(void *arg)
{
	(void)arg;
	return 0;	/* musl's clone() then calls exit(0) */
}

static char clone_stack[16384] __attribute__((aligned(16)));

static void clone_once(void)
{
	pid_t pid = clone(clone_child, clone_stack + sizeof(clone_stack), CLONE_VM | SIGCHLD, NULL);

	if (pid < 0)
		die("clone");
	reap(pid, 0);
}

static void getpid_once(void)
{
	syscall(SYS_getpid);	/* not getpid(): a libc may cache it */
}

/* Mean ns of fn() over iters calls, after iters / 10 + 1 untimed ones. */
static double time_loop(void (*fn)(void), long iters)
{
	double t0;

	for (long i = 0; i < iters / 10 + 1; i++)
		fn();
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		fn();
	return (now_ns() - t0) / iters;
}

/*
 * fork of a parent that touched `mib` MiB: every page is mapped and
 * private, so fork copies its page-table entries (and makes them
 * read-only) and the child's exit takes them down again. Only the fork,
 * exit and wait are timed, not the touching. Returns ns per fork, or -1.
 */
static double fork_touched(unsigned long mib, long iters, const char *name)
{
	unsigned long bytes = mib * MIB;
	char *m = map_anon(bytes);
	double ns;

	if (!m) {
		skip(name, "mmap failed: give the guest more memory (MEM=)");
		return -1;
	}
	touch(m, bytes);
	ns = time_loop(fork_once, iters);
	row(name, iters, ns, ns / mib);
	munmap(m, bytes);
	return ns;
}

/*
 * Demand-zero faults: the first write to each page of fresh memory
 * allocates a zeroed page (and, once per 2 MiB, a page table).
 */
static void zero_faults(void)
{
	unsigned long bytes = FAULT_MIB * MIB, pages = bytes / PG;
	double total = 0;

	for (int r = -1; r < FAULT_ROUNDS; r++) {	/* round -1 warms up */
		char *m = map_anon(bytes);
		double t0;

		if (!m) {
			skip("zero-fault/page", "mmap failed");
			return;
		}
		t0 = now_ns();
		touch(m, bytes);
		if (r >= 0)
			total += now_ns() - t0;
		munmap(m, bytes);
	}
	total /= (double)pages * FAULT_ROUNDS;
	row("zero-fault/page", pages * FAULT_ROUNDS, total, total * (MIB / PG));
}

/*
 * Copy-on-write faults: the parent writes every page it shares with a
 * child that is still alive (asleep), so each write copies the page. Then
 * it kills the child. (A sleep and SIGKILL, not a pipe: the kernel may not
 * have pipes yet.)
 */
static void cow_faults(void)
{
	unsigned long bytes = FAULT_MIB * MIB, pages = bytes / PG;
	double total = 0;

	for (int r = -1; r < FAULT_ROUNDS; r++) {
		char *m = map_anon(bytes);
		double t0;
		pid_t pid;

		if (!m) {
			skip("cow-fault/page", "mmap failed");
			return;
		}
		touch(m, bytes);
		pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			struct timespec long_time = { 1000, 0 };

			for (;;)
				nanosleep(&long_time, NULL);
		}
		t0 = now_ns();
		touch(m, bytes);
		if (r >= 0)
			total += now_ns() - t0;
		kill(pid, SIGKILL);
		reap(pid, SIGKILL);
		munmap(m, bytes);
	}
	total /= (double)pages * FAULT_ROUNDS;
	row("cow-fault/page", pages * FAULT_ROUNDS, total, total * (MIB / PG));
}

/*
 * Booted as Linux's /init from an initramfs without /dev/console, we have
 * no stdout: mount devtmpfs and open the console ourselves. (With the node
 * in the initramfs, or on Forklift, fd 1 is already open.)
 */
static void ensure_console(void)
{
	int fd;

	if (fcntl(1, F_GETFD) >= 0)
		return;
	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;	/* nowhere to report it */
	while (fd < 3)
		fd = dup(fd);
}

int main(void)
{
	double small[NSIZES];
	struct utsname u;
	unsigned i;

	ensure_console();
	setvbuf(stdout, NULL, _IOLBF, 0);	/* lines reach the console before any fork */
	uname(&u);
	printf("bench: begin %s %s %s\n", u.sysname, u.release, u.version);
	printf("%-24s %10s %12s %12s\n", "name", "iterations", "ns/op", "ns/MiB");
	row("fork+exit+wait", FORK_ITERS, time_loop(fork_once, FORK_ITERS), -1);
	row("vfork+exit+wait", FORK_ITERS, time_loop(vfork_once, FORK_ITERS), -1);
	row("clone(VM)+wait", FORK_ITERS, time_loop(clone_once, FORK_ITERS), -1);
	for (i = 0; i < NSIZES; i++) {
		char name[32];

		snprintf(name, sizeof(name), "fork-%luMiB+exit+wait", fork_sizes[i].mib);
		small[i] = fork_touched(fork_sizes[i].mib, fork_sizes[i].iters, name);
	}
	/* The slope: what each further MiB of touched memory adds to a fork. */
	for (i = NSIZES - 1; i > 0 && small[i] < 0; i--)
		;
	if (i > 0 && small[0] >= 0) {
		char name[32];

		snprintf(name, sizeof(name), "fork-slope-1..%luMiB", fork_sizes[i].mib);
		printf("%-24s %10s %12s %12.0f\n", name, "-", "-",
		       (small[i] - small[0]) / (fork_sizes[i].mib - fork_sizes[0].mib));
	}
	cow_faults();
	zero_faults();
	row("getpid", GETPID_ITERS, time_loop(getpid_once, GETPID_ITERS), -1);
	printf("bench: end\n");
	return 0;
}
