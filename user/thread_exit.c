/*
 * thread_exit: how the threads of a process end one by one.
 *  1. pthread_exit (SYS_exit) ends only the calling thread: the others go
 *     on, and pthread_join sees its value.
 *  2. The main thread (the leader, whose tid is the process id) exits
 *     first with SYS_exit while another thread runs: the process lives on
 *     (the thread still works and sees the same getpid/getppid), the
 *     leader is a zombie, and waitpid(WNOHANG) reports nothing until the
 *     last thread exits. Nobody called exit_group: the status is the last
 *     thread's (5), not the leader's (3), as Linux since 6.0 (the last
 *     thread out sets the group's exit code: synchronize_group_exit).
 */
#include <pthread.h>
#include <sys/syscall.h>
#include "proc.h"

static int fds[2];
static pid_t pid_seen, ppid_seen;

static void *exits_early(void *arg)
{
	(void)arg;
	pthread_exit((void *)11L);
}

static void *keeps_counting(void *arg)
{
	volatile long *n = arg;

	for (long i = 0; i < 1000000; i++)
		(*n)++;
	return NULL;
}

/* Outlives the leader: waits for the parent's go, reports, then SYS_exit(5). */
static void *outlives_leader(void *arg)
{
	(void)arg;
	recv_byte(fds[0]);
	pid_seen = getpid();
	ppid_seen = getppid();
	char ok = pid_seen == (pid_t)syscall(SYS_gettid) ? 'n' : 'y';
	(void)!write(fds[1], &ok, 1);
	(void)!write(fds[1], &ppid_seen, sizeof(ppid_seen));
	syscall(SYS_exit, 5);
	return NULL;
}

int main(void)
{
	pthread_t early, counter, t;
	volatile long n = 0;
	void *ret;
	int to_child[2], from_child[2], status;
	pid_t pid, ppid;
	char c;

	check_start();
	CHECK(pthread_create(&counter, NULL, keeps_counting, (void *)&n) == 0, "pthread_create");
	CHECK(pthread_create(&early, NULL, exits_early, NULL) == 0, "pthread_create");
	CHECK(pthread_join(early, &ret) == 0, "pthread_join");
	EXPECT_EQ((long)ret, 11);
	CHECK(pthread_join(counter, NULL) == 0, "pthread_join");
	EXPECT_EQ(n, 1000000);
	printf("pthread_exit ended one thread; another ran on to the end: yes\n");

	xpipe(to_child);
	xpipe(from_child);
	pid = xfork();
	if (pid == 0) {
		fds[0] = to_child[0];
		fds[1] = from_child[1];
		if (pthread_create(&t, NULL, outlives_leader, NULL))
			exit(1);
		syscall(SYS_exit, 3);	/* the leader alone; musl's exit() would end all */
	}
	wait_for_state(pid, 'Z');	/* the leader has exited */
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);
	printf("the leader exited first: a zombie, and waitpid(WNOHANG) reports nothing: yes\n");
	send_byte(to_child[1], 'g');
	c = recv_byte(from_child[0]);
	CHECK(read(from_child[0], &ppid, sizeof(ppid)) == sizeof(ppid), "read ppid");
	PROP(c == 'y', "the other thread still runs, its tid not the process id");
	PROP(ppid == getpid(), "its getppid() is still the process's parent");
	EXPECT_EXIT(pid, 5, "process whose threads all called SYS_exit");
	printf("after the last thread, wait reports its status 5 (not the leader's 3): yes\n");
	pass();
}
