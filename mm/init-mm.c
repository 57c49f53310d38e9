/*
 * init_mm: the kernel's own address space. It has no VMAs; its pgd is
 * swapper_pg_dir, whose upper half every other pgd shares. The idle task
 * and kernel threads that have not borrowed a user mm run on it.
 * Linux: mm/init-mm.c.
 */
#include <linux/mm.h>

struct mm_struct init_mm = {
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.pgd = swapper_pg_dir,
	.mm_users = { 2 },	/* never reaches 0: init_mm is not freed */
	/* One reference that is never dropped, one for init_task, whose
	 * active_mm it is from the start (Linux: sched_init()'s mmgrab). */
	.mm_count = { 2 },
	.mmap_lock = __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.task_size = TASK_SIZE,
};
