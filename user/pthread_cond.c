/*
 * pthread_cond: condition variables. Two producers and two consumers pass
 * 2,000 numbers through a 4-slot buffer (waits on "not full" and "not
 * empty"): every number arrives exactly once. Then four threads wait for
 * a start flag and one pthread_cond_broadcast releases them all (musl moves
 * the waiters onto the mutex with FUTEX_REQUEUE). A timed wait nobody
 * signals ends with ETIMEDOUT.
 */
#include <pthread.h>
#include <time.h>
#include "check.h"

#define SLOTS 4
#define PER_PRODUCER 1000
#define PRODUCERS 2
#define CONSUMERS 2
#define WAITERS 4

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[SLOTS], head, count, consumed;
static char seen[PRODUCERS * PER_PRODUCER];

static void *producer(void *arg)
{
	int base = (int)(long)arg * PER_PRODUCER;

	for (int i = 0; i < PER_PRODUCER; i++) {
		pthread_mutex_lock(&lock);
		while (count == SLOTS)
			pthread_cond_wait(&not_full, &lock);
		buffer[(head + count++) % SLOTS] = base + i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long bad = 0;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		while (count == 0 && consumed < PRODUCERS * PER_PRODUCER)
			pthread_cond_wait(&not_empty, &lock);
		if (count == 0) {	/* all consumed: wake the other consumer too */
			pthread_cond_broadcast(&not_empty);
			pthread_mutex_unlock(&lock);
			return (void *)bad;
		}
		int v = buffer[head];
		head = (head + 1) % SLOTS;
		count--;
		if (v < 0 || v >= PRODUCERS * PER_PRODUCER || seen[v]++)
			bad++;
		if (++consumed == PRODUCERS * PER_PRODUCER)
			pthread_cond_broadcast(&not_empty);
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&lock);
	}
}

static pthread_cond_t start_cond = PTHREAD_COND_INITIALIZER;
static int started, waiting;

static void *wait_for_start(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	waiting++;
	while (!started)
		pthread_cond_wait(&start_cond, &lock);
	waiting--;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t p[PRODUCERS], c[CONSUMERS], w[WAITERS];
	void *ret;
	long bad = 0;

	check_start();
	for (long i = 0; i < CONSUMERS; i++)
		CHECK(pthread_create(&c[i], NULL, consumer, NULL) == 0, "pthread_create failed");
	for (long i = 0; i < PRODUCERS; i++)
		CHECK(pthread_create(&p[i], NULL, producer, (void *)i) == 0, "pthread_create");
	for (int i = 0; i < PRODUCERS; i++)
		CHECK(pthread_join(p[i], NULL) == 0, "pthread_join failed");
	for (int i = 0; i < CONSUMERS; i++) {
		CHECK(pthread_join(c[i], &ret) == 0, "pthread_join failed");
		bad += (long)ret;
	}
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(consumed, PRODUCERS * PER_PRODUCER);
	for (int v = 0; v < PRODUCERS * PER_PRODUCER; v++)
		CHECK(seen[v] == 1, "number %d arrived %d times", v, seen[v]);
	printf("%d producers, %d consumers, %d numbers through %d slots: each arrived once\n",
	       PRODUCERS, CONSUMERS, PRODUCERS * PER_PRODUCER, SLOTS);

	for (int i = 0; i < WAITERS; i++)
		CHECK(pthread_create(&w[i], NULL, wait_for_start, NULL) == 0,
		      "pthread_create failed");
	for (;;) {	/* until all four sleep in pthread_cond_wait */
		pthread_mutex_lock(&lock);
		int n = waiting;
		pthread_mutex_unlock(&lock);
		if (n == WAITERS)
			break;
		sched_yield();
	}
	pthread_mutex_lock(&lock);
	started = 1;
	pthread_cond_broadcast(&start_cond);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < WAITERS; i++)
		CHECK(pthread_join(w[i], NULL) == 0, "pthread_join failed");
	EXPECT_EQ(waiting, 0);
	printf("one pthread_cond_broadcast released all %d waiters: yes\n", WAITERS);

	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += 50 * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	EXPECT_EQ(pthread_cond_timedwait(&start_cond, &lock, &deadline), ETIMEDOUT);
	pthread_mutex_unlock(&lock);
	printf("pthread_cond_timedwait that nobody signals: ETIMEDOUT\n");
	pass();
}
