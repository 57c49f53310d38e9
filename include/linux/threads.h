/* How many CPUs the kernel is built for. Linux: include/linux/threads.h (CONFIG_NR_CPUS). */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define NR_CPUS 8

#endif
