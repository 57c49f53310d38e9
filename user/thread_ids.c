/*
 * thread_ids: the ids a thread sees. Every thread of a process has the
 * same getpid() (the thread group id, which is the first thread's tid) and
 * getppid(); each has its own gettid().
 */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define NTHREADS 4

struct ids {
	pid_t pid, ppid, tid;
};

static void *report_ids(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->ppid = getppid();
	ids->tid = (pid_t)syscall(SYS_gettid);
	return NULL;
}

int main(void)
{
	struct ids ids[NTHREADS];
	pthread_t t[NTHREADS];
	pid_t pid, tid;

	check_start();
	pid = getpid();
	tid = (pid_t)syscall(SYS_gettid);
	PROP(tid == pid, "the main thread's tid is the process id");
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, report_ids, &ids[i]) == 0, "pthread_create");
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0, "pthread_join failed");
	for (int i = 0; i < NTHREADS; i++) {
		CHECK(ids[i].pid == pid, "thread %d: getpid() is not the process's", i);
		CHECK(ids[i].ppid == getppid(), "thread %d: getppid() differs from main's", i);
		CHECK(ids[i].tid != pid && ids[i].tid > 0, "thread %d: bad gettid()", i);
		for (int j = 0; j < i; j++)
			CHECK(ids[i].tid != ids[j].tid, "threads %d, %d: same tid", i, j);
	}
	printf("%d threads: getpid() is the main thread's: yes\n", NTHREADS);
	printf("%d threads: getppid() is the main thread's: yes\n", NTHREADS);
	printf("%d threads: each gettid() differs from the others and from getpid(): yes\n",
	       NTHREADS);
	pass();
}
