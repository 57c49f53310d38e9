/*
 * Tests for SMP: every CPU the firmware listed is up, an IPI reaches every
 * CPU, new tasks spread over the CPUs, and a fork/COW storm of user
 * processes on all CPUs gives every page back.
 */
#include <linux/binfmts.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/smp.h>

/* Every CPU of the MADT came up (smp_init()), and the boot CPU is CPU 0. */
static void all_cpus_online_test(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, num_online_cpus(), nr_cpu_ids);
	KTEST_EXPECT_TRUE(test, cpu_online(0));
	printk("        # %u CPUs online\n", num_online_cpus());
}

static int ipi_count[NR_CPUS];

static void count_ipi(void *unused)
{
	__atomic_add_fetch(&ipi_count[smp_processor_id()], 1, __ATOMIC_RELAXED);
}

/* on_each_cpu() runs the function once on every online CPU, and returns
 * only after all of them ran it. */
static void call_function_reaches_every_cpu_test(struct ktest *test)
{
	int cpu;

	for (int round = 1; round <= 3; round++) {
		on_each_cpu(count_ipi, NULL);
		for_each_online_cpu(cpu)
			KTEST_EXPECT_EQ(test, __atomic_load_n(&ipi_count[cpu], __ATOMIC_RELAXED), round);
	}
}

static unsigned long seen_mask;
static volatile bool spread_stop;

static int spin_and_record(void *unused)
{
	while (!spread_stop) {
		__atomic_fetch_or(&seen_mask, 1UL << raw_smp_processor_id(), __ATOMIC_RELAXED);
		cpu_relax();
	}
	return 0;
}

/* As many spinning kernel threads as CPUs (plus this one): new tasks go to
 * idle CPUs (select_task_rq) and idle CPUs pull (sched_balance), so every
 * CPU runs one of them within a second. */
static void threads_spread_test(struct ktest *test)
{
	unsigned long until = jiffies + 2 * HZ, online = cpu_online_mask->bits;
	int threads = READ_ONCE(nr_threads), n = num_online_cpus();

	seen_mask = 0;
	spread_stop = false;
	for (int i = 0; i < n; i++)
		KTEST_ASSERT_TRUE(test, kernel_thread(spin_and_record, NULL, "ktest-spread", 0) > 0);
	while ((READ_ONCE(seen_mask) & online) != online && time_before(jiffies, until))
		yield();
	spread_stop = true;
	KTEST_EXPECT_EQ(test, READ_ONCE(seen_mask) & online, online);
	until = jiffies + 2 * HZ;
	while (READ_ONCE(nr_threads) != threads && time_before(jiffies, until))
		yield();	/* they exit on other CPUs */
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
}

static int exec_storm(void *unused)
{
	static const char *const argv[] = { "/bin/smp_storm", NULL };
	static const char *const envp[] = { NULL };

	return kernel_execve(argv[0], argv, envp);
}

/*
 * user/smp_storm (1.5 s of threads on every CPU forking, writing COW pages
 * and reaping their own children with waitpid, beside a writer thread)
 * succeeds, and afterwards every page is free again: page tables, thread
 * stacks, COW copies, task structs.
 */
static void user_storm_frees_everything_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	int status = -1;
	pid_t pid = user_mode_thread(exec_storm, NULL, SIGCHLD);

	KTEST_ASSERT_TRUE(test, pid > 0);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KTEST_EXPECT_EQ(test, status, 0);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

KTEST_SUITE(smp, KTEST_CASE(all_cpus_online_test), KTEST_CASE(call_function_reaches_every_cpu_test),
	    KTEST_CASE(threads_spread_test), KTEST_CASE(user_storm_frees_everything_test));
