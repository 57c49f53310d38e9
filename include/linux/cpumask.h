/*
 * Sets of CPUs: a bitmap with one bit per CPU number. NR_CPUS fits in one
 * unsigned long, so a cpumask is one word here (Linux: any size).
 *
 * cpu_possible_mask  the CPUs the firmware (ACPI MADT) lists;
 * cpu_online_mask    the CPUs running the kernel now (the boot CPU first,
 *                    the others as start_secondary() brings them up).
 * nr_cpu_ids is one more than the highest possible CPU number.
 *
 * Bits are set and cleared with atomic instructions: several CPUs change
 * one mask at once (an mm's mm_cpumask). Linux: include/linux/cpumask.h.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>

typedef struct cpumask {
	unsigned long bits;
} cpumask_t;

_Static_assert(NR_CPUS <= 8 * sizeof(unsigned long), "a cpumask is one word");

extern struct cpumask __cpu_possible_mask, __cpu_online_mask;
extern unsigned int nr_cpu_ids;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

/* The size of a cpumask in bytes, as sched_getaffinity reports it. */
#define cpumask_size() sizeof(unsigned long)

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
	return (__atomic_load_n(&m->bits, __ATOMIC_RELAXED) >> cpu) & 1;
}

static inline void cpumask_set_cpu(int cpu, struct cpumask *m)
{
	__atomic_fetch_or(&m->bits, 1UL << cpu, __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *m)
{
	__atomic_fetch_and(&m->bits, ~(1UL << cpu), __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear(struct cpumask *m)
{
	__atomic_store_n(&m->bits, 0, __ATOMIC_RELAXED);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	dst->bits = __atomic_load_n(&src->bits, __ATOMIC_RELAXED);
}

/* dst = a & b; true if the result is not empty. */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	dst->bits = __atomic_load_n(&a->bits, __ATOMIC_RELAXED) &
		    __atomic_load_n(&b->bits, __ATOMIC_RELAXED);
	return dst->bits != 0;
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return __atomic_load_n(&m->bits, __ATOMIC_RELAXED) == 0;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned long bits = __atomic_load_n(&m->bits, __ATOMIC_RELAXED);
	unsigned int n = 0;

	for (; bits; bits &= bits - 1)	/* clears the lowest set bit */
		n++;
	return n;
}

static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	return (__atomic_load_n(&a->bits, __ATOMIC_RELAXED) &
		__atomic_load_n(&b->bits, __ATOMIC_RELAXED)) != 0;
}

/* The lowest CPU number in m at or after cpu, or NR_CPUS if none. */
static inline int cpumask_next_from(int cpu, const struct cpumask *m)
{
	unsigned long rest = cpu < NR_CPUS ? m->bits >> cpu : 0;

	return rest ? cpu + __builtin_ctzl(rest) : NR_CPUS;
}

#define for_each_cpu(cpu, mask)                                              \
	for ((cpu) = cpumask_next_from(0, mask); (cpu) < NR_CPUS;            \
	     (cpu) = cpumask_next_from((cpu) + 1, mask))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

#define cpu_online(cpu) cpumask_test_cpu(cpu, cpu_online_mask)
#define num_online_cpus() cpumask_weight(cpu_online_mask)

static inline void set_cpu_possible(int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_online(int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

#endif
