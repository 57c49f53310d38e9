/*
 * Fault injection: make the Nth allocation of a task fail, to test error
 * paths (every allocation in copy_process must be able to fail and unwind).
 * Like Linux's per-task fail-nth (Documentation/fault-injection/
 * fault-injection.rst, /proc/<pid>/task/<tid>/fail-nth): set
 * current->fail_nth = N and the Nth call to alloc_pages() or
 * kmem_cache_alloc() by this task fails; it is 0 again afterwards.
 * Here it is set from in-kernel tests (kernel/fork_test.c).
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>

/* Should this allocation fail? caller: who asked (for the message). Counts down current->fail_nth. */
bool should_fail_alloc(void *caller);

#endif
