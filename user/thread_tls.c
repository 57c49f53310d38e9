/*
 * thread_tls: thread-local storage (__thread, CLONE_SETTLS: each thread's
 * FS base points at its own copy). Each thread starts with the initial
 * value, changes its copy, and sees only its own changes across switches;
 * the main thread's copy is untouched. Thread-specific data
 * (pthread_key_create) works the same way, with a destructor at exit.
 */
#include <pthread.h>
#include <sched.h>
#include "check.h"

#define NTHREADS 4

static __thread int counter = 5;
static __thread char name[16] = "initial";
static pthread_key_t key;
static int destructor_calls;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void destructor(void *value)
{
	pthread_mutex_lock(&lock);
	destructor_calls += (int)(long)value;
	pthread_mutex_unlock(&lock);
}

static void *use_tls(void *arg)
{
	int id = (int)(long)arg;

	if (counter != 5 || strcmp(name, "initial"))
		return (void *)1L;
	counter = id * 100;
	snprintf(name, sizeof(name), "thread %d", id);
	pthread_setspecific(key, (void *)(long)(id + 1));
	for (int i = 0; i < 100; i++) {
		sched_yield();	/* let the others run and change theirs */
		counter++;
	}
	if (counter != id * 100 + 100)
		return (void *)2L;
	snprintf(name + 8, 8, "%d", id);	/* still "thread <id>" */
	if (pthread_getspecific(key) != (void *)(long)(id + 1))
		return (void *)3L;
	return &counter;	/* where this thread's copy is */
}

int main(void)
{
	pthread_t t[NTHREADS];
	void *where[NTHREADS];

	check_start();
	CHECK(pthread_key_create(&key, destructor) == 0, "pthread_key_create failed");
	counter = 7;
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, use_tls, (void *)(long)i) == 0,
		      "pthread_create failed");
	for (int i = 0; i < NTHREADS; i++) {
		CHECK(pthread_join(t[i], &where[i]) == 0, "pthread_join failed");
		CHECK((unsigned long)where[i] > 3, "thread %d: its TLS check %ld failed", i,
		      (long)where[i]);
	}
	printf("each thread starts with the initial __thread values: yes\n");
	printf("each thread keeps its own __thread values across switches: yes\n");
	for (int i = 0; i < NTHREADS; i++)
		for (int j = 0; j < i; j++)
			CHECK(where[i] != where[j], "threads %d, %d share a __thread", i, j);
	PROP(where[0] != (void *)&counter, "a thread's __thread variable is not main's");
	PROP(counter == 7 && !strcmp(name, "initial"), "main's __thread values are untouched");
	EXPECT_EQ(destructor_calls, 1 + 2 + 3 + 4);
	printf("each thread's pthread_setspecific value reached its destructor: yes\n");
	pass();
}
