/*
 * The first task: the code that booted, which becomes CPU 0's idle task
 * ("swapper/0", pid 0). Its kernel stack is the boot stack from boot/head.S.
 * Every other task descends from it. Linux: init/init_task.c.
 */
#include <linux/cred.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

extern char init_stack[];
extern struct sighand_struct init_sighand;

struct signal_struct init_signals = {
	.sigcnt = ATOMIC_INIT(1),
	.live = ATOMIC_INIT(1),
	.nr_threads = 1,
	.thread_head = LIST_HEAD_INIT(init_task.thread_node),
	.shared_pending = { .list = LIST_HEAD_INIT(init_signals.shared_pending.list) },
	.real_timer = { .entry = LIST_HEAD_INIT(init_signals.real_timer.entry) },
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.rlim = INIT_RLIMITS,
};	/* boot/head.S: THREAD_SIZE bytes */

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.stack = init_stack,
	.active_mm = &init_mm,	/* the kernel's address space: swapper_pg_dir */
	.usage = 2,
	.on_rq = 0,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.pi_lock = __SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.cpus_mask = { ~0UL },	/* every CPU; children inherit it */
	.exit_signal = 0,
	.pid = 0,
	.tgid = 0,
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.thread_node = LIST_HEAD_INIT(init_signals.thread_head),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.comm = "swapper/0",
	.sighand = &init_sighand,
	.signal = &init_signals,
	.pending = { .list = LIST_HEAD_INIT(init_task.pending.list) },
	.real_cred = &init_cred,
	.cred = &init_cred,
};
