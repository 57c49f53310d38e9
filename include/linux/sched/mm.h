/*
 * The life of an mm_struct, and how tasks take one up and let it go.
 * Linux: include/linux/sched/mm.h (the functions are in kernel/fork.c,
 * kernel/exit.c, fs/exec.c and mm/mmu_context.c there; here they are all in
 * mm/mm_struct.c, beside the structure).
 *
 * Two counts (linux/mm_types.h): mm_users for tasks that use the address
 * space, mm_count for the struct itself. A task's own mm (tsk->mm) holds
 * one mm_users; all users together hold one mm_count; a CPU running a
 * kernel thread on a borrowed mm (tsk->active_mm, lazy TLB) holds an
 * mm_count, so the page tables it still has loaded stay alive.
 *
 * For exec (fs/exec.c), in this order:
 *	mm = mm_alloc();                             empty user half, kernel half shared
 *	setup_stack_vma(mm, STACK_TOP, size);        the stack area (linux/mm.h)
 *	access_remote_vm(mm, ..., FOLL_WRITE);       optional: write argv/envp first
 *	exec_mmap(mm);                               point of no return: now current->mm
 *	vm_mmap(NULL, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
 *	copy_to_user(addr, data, n);                 per PT_LOAD segment (pages fault in)
 *	vm_brk_flags(bss, len, 0);                   the rest of .bss, zeroed
 *	mm->start_code ... mm->start_brk = mm->brk = end of bss (page aligned up);
 *	mm->start_stack, arg_start/arg_end, env_start/env_end.
 * On failure before exec_mmap(): mmput(mm) frees everything.
 * For exit (kernel/exit.c do_exit): exit_mm().
 * For fork (kernel/fork.c copy_mm): CLONE_VM: mmget(oldmm); else dup_mm().
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/mm_types.h>

struct task_struct;

/* A new, empty address space: mm_users = mm_count = 1, a fresh pgd, the
 * default layout (mmap_base). NULL if out of memory. Linux: mm_alloc(). */
struct mm_struct *mm_alloc(void);

/* Another reference to the struct (not the address space). Linux: mmgrab(). */
static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

/* The last mm_count reference frees the pgd and the struct. Linux: __mmdrop(). */
void __mmdrop(struct mm_struct *mm);
static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

/* Another user of the address space (a CLONE_VM thread, vfork). Linux: mmget(). */
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* Drop a user; the last one tears the address space down (exit_mmap) and
 * drops the users' mm_count. May sleep. Linux: mmput(). */
void mmput(struct mm_struct *mm);

/* Fork without CLONE_VM: a copy of oldmm whose private pages are shared
 * copy-on-write, its shared mappings shared. NULL if out of memory (with
 * everything unwound). tsk is the child. Linux: kernel/fork.c dup_mm(). */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);

/* Exec: make mm (from mm_alloc) current's address space, load it, and drop
 * the old one (or, for a kernel thread such as init before its first exec,
 * the borrowed active_mm). Returns 0. Linux: fs/exec.c exec_mmap(). */
int exec_mmap(struct mm_struct *mm);

/* Exit: let go of current->mm (the task keeps running on it lazily until
 * its last switch away). Linux: kernel/exit.c exit_mm(). */
void exit_mm(void);

/* A kernel thread adopts mm as its address space (and lets go again), to
 * reach its user addresses with copy_to_user() and friends. The caller
 * holds an mm_users reference throughout. Linux: mm/mmu_context.c. */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* Slab cache for mm_structs; at boot. Linux: kernel/fork.c mm_cache_init(). */
void mm_cache_init(void);

#endif
