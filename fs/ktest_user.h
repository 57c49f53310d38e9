/*
 * For the fs tests: calling system calls as user space would, through the
 * system-call table, and a few pages of user memory to point them at.
 *
 * uwin_open() gives the test task (kernel_init, which has no mm of its own
 * yet) a fresh mm with UWIN_PAGES pages mapped at UWIN_BASE (user,
 * writable, but the last read-only: UWIN_RO) and no VMAs, so a fault
 * anywhere is -EFAULT; the page just past them is unmapped (UWIN_HOLE). The
 * kernel sees the same bytes through uwin_k(). The task keeps the mm across
 * switches (kthread_use_mm()), so the system calls it makes may sleep.
 */
#ifndef _FS_KTEST_USER_H
#define _FS_KTEST_USER_H

#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/sched.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>

#define call_syscall(nr, a0, a1, a2) ktest_syscall(nr, (long)(a0), (long)(a1), (long)(a2), 0, 0, 0)

/* Swap in an empty fd table for the test; put_table() restores the old. */
static inline struct files_struct *new_table(struct ktest *test)
{
	int err;
	struct files_struct *saved = current->files, *files = dup_fd(&init_files, &err);

	KTEST_EXPECT_NOT_NULL(test, files);
	current->files = files;
	return saved;
}

static inline void put_table(struct files_struct *saved)
{
	exit_files(current);
	current->files = saved;
}

#define UWIN_BASE 0x400000UL
#define UWIN_PAGES 5
#define UWIN_RO (UWIN_BASE + (UWIN_PAGES - 1) * PAGE_SIZE)	/* user may read, not write */
#define UWIN_HOLE (UWIN_BASE + UWIN_PAGES * PAGE_SIZE)	/* unmapped */

struct uwin {
	struct mm_struct *mm;
	struct page *page[UWIN_PAGES];
};

/* The kernel's view of user address u inside the window. */
static inline void *uwin_k(struct uwin *w, unsigned long u)
{
	return (char *)page_address(w->page[(u - UWIN_BASE) / PAGE_SIZE]) + u % PAGE_SIZE;
}

/* Put string s at user address u; returns u as a user pointer. */
static inline const char __user *uwin_str(struct uwin *w, unsigned long u, const char *s)
{
	strscpy(uwin_k(w, u), s, PAGE_SIZE - u % PAGE_SIZE);
	return (const char __user *)u;
}

static inline bool uwin_open(struct ktest *test, struct uwin *w)
{
	memset(w, 0, sizeof(*w));
	w->mm = mm_alloc();
	if (!KTEST_EXPECT_NOT_NULL(test, w->mm))
		return false;
	kthread_use_mm(w->mm);
	for (int i = 0; i < UWIN_PAGES; i++) {
		w->page[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!KTEST_EXPECT_NOT_NULL(test, w->page[i]) ||
		    !KTEST_EXPECT_EQ(test, map_page(w->mm->pgd, UWIN_BASE + i * PAGE_SIZE,
						    page_to_pfn(w->page[i]),
						    i == UWIN_PAGES - 1 ? PAGE_READONLY : PAGE_SHARED), 0))
			return false;
	}
	return true;
}

static inline void uwin_close(struct uwin *w)
{
	if (!w->mm)
		return;
	kthread_unuse_mm(w->mm);	/* off its page tables (CR3) first */
	for (int i = 0; i < UWIN_PAGES; i++) {
		if (!w->page[i])
			continue;
		unmap_page(w->mm->pgd, UWIN_BASE + i * PAGE_SIZE);
		__free_page(w->page[i]);
	}
	mmput(w->mm);	/* the last user: the page tables and the pgd go too */
}

#endif
