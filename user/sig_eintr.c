/*
 * sig_eintr: blocking calls a handled signal interrupts. nanosleep fails
 * with EINTR and the time left, even with SA_RESTART (Linux restarts only
 * when no handler runs); pause always fails with EINTR; wait4 fails with
 * EINTR unless SA_RESTART, which makes it wait on. A nanosleep stopped and
 * continued (no handler) goes on to sleep its whole time and returns 0.
 */
#include <sys/wait.h>
#include "sig.h"

static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* A child that sends sig to the parent once it sleeps. */
static pid_t poke(int sig)
{
	pid_t parent = getpid(), pid = xfork();

	if (pid == 0) {
		wait_for_state(parent, 'S');
		OK(kill(parent, sig));
		exit(0);
	}
	return pid;
}

/* A child that exits after ms milliseconds. */
static pid_t sleeper(long ms)
{
	pid_t pid = xfork();

	if (pid == 0) {
		msleep(ms);
		exit(7);
	}
	return pid;
}

int main(void)
{
	struct timespec req = { 5, 0 }, rem = { 0, 0 };
	pid_t pid, child;
	int r, status;

	check_start();
	set_action(SIGUSR1, on_usr1, SA_RESTART);
	pid = poke(SIGUSR1);
	r = nanosleep(&req, &rem);
	CHECK(r == -1 && errno == EINTR, "nanosleep: expected EINTR, got %d (%s)", r, errname(errno));
	CHECK(handled == 1, "handler ran %d times", handled);
	printf("nanosleep: EINTR after the handler, even with SA_RESTART\n");
	/* (Linux may add its timer slack, 50 us: "less than asked" could fail.) */
	PROP((rem.tv_sec > 0 || rem.tv_nsec > 0) &&
	     (rem.tv_sec < 5 || (rem.tv_sec == 5 && rem.tv_nsec < 1000000)),
	     "the time left is more than 0, about what was asked at most");
	EXPECT_EXIT(pid, 0, "poking child");

	pid = poke(SIGUSR1);
	r = pause();
	CHECK(r == -1 && errno == EINTR && handled == 2, "pause: got %d (%s), handler ran %d times", r,
	      errname(errno), handled);
	printf("pause: EINTR after the handler\n");
	EXPECT_EXIT(pid, 0, "poking child");

	set_action(SIGUSR1, on_usr1, 0);
	child = sleeper(400);
	pid = poke(SIGUSR1);
	r = waitpid(child, &status, 0);
	CHECK(r == -1 && errno == EINTR && handled == 3, "waitpid: got %d (%s), handler ran %d times", r,
	      errname(errno), handled);
	printf("waitpid without SA_RESTART: EINTR\n");
	EXPECT_EXIT(pid, 0, "poking child");
	EXPECT_EXIT(child, 7, "sleeping child");

	set_action(SIGUSR1, on_usr1, SA_RESTART);
	child = sleeper(400);
	pid = poke(SIGUSR1);
	r = waitpid(child, &status, 0);
	CHECK(r == child && WIFEXITED(status) && WEXITSTATUS(status) == 7 && handled == 4,
	      "waitpid with SA_RESTART: got %d (%s), handler ran %d times", r,
	      r < 0 ? errname(errno) : status_str(status), handled);
	printf("waitpid with SA_RESTART: restarted, returns the child's status\n");
	EXPECT_EXIT(pid, 0, "poking child");

	pid = xfork();
	if (pid == 0) {
		struct timespec t = { 0, 600 * 1000000 };
		long start = now_ms();

		r = nanosleep(&t, NULL);
		exit(r == 0 && now_ms() - start >= 600 ? 0 : 1);
	}
	wait_for_state(pid, 'S');
	OK(kill(pid, SIGSTOP));
	wait_for_state(pid, 'T');
	OK(kill(pid, SIGCONT));
	EXPECT_EXIT(pid, 0, "nanosleep stopped and continued");
	printf("nanosleep stopped and continued: sleeps its whole time, returns 0\n");
	pass();
}
