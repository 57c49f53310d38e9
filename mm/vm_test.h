/*
 * Helpers shared by the address-space tests (mmap_test.c, fault_test.c).
 * The tests run in kernel_init before it execs anything, so the task has no
 * mm of its own: test_mm_enter() gives it a fresh one, and from there
 * vm_mmap(), the system calls and copy_to_user() act on that mm exactly as
 * they would for a user program (faults included).
 */
#ifndef _MM_VM_TEST_H
#define _MM_VM_TEST_H

#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define PG PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

#define sys_mmap(a, l, p, f, fd, o) ktest_syscall(__NR_mmap, a, l, p, f, (unsigned long)(fd), o)
#define sys_munmap(a, l) ktest_syscall(__NR_munmap, a, l, 0, 0, 0, 0)
#define sys_mprotect(a, l, p) ktest_syscall(__NR_mprotect, a, l, p, 0, 0, 0)
#define sys_brk(b) ((unsigned long)ktest_syscall(__NR_brk, b, 0, 0, 0, 0, 0))

/* A new, empty mm that the current task now runs on. */
static inline struct mm_struct *test_mm_enter(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm)
		kthread_use_mm(mm);
	return mm;
}

/* Back to no mm; the mm's last user goes, so everything in it is freed. */
static inline void test_mm_leave(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

/* The pte for addr in mm, or NULL if no page table covers it. */
static inline pte_t *test_pte(struct mm_struct *mm, unsigned long addr)
{
	return walk_to_pte(mm->pgd, addr, false);
}

/* The page mapped at addr in mm, or NULL. */
static inline struct page *test_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = test_pte(mm, addr);

	return pte && pte_present(*pte) ? pte_page(*pte) : NULL;
}

/* Write one byte at user address addr of the current mm: 0 or -EFAULT. */
static inline int poke(unsigned long addr, char v)
{
	return copy_to_user((char __user *)addr, &v, 1) ? -EFAULT : 0;
}

/* Read one byte at user address addr, or -EFAULT. */
static inline int peek(unsigned long addr)
{
	char v;

	return copy_from_user(&v, (const char __user *)addr, 1) ? -EFAULT : (unsigned char)v;
}

#endif
