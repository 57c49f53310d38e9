/*
 * The life of an mm_struct (linux/sched/mm.h): creating one (mm_alloc,
 * dup_mm), its two reference counts (mmput, mmdrop), and the moments a task
 * takes one up or lets it go (exec_mmap, exit_mm, kthread_use_mm).
 * Linux keeps these in kernel/fork.c, fs/exec.c, kernel/exit.c and
 * mm/mmu_context.c; each function names its original.
 *
 * The rule that keeps page tables alive: a CPU's CR3 always holds the pgd
 * of current->active_mm, and whoever has an mm as active_mm holds an
 * mm_count reference on it. So the pgd is freed (__mmdrop) only once no CPU
 * can be using it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>

static struct kmem_cache *mm_cachep;

/*
 * Where mmap() starts its top-down search: below the stack with room for it
 * to grow to its limit, and at least 128 MiB below the top, as Linux does
 * with address-space randomisation off. Linux: arch/x86/mm/mmap.c
 * arch_pick_mmap_layout() -> mmap_base().
 */
static void arch_pick_mmap_layout(struct mm_struct *mm)
{
	const unsigned long gap_min = 128UL << 20, gap_max = mm->task_size / 6 * 5;
	unsigned long gap = min(max(_STK_LIM + STACK_GUARD_GAP, gap_min), gap_max);

	mm->mmap_base = PAGE_ALIGN(mm->task_size - gap);
}

/* Fresh counts, locks and an empty user half; the rest as the caller set it
 * (zero, or a copy of the parent's). Linux: kernel/fork.c mm_init(). */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	INIT_LIST_HEAD(&mm->mmap);
	mm->map_count = 0;
	mm->total_vm = mm->stack_vm = 0;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	cpumask_clear(mm_cpumask(mm));	/* loaded nowhere yet */
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* Linux: kernel/fork.c mm_alloc(). */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->task_size = TASK_SIZE;
	arch_pick_mmap_layout(mm);
	return mm_init(mm);
}

/* Linux: kernel/fork.c __mmdrop(). */
void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	WARN_ON(mm == current->active_mm || pgd_is_loaded(mm->pgd));
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/*
 * On a CPU where a kernel thread runs lazily on mm (borrowed after a task
 * of mm ran there): move it to the kernel's own init_mm and drop its
 * reference. From the IPI of cleanup_lazy_tlbs(), interrupts off.
 * Linux: kernel/fork.c do_shoot_lazy_tlb().
 */
static void do_shoot_lazy_tlb(void *arg)
{
	struct mm_struct *mm = arg;
	struct task_struct *tsk = current;

	if (tsk->mm || tsk->active_mm != mm)
		return;
	mmgrab(&init_mm);
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	mmdrop(mm);	/* never the last: mmput()'s caller still holds mm_users */
}

/*
 * The last user of mm is gone: no other CPU may keep it lazily loaded, or
 * its pgd (and mm_struct) would stay allocated until that CPU next runs a
 * user task. Linux: kernel/fork.c cleanup_lazy_tlbs() (there at __mmdrop,
 * as Linux does not count lazy users).
 */
static void cleanup_lazy_tlbs(struct mm_struct *mm)
{
	preempt_disable();
	smp_call_function_many(mm_cpumask(mm), do_shoot_lazy_tlb, mm);
	preempt_enable();
}

/* Linux: kernel/fork.c mmput() -> __mmput(). */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	cleanup_lazy_tlbs(mm);
	exit_mmap(mm);
	mmdrop(mm);
}

/* Linux: kernel/fork.c dup_mm(). */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);
	int err;

	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));	/* layout: brk, stack, args, mmap_base */
	if (!mm_init(mm))
		return NULL;
	err = dup_mmap(mm, oldmm);
	if (err) {
		mmput(mm);	/* frees what was copied, pages' references included */
		return NULL;
	}
	return mm;
}

/*
 * Linux: fs/exec.c exec_mmap(). Interrupts are off while current->mm,
 * active_mm and CR3 change, so no switch sees them disagree. A task that
 * had an mm drops it (mmput: the last user tears it down); a kernel thread
 * (init before its first exec) had only borrowed active_mm: mmdrop.
 * (fs/exec.c adds mm_release() for vfork before this.)
 */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;
	unsigned long flags;

	local_irq_save(flags);
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	activate_mm(active_mm, mm);
	local_irq_restore(flags);
	if (old_mm) {
		mmput(old_mm);
		return 0;
	}
	mmdrop(active_mm);
	return 0;
}

/*
 * Linux: kernel/exit.c exit_mm(). The task stops being a user of its mm
 * but keeps running on its page tables (as a kernel thread would, lazy TLB)
 * until its last switch away: it takes an mm_count reference for that,
 * which context_switch() passes on or drops. mmput() may tear the address
 * space down right here, while CR3 still points at its pgd; only the user
 * half goes, and the pgd stays until that last reference is dropped.
 * (kernel/exit.c adds mm_release() for vfork before this.)
 */
void exit_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	unsigned long flags;

	if (!mm)
		return;
	mmgrab(mm);	/* for active_mm, which stays */
	local_irq_save(flags);
	tsk->mm = NULL;
	enter_lazy_tlb(mm, tsk);
	local_irq_restore(flags);
	mmput(mm);
}

/* Linux: mm/mmu_context.c kthread_use_mm(). */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm;
	unsigned long flags;

	WARN_ON(tsk->mm);
	mmgrab(mm);
	local_irq_save(flags);
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	switch_mm(active_mm, mm, tsk);
	local_irq_restore(flags);
	mmdrop(active_mm);
}

/*
 * Linux: mm/mmu_context.c kthread_unuse_mm(). Linux stays on mm lazily
 * (CR3 unchanged) until the next switch; here the thread goes back to
 * init_mm at once, so that the caller's mmput() can free everything now
 * (in-kernel tests count free pages exactly).
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	WARN_ON(tsk->mm != mm);
	mmgrab(&init_mm);
	local_irq_save(flags);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	local_irq_restore(flags);
	mmdrop(mm);
}

/* Linux: kernel/fork.c mm_cache_init(). */
void __init mm_cache_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64, SLAB_PANIC,
				      NULL);
}
