/*
 * thread_exit_group: exit() in any thread (exit_group) ends every thread
 * of the process at once, wherever they are (asleep in pthread_join, in a
 * futex wait, in nanosleep, running), and the parent sees that status.
 * Returning from main does the same; so does a fatal signal.
 */
#include <pthread.h>
#include <signal.h>
#include "proc.h"

static pthread_mutex_t never_unlocked = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never_signalled = PTHREAD_COND_INITIALIZER;
static volatile int spin = 1;

static void *sleeps(void *arg)
{
	(void)arg;
	while (spin)
		nanosleep(&(struct timespec){ 10, 0 }, NULL);
	return NULL;
}

static void *waits_on_cond(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&never_unlocked);
	while (spin)
		pthread_cond_wait(&never_signalled, &never_unlocked);
	return NULL;
}

static void *spins(void *arg)
{
	(void)arg;
	while (spin)
		;
	return NULL;
}

static void *calls_exit(void *arg)
{
	nanosleep(&(struct timespec){ 0, 20 * 1000000L }, NULL);
	exit((int)(long)arg);
}

/* A child with a sleeping, a waiting and a spinning thread; then `how`. */
static pid_t child_with_threads(void *(*how)(void *), long arg)
{
	pid_t pid = xfork();
	pthread_t t;

	if (pid)
		return pid;
	pthread_create(&t, NULL, sleeps, NULL);
	pthread_create(&t, NULL, waits_on_cond, NULL);
	pthread_create(&t, NULL, spins, NULL);
	if (how) {
		pthread_create(&t, NULL, how, (void *)arg);
		pthread_join(t, NULL);	/* main sleeps here until the end */
	}
	return 0;
}

int main(void)
{
	pid_t pid;

	check_start();
	pid = child_with_threads(calls_exit, 9);
	EXPECT_EXIT(pid, 9, "child whose fifth thread called exit(9)");
	printf("exit(9) in one thread ended all five; the parent saw status 9: yes\n");

	pid = child_with_threads(NULL, 0);
	if (pid == 0) {
		nanosleep(&(struct timespec){ 0, 20 * 1000000L }, NULL);
		return 4;	/* from main: exit(4), the whole process */
	}
	EXPECT_EXIT(pid, 4, "child returning 4 from main");
	printf("returning 4 from main ended the other threads too: yes\n");

	pid = child_with_threads(NULL, 0);
	if (pid == 0) {
		for (;;)
			nanosleep(&(struct timespec){ 10, 0 }, NULL);
	}
	nanosleep(&(struct timespec){ 0, 20 * 1000000L }, NULL);
	OK(kill(pid, SIGTERM));
	EXPECT_KILLED(pid, SIGTERM, "child sent SIGTERM");
	printf("SIGTERM to the process killed all its threads: yes\n");
	pass();
}
