/*
 * smp_cpus: sched_setaffinity/sched_getaffinity/getcpu, as Linux gives
 * them: pinned to each allowed CPU in turn, the process (and a child it
 * forks, which inherits the mask) runs there; and the errors. Adapts to
 * the number of CPUs, and prints none of their numbers.
 */
#include "smp.h"

int main(void)
{
	cpu_set_t all, got, none;
	int n, visited = 0;
	unsigned int cpu_seen;
	pid_t pid;

	check_start();
	n = smp_allowed(&all);
	PROP(n >= 1, "sched_getaffinity: at least one CPU allowed");
	long r = syscall(SYS_sched_getaffinity, 0, sizeof(got), &got);
	PROP(r > 0 && r % sizeof(long) == 0 && r <= (long)sizeof(got),
	     "the system call returns the bytes it wrote, a multiple of sizeof(long)");

	EXPECT_ERR(syscall(SYS_sched_getaffinity, 0, 4, &got), EINVAL);
	EXPECT_ERR(syscall(SYS_sched_getaffinity, 0, 0, &got), EINVAL);
	EXPECT_ERR(syscall(SYS_sched_getaffinity, 0, sizeof(got), (void *)8), EFAULT);
	CPU_ZERO(&none);
	EXPECT_ERR(sched_setaffinity(0, sizeof(none), &none), EINVAL);
	EXPECT_ERR(syscall(SYS_sched_setaffinity, 0, sizeof(got), (void *)8), EFAULT);
	pid = OK(fork());
	if (pid == 0)
		_exit(0);
	smp_reap(pid, "child");
	EXPECT_ERR(sched_getaffinity(pid, sizeof(got), &got), ESRCH);	/* reaped: gone */
	EXPECT_ERR(sched_setaffinity(pid, sizeof(all), &all), ESRCH);
	EXPECT_ERR(sched_getaffinity(-1, sizeof(got), &got), ESRCH);
	printf("affinity errors (EINVAL, EFAULT, ESRCH): as Linux\n");

	EXPECT_EQ(syscall(SYS_getcpu, NULL, NULL, NULL), 0);
	EXPECT_ERR(syscall(SYS_getcpu, (void *)8, NULL, NULL), EFAULT);
	EXPECT_EQ(syscall(SYS_getcpu, &cpu_seen, NULL, NULL), 0);
	PROP(CPU_ISSET(cpu_seen, &all), "getcpu: an allowed CPU");

	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &all))
			continue;
		smp_pin(cpu);
		CHECK(sched_getcpu() == cpu, "pinned to CPU%d, running on CPU%d", cpu, sched_getcpu());
		CHECK(sched_getaffinity(0, sizeof(got), &got) == 0 && CPU_COUNT(&got) == 1 &&
		      CPU_ISSET(cpu, &got), "sched_getaffinity after pinning to CPU%d", cpu);
		pid = OK(fork());
		if (pid == 0) {
			CHECK(sched_getaffinity(0, sizeof(got), &got) == 0 && CPU_COUNT(&got) == 1 &&
			      CPU_ISSET(cpu, &got), "the child did not inherit the mask of CPU%d", cpu);
			CHECK(sched_getcpu() == cpu, "child: on CPU%d, not CPU%d", sched_getcpu(), cpu);
			_exit(0);
		}
		smp_reap(pid, "pinned child");
		visited++;
	}
	PROP(visited == n, "ran on every allowed CPU, pinned to each in turn");
	PROP(visited == n, "a forked child inherits the mask and runs there too");
	OK(sched_setaffinity(0, sizeof(all), &all));
	OK(sched_getaffinity(0, sizeof(got), &got));
	PROP(CPU_EQUAL(&got, &all), "the whole mask back");
	pass();
}
