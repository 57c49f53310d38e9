/*
 * pthread_mutex: eight threads each add 1 to a shared counter 20,000
 * times under a mutex, which main holds while they start, so that they
 * sleep on it (FUTEX_WAIT) and are woken (FUTEX_WAKE): the total is
 * exact. trylock on a held mutex is EBUSY; an error-checking mutex refuses
 * a second lock (EDEADLK); a recursive one counts.
 */
#include <pthread.h>
#include <time.h>
#include "check.h"

#define NTHREADS 8
#define ADDS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add_many(void *arg)
{
	(void)arg;
	for (int i = 0; i < ADDS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;	/* a lost update shows if the lock does not exclude */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *try_held(void *arg)
{
	return (void *)(long)pthread_mutex_trylock(arg);
}

int main(void)
{
	pthread_t t[NTHREADS];
	pthread_mutexattr_t attr;
	pthread_mutex_t m;
	void *ret;

	check_start();
	/* Held while they start: they all go to sleep in FUTEX_WAIT on it. */
	pthread_mutex_lock(&lock);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, add_many, NULL) == 0, "pthread_create failed");
	nanosleep(&(struct timespec){ 0, 20 * 1000000L }, NULL);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0, "pthread_join failed");
	EXPECT_EQ(counter, NTHREADS * ADDS);
	printf("%d threads x %d increments under a mutex: the total is exact\n", NTHREADS, ADDS);

	pthread_mutex_lock(&lock);
	CHECK(pthread_create(&t[0], NULL, try_held, &lock) == 0, "pthread_create failed");
	CHECK(pthread_join(t[0], &ret) == 0, "pthread_join failed");
	EXPECT_EQ((long)ret, EBUSY);
	pthread_mutex_unlock(&lock);
	printf("pthread_mutex_trylock on a mutex another thread holds: EBUSY\n");

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &attr);
	EXPECT_EQ(pthread_mutex_lock(&m), 0);
	EXPECT_EQ(pthread_mutex_lock(&m), EDEADLK);
	EXPECT_EQ(pthread_mutex_unlock(&m), 0);
	EXPECT_EQ(pthread_mutex_unlock(&m), EPERM);
	printf("an error-checking mutex: a second lock EDEADLK, a second unlock EPERM\n");
	pthread_mutex_destroy(&m);

	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &attr);
	EXPECT_EQ(pthread_mutex_lock(&m), 0);
	EXPECT_EQ(pthread_mutex_lock(&m), 0);
	EXPECT_EQ(pthread_mutex_unlock(&m), 0);
	CHECK(pthread_create(&t[0], NULL, try_held, &m) == 0, "pthread_create failed");
	CHECK(pthread_join(t[0], &ret) == 0, "pthread_join failed");
	EXPECT_EQ((long)ret, EBUSY);
	EXPECT_EQ(pthread_mutex_unlock(&m), 0);
	CHECK(pthread_create(&t[0], NULL, try_held, &m) == 0, "pthread_create failed");
	CHECK(pthread_join(t[0], &ret) == 0, "pthread_join failed");
	EXPECT_EQ((long)ret, 0);
	printf("a recursive mutex locked twice is held until unlocked twice: yes\n");
	pass();
}
