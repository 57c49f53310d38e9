/*
 * Tests for areas and their system calls (mm/mmap.c, mm/mprotect.c): where
 * mmap puts things, the errno of each bad argument, splitting and merging,
 * mprotect's effect on ptes, brk, and stack growth. The errno cases are
 * the ones user/mmap.c and user/brk.c check from user space on Linux.
 */
#include <linux/mmap_lock.h>
#include "vm_test.h"

#define DEFAULT_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT)

/* Expect an area exactly [start, end) with these flags to hold addr. */
#define EXPECT_VMA(test, mm, addr, start, end, flags)                                   \
	do {                                                                            \
		struct vm_area_struct *__v = vma_lookup(mm, addr);                     \
		if (KTEST_EXPECT_NOT_NULL(test, __v)) {                                \
			KTEST_EXPECT_EQ(test, __v->vm_start, start);                   \
			KTEST_EXPECT_EQ(test, __v->vm_end, end);                       \
			KTEST_EXPECT_EQ(test, __v->vm_flags, flags);                   \
		}                                                                       \
	} while (0)

/* The first mapping goes just below mmap_base, the next just below it and
 * merges with it; a different protection makes a separate area; a free
 * hint is honoured, a taken one is not. */
static void mmap_topdown_placement_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long a, b, c, d;

	KTEST_ASSERT_NOT_NULL(test, mm);
	KTEST_EXPECT_EQ(test, mm->mmap_base, TASK_SIZE - (128UL << 20));
	a = vm_mmap(NULL, 0, 4 * PG, RW, ANON, 0);
	KTEST_EXPECT_EQ(test, a, mm->mmap_base - 4 * PG);
	b = vm_mmap(NULL, 0, 2 * PG, RW, ANON, 0);
	KTEST_EXPECT_EQ(test, b, a - 2 * PG);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	EXPECT_VMA(test, mm, b, b, a + 4 * PG, DEFAULT_FLAGS);
	KTEST_EXPECT_EQ(test, mm->total_vm, 6);

	c = vm_mmap(NULL, 0, PG, PROT_READ, ANON, 0);
	KTEST_EXPECT_EQ(test, c, b - PG);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	EXPECT_VMA(test, mm, c, c, b, VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC);

	d = vm_mmap(NULL, 0x40000000, PG, RW, ANON, 0);
	KTEST_EXPECT_EQ(test, d, 0x40000000);
	d = vm_mmap(NULL, b, PG, RW, ANON, 0);
	KTEST_EXPECT_TRUE(test, !IS_ERR_VALUE(d) && (d < c || d >= a + 4 * PG));
	test_mm_leave(mm);
}

/* Each bad argument gets Linux's errno, through the system calls. */
static void mmap_errno_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long a, big;
	int areas;

	KTEST_ASSERT_NOT_NULL(test, mm);
	a = vm_mmap(NULL, 0, PG, RW, ANON, 0);
	areas = mm->map_count;
	KTEST_EXPECT_EQ(test, sys_mmap(0, 0, RW, ANON, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, sys_mmap(a + 1, PG, RW, ANON | MAP_FIXED, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, ANON, -1, 1), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, MAP_PRIVATE, -1, 0), -EBADF);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, MAP_PRIVATE, 3, 0), -ENODEV);
	KTEST_EXPECT_EQ(test, sys_mmap(0, 1UL << 62, RW, ANON, -1, 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, sys_mmap(TASK_SIZE, PG, RW, ANON | MAP_FIXED, -1, 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, sys_mmap(0x1000, PG, RW, ANON | MAP_FIXED, -1, 0), -EPERM);
	KTEST_EXPECT_EQ(test, sys_mmap(a, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
	KTEST_EXPECT_EQ(test, sys_mmap(0, PG, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0),
			-EINVAL);
	/* More than all of RAM, private and writable: refused, unless MAP_NORESERVE. */
	big = (totalram_pages() + 1) * PG;
	KTEST_EXPECT_EQ(test, sys_mmap(0, big, RW, ANON, -1, 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, mm->map_count, areas);

	KTEST_EXPECT_EQ(test, sys_mmap(a + 4 * PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
			a + 4 * PG);
	a = sys_mmap(0, big, RW, ANON | MAP_NORESERVE, -1, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, sys_munmap(a, big), 0);

	KTEST_EXPECT_EQ(test, sys_munmap(a + 1, PG), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_munmap(a, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_munmap(TASK_SIZE, PG), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_munmap(a, PG), 0);	/* nothing there: not an error */
	test_mm_leave(mm);
}

/* munmap in the middle splits an area in two; MAP_FIXED fills the hole
 * (merging back) or replaces pages; the data outside stays. */
static void munmap_split_merge_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long p;

	KTEST_ASSERT_NOT_NULL(test, mm);
	p = vm_mmap(NULL, 0, 16 * PG, RW, ANON, 0);
	for (int i = 0; i < 16; i++)
		KTEST_EXPECT_EQ(test, poke(p + i * PG, 'a' + i), 0);

	KTEST_EXPECT_EQ(test, sys_munmap(p + 4 * PG, 4 * PG), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, mm->total_vm, 12);
	EXPECT_VMA(test, mm, p, p, p + 4 * PG, DEFAULT_FLAGS);
	EXPECT_VMA(test, mm, p + 8 * PG, p + 8 * PG, p + 16 * PG, DEFAULT_FLAGS);
	KTEST_EXPECT_EQ(test, peek(p + 5 * PG), -EFAULT);
	KTEST_EXPECT_NULL(test, test_page(mm, p + 5 * PG));
	KTEST_EXPECT_EQ(test, peek(p + 3 * PG), 'd');
	KTEST_EXPECT_EQ(test, peek(p + 8 * PG), 'i');

	KTEST_EXPECT_EQ(test, sys_mmap(p + 4 * PG, 4 * PG, RW, ANON | MAP_FIXED, -1, 0), p + 4 * PG);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	EXPECT_VMA(test, mm, p, p, p + 16 * PG, DEFAULT_FLAGS);
	KTEST_EXPECT_EQ(test, peek(p + 5 * PG), 0);

	KTEST_EXPECT_EQ(test, sys_mmap(p + 10 * PG, 2 * PG, PROT_READ, ANON | MAP_FIXED, -1, 0),
			p + 10 * PG);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	KTEST_EXPECT_EQ(test, mm->total_vm, 16);
	KTEST_EXPECT_EQ(test, peek(p + 10 * PG), 0);	/* replaced by a zero page */
	KTEST_EXPECT_EQ(test, peek(p + 9 * PG), 'j');
	KTEST_EXPECT_EQ(test, peek(p + 12 * PG), 'm');

	/* One munmap across three areas and the hole between them. */
	KTEST_EXPECT_EQ(test, sys_munmap(p + PG, 14 * PG), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, mm->total_vm, 2);
	KTEST_EXPECT_EQ(test, sys_munmap(p, 16 * PG), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_EQ(test, mm->total_vm, 0);
	test_mm_leave(mm);
}

/* mprotect splits and merges areas, rewrites the ptes already there (data
 * kept), and gives Linux's errnos; a hole stops it with ENOMEM after the
 * part before the hole was changed. */
static void mprotect_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long p;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(test, mm);
	p = vm_mmap(NULL, 0, 4 * PG, RW, ANON, 0);
	for (int i = 0; i < 4; i++)
		poke(p + i * PG, 'a' + i);

	KTEST_EXPECT_EQ(test, sys_mprotect(p + PG, PG, PROT_READ), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	pte = test_pte(mm, p + PG);
	KTEST_ASSERT_NOT_NULL(test, pte);
	KTEST_EXPECT_TRUE(test, pte_present(*pte) && !pte_write(*pte));
	KTEST_EXPECT_TRUE(test, pte_write(*test_pte(mm, p)));
	KTEST_EXPECT_EQ(test, poke(p + PG, 'x'), -EFAULT);
	KTEST_EXPECT_EQ(test, peek(p + PG), 'b');

	KTEST_EXPECT_EQ(test, sys_mprotect(p + 2 * PG, PG, PROT_NONE), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 4);
	KTEST_EXPECT_TRUE(test, pte_protnone(*test_pte(mm, p + 2 * PG)));
	KTEST_EXPECT_EQ(test, peek(p + 2 * PG), -EFAULT);

	KTEST_EXPECT_EQ(test, sys_mprotect(p, 4 * PG, RW), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	EXPECT_VMA(test, mm, p, p, p + 4 * PG, DEFAULT_FLAGS);
	/* Only this mm maps the pages: writable again without a fault. */
	KTEST_EXPECT_TRUE(test, pte_write(*test_pte(mm, p + 2 * PG)));
	KTEST_EXPECT_EQ(test, peek(p + 2 * PG), 'c');
	KTEST_EXPECT_EQ(test, poke(p + PG, 'y'), 0);

	KTEST_EXPECT_EQ(test, sys_mprotect(p + 1, PG, PROT_READ), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, PG, 0x100), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, PG, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP),
			-EINVAL);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, PG, PROT_READ | PROT_GROWSUP), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, PG, PROT_READ | PROT_GROWSDOWN), -EINVAL);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, 0, PROT_READ), 0);
	KTEST_EXPECT_EQ(test, sys_mprotect(p - 16 * PG, PG, PROT_READ), -ENOMEM);
	KTEST_EXPECT_EQ(test, sys_mprotect(p + 4 * PG, PG, PROT_READ), -ENOMEM);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);

	KTEST_EXPECT_EQ(test, sys_munmap(p + PG, PG), 0);
	KTEST_EXPECT_EQ(test, sys_mprotect(p, 4 * PG, PROT_READ), -ENOMEM);
	KTEST_EXPECT_EQ(test, vma_lookup(mm, p)->vm_flags & VM_WRITE, 0);	/* changed */
	KTEST_EXPECT_NE(test, vma_lookup(mm, p + 2 * PG)->vm_flags & VM_WRITE, 0);	/* not */
	test_mm_leave(mm);
}

/* brk returns the new break or the old one; shrinking gives pages back. */
static void brk_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long start = 0x600100, top = start + (1UL << 20), cut = PAGE_ALIGN(start + 0x40000);
	unsigned long before;

	KTEST_ASSERT_NOT_NULL(test, mm);
	mm->start_brk = mm->brk = start;
	KTEST_EXPECT_EQ(test, sys_brk(0), start);
	KTEST_EXPECT_EQ(test, sys_brk(top), top);
	KTEST_EXPECT_EQ(test, sys_brk(0), top);
	EXPECT_VMA(test, mm, PAGE_ALIGN(start), PAGE_ALIGN(start), PAGE_ALIGN(top), DEFAULT_FLAGS);
	KTEST_EXPECT_EQ(test, peek(top - 1), 0);
	for (unsigned long a = cut; a < top; a += PG)
		KTEST_EXPECT_EQ(test, poke(a, 7), 0);

	before = ktest_free_pages();
	KTEST_EXPECT_EQ(test, sys_brk(cut), cut);
	KTEST_EXPECT_EQ(test, ktest_free_pages() - before, (PAGE_ALIGN(top) - cut) / PG);
	KTEST_EXPECT_EQ(test, peek(cut), -EFAULT);
	KTEST_EXPECT_EQ(test, sys_brk(top), top);
	KTEST_EXPECT_EQ(test, peek(cut), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);

	KTEST_EXPECT_EQ(test, sys_brk(PG), top);	/* below start_brk */
	KTEST_EXPECT_EQ(test, sys_brk(start - 1), top);
	KTEST_EXPECT_EQ(test, sys_brk(-PG), top);
	vm_mmap(NULL, PAGE_ALIGN(top) + (1UL << 20), PG, RW, ANON | MAP_FIXED, 0);
	KTEST_EXPECT_EQ(test, sys_brk(top + (2UL << 20)), top);	/* into a mapping */
	KTEST_EXPECT_EQ(test, sys_brk(start), start);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);	/* only the mapping is left */
	test_mm_leave(mm);
}

/* A touch below a stack grows it, up to the stack limit and not into the
 * guard gap above another area. */
static void stack_growth_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	struct vm_area_struct *stack;

	KTEST_ASSERT_NOT_NULL(test, mm);
	KTEST_ASSERT_EQ(test, setup_stack_vma(mm, STACK_TOP, 4 * PG), 0);
	KTEST_EXPECT_EQ(test, mm->start_stack, STACK_TOP);
	EXPECT_VMA(test, mm, STACK_TOP - PG, STACK_TOP - 4 * PG, STACK_TOP, VM_STACK_FLAGS);
	stack = vma_lookup(mm, STACK_TOP - PG);
	KTEST_ASSERT_NOT_NULL(test, stack);

	KTEST_EXPECT_EQ(test, poke(STACK_TOP - 64 * 1024, 1), 0);
	KTEST_EXPECT_EQ(test, stack->vm_start, STACK_TOP - 64 * 1024);
	KTEST_EXPECT_EQ(test, mm->stack_vm, 16);
	KTEST_EXPECT_EQ(test, poke(STACK_TOP - _STK_LIM, 1), 0);
	KTEST_EXPECT_EQ(test, poke(STACK_TOP - _STK_LIM - PG, 1), -EFAULT);
	KTEST_EXPECT_EQ(test, stack->vm_start, STACK_TOP - _STK_LIM);

	/* A second stack-like area below another mapping keeps the guard gap. */
	unsigned long m = vm_mmap(NULL, 0x10000000, PG, RW, ANON, 0);
	unsigned long s = vm_mmap(NULL, m + (2UL << 20), PG, RW, ANON | MAP_GROWSDOWN, 0);

	KTEST_ASSERT_EQ(test, s, m + (2UL << 20));
	KTEST_EXPECT_EQ(test, poke(s - PG, 1), 0);
	KTEST_EXPECT_EQ(test, poke(m + PG + STACK_GUARD_GAP - PG, 1), -EFAULT);
	test_mm_leave(mm);
}

/* MADV_DONTNEED drops private pages (zero at the next touch) and keeps
 * shared memory's contents; bad advice and holes get Linux's errnos. */
static void madvise_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long p, s, before;

	KTEST_ASSERT_NOT_NULL(test, mm);
	p = vm_mmap(NULL, 0, 4 * PG, RW, ANON, 0);
	s = vm_mmap(NULL, 0, PG, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	for (int i = 0; i < 4; i++)
		poke(p + i * PG, 'a' + i);
	poke(s, 's');
	before = ktest_free_pages();
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p + PG, 2 * PG, 4, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ktest_free_pages() - before, 2);
	KTEST_EXPECT_EQ(test, peek(p), 'a');
	KTEST_EXPECT_EQ(test, peek(p + PG), 0);
	KTEST_EXPECT_EQ(test, peek(p + 3 * PG), 'd');
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, s, PG, 4, 0, 0, 0), 0);
	KTEST_EXPECT_NULL(test, test_page(mm, s));
	KTEST_EXPECT_EQ(test, peek(s), 's');
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, s, PG, 8, 0, 0, 0), -EINVAL);

	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p + 1, PG, 4, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p, PG, 10, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p, 0, 4, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p, PG, 3, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, sys_munmap(p + PG, PG), 0);
	KTEST_EXPECT_EQ(test, ktest_syscall(__NR_madvise, p, 4 * PG, 4, 0, 0, 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, peek(p + 3 * PG), 0);	/* the part after the hole was done */
	test_mm_leave(mm);
}

KTEST_SUITE(mmap, KTEST_CASE(mmap_topdown_placement_test), KTEST_CASE(mmap_errno_test),
	    KTEST_CASE(munmap_split_merge_test), KTEST_CASE(mprotect_test), KTEST_CASE(brk_test),
	    KTEST_CASE(stack_growth_test), KTEST_CASE(madvise_test));
