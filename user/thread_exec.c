/*
 * thread_exec: execve in a process with several threads (Linux's
 * de_thread). The other threads are killed first; if a non-leader thread
 * made the call, it takes the leader's place: after the exec the program
 * runs as the only thread, with the same process id (gettid() == getpid()
 * == the pid from before), the same parent, and the parent's waitpid for
 * that pid gets its exit status. Done once from a thread, once from the
 * leader while other threads run.
 *
 * Run as `thread_exec` (the test), it runs itself as
 * `thread_exec after PID` after the exec.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/syscall.h>
#include "proc.h"

static const char *self_path;
static char pid_arg[16];

static void *sleeps(void *arg)
{
	(void)arg;
	for (;;)
		nanosleep(&(struct timespec){ 10, 0 }, NULL);
	return NULL;
}

static void run_after(void)
{
	execl(self_path, "thread_exec", "after", pid_arg, (char *)NULL);
	printf("FAIL: %s: execl(%s): %s\n", TEST_NAME, self_path, errname(errno));
	exit(127);
}

static void *execs(void *arg)
{
	(void)arg;
	nanosleep(&(struct timespec){ 0, 10 * 1000000L }, NULL);
	run_after();
	return NULL;
}

/* How many threads /proc/self/task lists. */
static int count_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	CHECK(d, "opendir /proc/self/task: %s", errname(errno));
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* The program after the exec: check who it is, exit 6. */
static int after_exec(pid_t pid_before)
{
	PROP(getpid() == pid_before, "after the exec: getpid() is the pid from before");
	PROP(syscall(SYS_gettid) == pid_before, "after the exec: gettid() is that pid too");
	EXPECT_EQ(count_threads(), 1);
	printf("after the exec: /proc/self/task lists one thread\n");
	exit(6);
}

/* A child with three sleeping threads; one of them (or main) execs. */
static void child_execs(bool from_thread)
{
	pthread_t t;
	pid_t pid = xfork();

	if (pid == 0) {
		snprintf(pid_arg, sizeof(pid_arg), "%d", getpid());
		for (int i = 0; i < 3; i++)
			pthread_create(&t, NULL, sleeps, NULL);
		if (from_thread) {
			pthread_create(&t, NULL, execs, NULL);
			pthread_join(t, NULL);	/* main sleeps here until the exec kills it */
			exit(1);
		}
		nanosleep(&(struct timespec){ 0, 10 * 1000000L }, NULL);
		run_after();
	}
	EXPECT_EXIT(pid, 6, "the exec'd program");
	printf("the parent's waitpid(pid) reaped the exec'd program, status 6: yes\n");
}

int main(int argc, char **argv)
{
	check_start();
	self_path = bin_path("thread_exec");
	if (argc == 3 && !strcmp(argv[1], "after"))
		return after_exec(atoi(argv[2]));
	printf("exec from a thread that is not the leader:\n");
	child_execs(true);
	printf("exec from the leader while other threads run:\n");
	child_execs(false);
	pass();
}
