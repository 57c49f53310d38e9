/*
 * Tests for page faults and whole address spaces (mm/memory.c,
 * mm/mm_struct.c, arch/x86_64/fault.c): demand-zero pages through the real
 * fault path, the exception-table fixup when a fault cannot be satisfied,
 * copy-on-write (reuse or copy by reference count), fork's dup_mm with
 * private and shared memory, exact page counts after teardown, and address
 * spaces switched by the scheduler and dropped lazily after exit.
 */
#include <linux/completion.h>
#include <linux/mmap_lock.h>
#include <linux/sched/task.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include "vm_test.h"

/* Pages touched for the first time read zero and cost exactly one page
 * each, plus the page tables (pud, pmd, pte) that first reach them. */
static void demand_zero_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	static char buf[8 * PAGE_SIZE];
	unsigned long p, before;
	bool zero = true;

	KTEST_ASSERT_NOT_NULL(test, mm);
	p = vm_mmap(NULL, 0, 8 * PG, RW, ANON, 0);
	KTEST_EXPECT_NULL(test, test_pte(mm, p));
	memset(buf, 0x5a, sizeof(buf));
	before = ktest_free_pages();
	KTEST_EXPECT_EQ(test, copy_from_user(buf, (void __user *)p, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(test, before - ktest_free_pages(), 8 + 3);
	for (unsigned long i = 0; i < sizeof(buf); i++)
		zero &= buf[i] == 0;
	KTEST_EXPECT_TRUE(test, zero);
	for (int i = 0; i < 8; i++) {
		struct page *page = test_page(mm, p + i * PG);

		KTEST_ASSERT_NOT_NULL(test, page);
		KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
		KTEST_EXPECT_TRUE(test, pte_write(*test_pte(mm, p + i * PG)));
	}
	/* The same bytes through the MMU and through the direct map. */
	KTEST_EXPECT_EQ(test, poke(p + 3 * PG + 5, 'q'), 0);
	KTEST_EXPECT_EQ(test, ((char *)page_address(test_page(mm, p + 3 * PG)))[5], 'q');
	test_mm_leave(mm);
}

/* A kernel access the address space cannot satisfy ends in the
 * exception-table fixup: the copy stops exactly at the bad page. */
static void uaccess_fixup_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	char buf[64] = "fill", str[32];
	unsigned long rw, ro, none;

	KTEST_ASSERT_NOT_NULL(test, mm);
	rw = vm_mmap(NULL, 0x20000000, 2 * PG, RW, ANON | MAP_FIXED, 0);
	ro = vm_mmap(NULL, rw + 4 * PG, PG, PROT_READ, ANON | MAP_FIXED, 0);
	none = vm_mmap(NULL, rw + 6 * PG, PG, PROT_NONE, ANON | MAP_FIXED, 0);

	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)ro, buf, 8), 8);
	KTEST_EXPECT_EQ(test, copy_from_user(buf, (void __user *)ro, 8), 0);	/* reads zero */
	KTEST_EXPECT_EQ(test, copy_from_user(buf, (void __user *)none, 8), 8);
	KTEST_EXPECT_EQ(test, buf[0], 0);	/* the part not copied is zeroed */
	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)(rw + 2 * PG), buf, 8), 8);
	KTEST_EXPECT_EQ(test, clear_user((void __user *)ro, 8), 8);
	/* 64 bytes across the end of the RW area: the first 24 land. */
	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)(rw + 2 * PG - 24), buf, 64), 40);

	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)(rw + 2 * PG - 6), "hello", 6), 0);
	KTEST_EXPECT_EQ(test, strncpy_from_user(str, (void __user *)(rw + 2 * PG - 6), 32), 5);
	KTEST_EXPECT_STREQ(test, str, "hello");
	KTEST_EXPECT_EQ(test, poke(rw + 2 * PG - 1, 'x'), 0);	/* now no NUL before the end */
	KTEST_EXPECT_EQ(test, strncpy_from_user(str, (void __user *)(rw + 2 * PG - 6), 32),
			-EFAULT);
	test_mm_leave(mm);
}

/* Fill in an area of a new mm by hand (vm_mmap works on current's only). */
static struct vm_area_struct *add_vma(struct mm_struct *mm, unsigned long start,
				      unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	mmap_write_lock(mm);
	if (insert_vm_struct(mm, vma)) {
		vm_area_free(vma);
		vma = NULL;
	}
	mmap_write_unlock(mm);
	return vma;
}

/*
 * Copy-on-write in do_wp_page(), on an mm nobody runs: a read-only pte of
 * a writable area whose page has another reference gets a copy; once this
 * pte holds the only reference, the page is reused in place.
 */
static void wp_copy_and_reuse_test(struct ktest *test)
{
	unsigned long addr = 0x400000, before = ktest_free_pages();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	struct page *old, *new;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(test, mm);
	vma = add_vma(mm, addr, addr + PG, VM_READ | VM_WRITE);
	KTEST_ASSERT_NOT_NULL(test, vma);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, addr, FAULT_FLAG_WRITE, NULL), 0);
	pte = test_pte(mm, addr);
	old = pte_page(*pte);
	strscpy(page_address(old), "original", PAGE_SIZE);

	/* As fork leaves it: a second reference, the pte write-protected. */
	get_page(old);
	ptep_set_wrprotect(pte);
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, addr + 8, FAULT_FLAG_WRITE, NULL), 0);
	new = pte_page(*pte);
	KTEST_EXPECT_NE(test, page_to_pfn(new), page_to_pfn(old));
	KTEST_EXPECT_TRUE(test, pte_write(*pte));
	KTEST_EXPECT_STREQ(test, page_address(new), "original");
	KTEST_EXPECT_EQ(test, page_ref_count(old), 1);	/* only ours is left */
	KTEST_EXPECT_EQ(test, page_ref_count(new), 1);

	/* The only reference: made writable in place. */
	ptep_set_wrprotect(pte);
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, addr, FAULT_FLAG_WRITE, NULL), 0);
	KTEST_EXPECT_EQ(test, page_to_pfn(pte_page(*pte)), page_to_pfn(new));
	KTEST_EXPECT_TRUE(test, pte_write(*pte));
	/* A read of a present page changes nothing. */
	KTEST_EXPECT_EQ(test, handle_mm_fault(vma, addr, 0, NULL), 0);
	KTEST_EXPECT_EQ(test, page_to_pfn(pte_page(*pte)), page_to_pfn(new));
	mmap_read_unlock(mm);

	put_page(old);
	mmput(mm);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* exit_mmap() gives back every page, page table and VMA: private, shared,
 * split and protected areas spread over several pgd entries. */
static void exit_mmap_frees_everything_test(struct ktest *test)
{
	static const unsigned long where[] = { 0x10000, 0x3ff000, 0x40000000, 0x7f0000000000 };
	unsigned long before = ktest_free_pages(), p;
	struct mm_struct *mm = test_mm_enter();

	KTEST_ASSERT_NOT_NULL(test, mm);
	for (unsigned int i = 0; i < ARRAY_SIZE(where); i++) {
		p = vm_mmap(NULL, where[i], 3 * PG, RW, ANON | MAP_FIXED, 0);
		KTEST_EXPECT_EQ(test, p, where[i]);
		for (int j = 0; j < 3; j++)
			poke(p + j * PG, 1);
	}
	p = vm_mmap(NULL, 0, 5 * PG, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	for (int j = 0; j < 5; j++)
		poke(p + j * PG, 2);
	KTEST_EXPECT_EQ(test, sys_munmap(p + 2 * PG, PG), 0);
	KTEST_EXPECT_EQ(test, sys_mprotect(0x40000000 + PG, PG, PROT_NONE), 0);
	KTEST_EXPECT_EQ(test, setup_stack_vma(mm, STACK_TOP, 4 * PG), 0);
	poke(STACK_TOP - 20 * PG, 3);
	KTEST_EXPECT_EQ(test, mm->map_count, 9);
	test_mm_leave(mm);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* munmap frees the page tables that only served the unmapped range. */
static void munmap_frees_page_tables_test(struct ktest *test)
{
	struct mm_struct *mm = test_mm_enter();
	unsigned long before, p;

	KTEST_ASSERT_NOT_NULL(test, mm);
	vm_mmap(NULL, 0x1000000, PG, RW, ANON | MAP_FIXED, 0);
	poke(0x1000000, 1);
	before = ktest_free_pages();
	p = vm_mmap(NULL, 0x8000000000, 2 * PG, RW, ANON | MAP_FIXED, 0);	/* pgd entry 1 */
	poke(p, 1);
	poke(p + PG, 1);
	KTEST_EXPECT_EQ(test, before - ktest_free_pages(), 2 + 3);
	KTEST_EXPECT_EQ(test, sys_munmap(p, 2 * PG), 0);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
	KTEST_EXPECT_TRUE(test, pgd_none(mm->pgd[1]));
	KTEST_EXPECT_EQ(test, peek(0x1000000), 1);
	test_mm_leave(mm);
}

/* fork's dup_mm: private pages shared read-only with their reference
 * counts raised, then copied by whichever side writes first; MAP_SHARED
 * memory stays one memory, also pages first touched after the fork. */
static void dup_mm_cow_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages(), priv, shared;
	struct mm_struct *parent = test_mm_enter(), *child;
	struct page *page;
	char c;

	KTEST_ASSERT_NOT_NULL(test, parent);
	priv = vm_mmap(NULL, 0, 2 * PG, RW, ANON, 0);
	shared = vm_mmap(NULL, 0, 4 * PG, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	poke(priv, 'p');
	poke(shared, 's');
	parent->start_brk = parent->brk = 0x600000;

	child = dup_mm(NULL, parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_EQ(test, child->map_count, parent->map_count);
	KTEST_EXPECT_EQ(test, child->total_vm, parent->total_vm);
	KTEST_EXPECT_EQ(test, child->brk, 0x600000);
	KTEST_EXPECT_NE(test, child->pgd, parent->pgd);
	page = test_page(parent, priv);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, test_page(child, priv), page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	KTEST_EXPECT_FALSE(test, pte_write(*test_pte(parent, priv)));
	KTEST_EXPECT_FALSE(test, pte_write(*test_pte(child, priv)));
	KTEST_EXPECT_NULL(test, test_page(child, shared));	/* found again at fault time */

	/* The child writes: it gets its own copy; the parent keeps 'p'. */
	c = 'c';
	KTEST_EXPECT_EQ(test, access_remote_vm(child, priv, &c, 1, FOLL_WRITE), 1);
	KTEST_EXPECT_NE(test, test_page(child, priv), page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_EQ(test, peek(priv), 'p');
	/* The parent writes: its page is its own now, reused without a copy. */
	KTEST_EXPECT_EQ(test, poke(priv, 'P'), 0);
	KTEST_EXPECT_EQ(test, test_page(parent, priv), page);
	KTEST_EXPECT_EQ(test, access_remote_vm(child, priv, &c, 1, 0), 1);
	KTEST_EXPECT_EQ(test, c, 'c');

	/* Shared: the child sees the parent's page and writes through it; a page
	 * the child touches first is the parent's too. */
	KTEST_EXPECT_EQ(test, access_remote_vm(child, shared, &c, 1, 0), 1);
	KTEST_EXPECT_EQ(test, c, 's');
	c = 'S';
	KTEST_EXPECT_EQ(test, access_remote_vm(child, shared, &c, 1, FOLL_WRITE), 1);
	KTEST_EXPECT_EQ(test, access_remote_vm(child, shared + 3 * PG, &c, 1, FOLL_WRITE), 1);
	KTEST_EXPECT_EQ(test, peek(shared), 'S');
	KTEST_EXPECT_EQ(test, peek(shared + 3 * PG), 'S');
	KTEST_EXPECT_EQ(test, test_page(child, shared), test_page(parent, shared));
	KTEST_EXPECT_EQ(test, shmem_object_nr_resident(vma_lookup(parent, shared)->vm_shmem), 2);
	/* ... and outlives the child. */
	mmput(child);
	KTEST_EXPECT_EQ(test, poke(shared + 3 * PG, 'T'), 0);
	KTEST_EXPECT_EQ(test, peek(shared + 3 * PG), 'T');
	KTEST_EXPECT_EQ(test, page_ref_count(test_page(parent, shared)), 2);	/* pte + object */
	test_mm_leave(parent);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/*
 * fork when memory runs out: dup_mm() is given one more free page each try,
 * so it fails at each of its allocations in turn (mm_struct, pgd, VMAs,
 * page tables at every level) and must give back all it took every time;
 * in the end it succeeds. Linux: dup_mm()'s failure path (mmput of the
 * partial copy), the goal of issue 4's fail_nth test.
 */
static void dup_mm_enomem_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages(), budget, failures = 0, p;
	struct mm_struct *parent = test_mm_enter(), *child = NULL;
	struct page *page, *next;
	LIST_HEAD(taken);
	char c = 0;

	KTEST_ASSERT_NOT_NULL(test, parent);
	vm_mmap(NULL, 0x400000, 4 * PG, RW, ANON | MAP_FIXED, 0);
	vm_mmap(NULL, 0x8040000000, 2 * PG, RW, ANON | MAP_FIXED, 0);
	p = vm_mmap(NULL, 0, 2 * PG, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	for (int i = 0; i < 4; i++)
		poke(0x400000 + i * PG, 'a' + i);
	poke(0x8040000000 + PG, 'z');
	poke(p, 's');

	drop_slab();	/* from here on every slab page in use holds a live object */
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		list_add(&page->lru, &taken);
	printk("        # dup_mm_enomem_test: 'page allocation failure' lines follow\n");
	for (budget = 0; budget < 64; budget++) {
		child = dup_mm(NULL, parent);
		if (child)
			break;
		failures++;
		drop_slab();
		if (!KTEST_EXPECT_EQ(test, nr_free_pages(), budget))
			break;
		page = list_first_entry(&taken, struct page, lru);	/* one more page */
		list_del(&page->lru);
		__free_page(page);
	}
	list_for_each_entry_safe(page, next, &taken, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	KTEST_EXPECT_GT(test, failures, 5);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_EQ(test, child->map_count, parent->map_count);
	KTEST_EXPECT_EQ(test, access_remote_vm(child, 0x8040000000 + PG, &c, 1, 0), 1);
	KTEST_EXPECT_EQ(test, c, 'z');
	KTEST_EXPECT_EQ(test, page_ref_count(test_page(parent, 0x400000 + 3 * PG)), 2);
	mmput(child);
	KTEST_EXPECT_EQ(test, page_ref_count(test_page(parent, 0x400000 + 3 * PG)), 1);
	test_mm_leave(parent);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* exec_mmap() makes a new mm current and loaded; a kernel thread (as init
 * is before its first exec) drops the mm it had borrowed. exit_mm() gives
 * up the address space (its pages go at once) but keeps running on its
 * page tables (lazy TLB) until it loads another mm. */
static void exec_mmap_exit_mm_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	struct mm_struct *mm = mm_alloc(), *other;

	KTEST_ASSERT_NOT_NULL(test, mm);
	KTEST_ASSERT_TRUE(test, current->mm == NULL);
	KTEST_EXPECT_EQ(test, exec_mmap(mm), 0);
	KTEST_EXPECT_EQ(test, current->mm, mm);
	KTEST_EXPECT_EQ(test, current->active_mm, mm);
	KTEST_EXPECT_TRUE(test, pgd_is_loaded(mm->pgd));
	KTEST_EXPECT_EQ(test, vm_mmap(NULL, 0x400000, PG, RW, ANON | MAP_FIXED, 0), 0x400000);
	KTEST_EXPECT_EQ(test, poke(0x400000, 1), 0);
	KTEST_EXPECT_EQ(test, vm_brk_flags(0x401000, 3 * PG, 0), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);	/* merged with the page below */
	KTEST_EXPECT_EQ(test, peek(0x403000), 0);

	exit_mm();
	KTEST_EXPECT_NULL(test, current->mm);
	KTEST_EXPECT_EQ(test, current->active_mm, mm);
	KTEST_EXPECT_TRUE(test, pgd_is_loaded(mm->pgd));
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 1);
	other = test_mm_enter();	/* drops mm: the pgd goes too */
	KTEST_ASSERT_NOT_NULL(test, other);
	test_mm_leave(other);
	KTEST_EXPECT_TRUE(test, pgd_is_loaded(init_mm.pgd));
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/* Two threads on two address spaces, one user address: each sees its own
 * page across many switches (context_switch() loads CR3). */
struct mm_thread {
	struct mm_struct *mm;
	struct completion done;
	char seen;	/* what the thread last read, 0 if something went wrong */
};

static int mm_thread_fn(void *arg)
{
	struct mm_thread *t = arg;
	char mine = t->seen;

	kthread_use_mm(t->mm);
	t->seen = 0;
	if (!poke(0x500000, mine)) {
		for (int i = 0; i < 50; i++) {
			yield();
			if (peek(0x500000) != mine)
				break;
			t->seen = mine;
		}
	}
	kthread_unuse_mm(t->mm);
	complete(&t->done);
	return 0;
}

static void switch_mm_test(struct ktest *test)
{
	struct mm_thread t[2];

	for (int i = 0; i < 2; i++) {
		t[i].mm = mm_alloc();
		KTEST_ASSERT_NOT_NULL(test, t[i].mm);
		KTEST_ASSERT_NOT_NULL(test, add_vma(t[i].mm, 0x500000, 0x501000, VM_READ | VM_WRITE));
		t[i].seen = 'A' + i;
		init_completion(&t[i].done);
		KTEST_ASSERT_TRUE(test, kernel_thread(mm_thread_fn, &t[i], "ktest-mm", 0) > 0);
	}
	for (int i = 0; i < 2; i++) {
		wait_for_completion(&t[i].done);
		KTEST_EXPECT_EQ(test, t[i].seen, 'A' + i);
		mmput(t[i].mm);
	}
}

/*
 * Threads of one process (one mm) fault the same pages at the same time,
 * while a third maps and unmaps other areas: the fault path's read lock
 * and page_table_lock against mmap's write lock. Each page ends up mapped
 * once, holding one reference.
 */
#define RACE_PAGES 256
#define RACE_BASE 0x10000000UL

struct race_thread {
	struct mm_struct *mm;
	struct completion done;
	int errors;
	bool churn;	/* map and unmap instead of faulting */
};

static int race_fn(void *arg)
{
	struct race_thread *r = arg;

	kthread_use_mm(r->mm);
	for (int i = 0; i < RACE_PAGES; i++) {
		if (r->churn) {
			unsigned long p = vm_mmap(NULL, 0, 4 * PG, RW, ANON, 0);

			r->errors += IS_ERR_VALUE(p) || poke(p + PG, 1) || vm_munmap(p, 4 * PG);
		} else {
			r->errors += poke(RACE_BASE + i * PG, 1) != 0;
		}
		if (i % 32 == 0)
			yield();
	}
	kthread_unuse_mm(r->mm);
	complete(&r->done);
	return 0;
}

static void concurrent_faults_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	struct mm_struct *mm = test_mm_enter();
	struct race_thread r[3];
	int areas;

	KTEST_ASSERT_NOT_NULL(test, mm);
	KTEST_ASSERT_EQ(test, vm_mmap(NULL, RACE_BASE, RACE_PAGES * PG, RW, ANON | MAP_FIXED, 0),
			RACE_BASE);
	areas = mm->map_count;
	for (int i = 0; i < 3; i++) {
		r[i] = (struct race_thread){ .mm = mm, .churn = i == 2 };
		init_completion(&r[i].done);
		KTEST_ASSERT_TRUE(test, kernel_thread(race_fn, &r[i], "ktest-race", 0) > 0);
	}
	for (int i = 0; i < 3; i++) {
		wait_for_completion(&r[i].done);
		KTEST_EXPECT_EQ(test, r[i].errors, 0);
	}
	KTEST_EXPECT_EQ(test, mm->map_count, areas);
	for (int i = 0; i < RACE_PAGES; i++) {
		struct page *page = test_page(mm, RACE_BASE + i * PG);

		if (!KTEST_EXPECT_NOT_NULL(test, page) || !KTEST_EXPECT_EQ(test, page_ref_count(page), 1))
			break;
	}
	test_mm_leave(mm);
	for (int i = 0; i < 10; i++)
		yield();	/* the threads' last switches */
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

/*
 * A task that exits keeps running on its mm until its last switch: exit_mm()
 * drops it as a user (the pages go at once) and the switch away frees the
 * rest, pgd included. The dead mm is not lent to the kernel thread that
 * runs next (context_switch()), nor kept by an idle CPU (mmput()).
 */
static int exit_on_mm_fn(void *arg)
{
	struct mm_struct *mm = arg;

	exec_mmap(mm);	/* now this thread's own mm, as after exec */
	vm_mmap(NULL, 0x400000, 4 * PG, RW, ANON | MAP_FIXED, 0);
	for (int i = 0; i < 4; i++)
		poke(0x400000 + i * PG, 1);
	return 0;	/* do_exit() -> exit_mm() */
}

static void exit_mm_lazy_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	int threads = READ_ONCE(nr_threads);
	struct mm_struct *mm = mm_alloc(), *active = current->active_mm;

	KTEST_ASSERT_NOT_NULL(test, mm);
	ktest_pin_to_this_cpu(true);	/* it exits on this CPU, we run right after */
	KTEST_ASSERT_TRUE(test, kernel_thread(exit_on_mm_fn, mm, "ktest-exit", 0) > 0);
	for (int i = 0; i < 1000 && READ_ONCE(nr_threads) != threads; i++)
		yield();
	for (int i = 0; i < 10; i++)
		yield();
	ktest_pin_to_this_cpu(false);
	KTEST_EXPECT_EQ(test, READ_ONCE(nr_threads), threads);
	KTEST_EXPECT_TRUE(test, current->active_mm != mm);	/* not lent to us */
	KTEST_EXPECT_TRUE(test, pgd_is_loaded(current->active_mm->pgd));
	KTEST_EXPECT_TRUE(test, active == &init_mm || current->active_mm == &init_mm);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);	/* pgd and mm_struct freed */
}

KTEST_SUITE(fault, KTEST_CASE(demand_zero_test), KTEST_CASE(uaccess_fixup_test),
	    KTEST_CASE(wp_copy_and_reuse_test), KTEST_CASE(exit_mmap_frees_everything_test),
	    KTEST_CASE(munmap_frees_page_tables_test), KTEST_CASE(dup_mm_cow_test), KTEST_CASE(dup_mm_enomem_test),
	    KTEST_CASE(exec_mmap_exit_mm_test), KTEST_CASE(switch_mm_test), KTEST_CASE(concurrent_faults_test),
	    KTEST_CASE(exit_mm_lazy_test));
