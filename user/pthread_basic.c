/*
 * pthread_basic: musl's pthreads, unmodified, on the kernel's threads.
 * pthread_create runs the function in a new thread; pthread_join waits
 * for it (through the CLONE_CHILD_CLEARTID futex wake) and returns what it
 * returned or passed to pthread_exit; a detached thread runs and is never
 * joined; eight threads at once all run and are all joined.
 */
#include <pthread.h>
#include <semaphore.h>
#include "check.h"

#define NTHREADS 8

static sem_t detached_done;
static int detached_ran;

static void *return_arg_times_two(void *arg)
{
	return (void *)((long)arg * 2);
}

static void *call_pthread_exit(void *arg)
{
	pthread_exit((void *)((long)arg + 1000));
	return NULL;	/* not reached */
}

static void *detached_thread(void *arg)
{
	(void)arg;
	detached_ran = 1;
	sem_post(&detached_done);
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS], self = pthread_self();
	pthread_attr_t attr;
	void *ret;

	check_start();
	CHECK(pthread_create(&t[0], NULL, return_arg_times_two, (void *)21L) == 0,
	      "pthread_create failed");
	CHECK(pthread_join(t[0], &ret) == 0, "pthread_join failed");
	EXPECT_EQ((long)ret, 42);
	printf("pthread_join returns the thread function's return value: yes\n");

	CHECK(pthread_create(&t[0], NULL, call_pthread_exit, (void *)7L) == 0,
	      "pthread_create failed");
	CHECK(pthread_join(t[0], &ret) == 0, "pthread_join failed");
	EXPECT_EQ((long)ret, 1007);
	printf("pthread_join returns the value passed to pthread_exit: yes\n");

	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, return_arg_times_two, (void *)i) == 0,
		      "pthread_create %ld failed", i);
	for (long i = NTHREADS - 1; i >= 0; i--) {
		CHECK(pthread_join(t[i], &ret) == 0, "pthread_join %ld failed", i);
		EXPECT_EQ((long)ret, i * 2);
	}
	printf("%d threads created, joined in reverse order, each with its result: yes\n",
	       NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(!pthread_equal(t[i], self), "a thread has main's pthread_t");

	sem_init(&detached_done, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	CHECK(pthread_create(&t[0], &attr, detached_thread, NULL) == 0, "pthread_create failed");
	sem_wait(&detached_done);
	PROP(detached_ran, "a detached thread runs");
	CHECK(pthread_create(&t[0], NULL, return_arg_times_two, NULL) == 0,
	      "pthread_create failed");
	CHECK(pthread_detach(t[0]) == 0, "pthread_detach failed");
	printf("pthread_detach of a running thread: 0\n");
	PROP(pthread_equal(pthread_self(), self), "pthread_self() in main is unchanged");
	pass();
}
