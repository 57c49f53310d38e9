/*
 * Which CPUs exist and which run: the boot CPU (0) is possible and online
 * from the start; arch/x86_64/smpboot.c adds the others as it finds and
 * starts them. Linux: kernel/cpu.c.
 */
#include <linux/cpumask.h>

struct cpumask __cpu_possible_mask = { 1UL };
struct cpumask __cpu_online_mask = { 1UL };
unsigned int nr_cpu_ids = 1;
