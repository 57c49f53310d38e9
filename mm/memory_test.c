/*
 * Tests for the page-table API (mm/memory.c) and for the kernel page tables
 * mm/init.c built (swapper_pg_dir).
 */
#include <linux/ktest.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>

#define TEST_VA 0x400000UL	/* a user address, where programs are loaded */

static int data_var = 1;	/* in .data */

/* The flags a fresh entry made with prot carries (what pfn_pte() keeps). */
static pteval_t flags_of(pgprot_t prot)
{
	return pte_flags(pfn_pte(0, prot));
}

/* Map a page in a new pgd, check the entry, use the mapping through the
 * MMU, unmap it, and free the tables: nothing leaks. */
static void pgtable_map_unmap_test(struct ktest *test)
{
	unsigned long free = nr_free_pages(), flags;
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	pgd_t *pgd = pgd_alloc(NULL);
	pteval_t shared = flags_of(PAGE_SHARED);
	unsigned int level;
	pte_t *ptep, old;
	u64 seen;

	KTEST_ASSERT_TRUE(test, page && pgd);
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(pgd, TEST_VA, &level));
	KTEST_EXPECT_NULL(test, walk_to_pte(pgd, TEST_VA, false));
	KTEST_ASSERT_EQ(test, map_page(pgd, TEST_VA, page_to_pfn(page), PAGE_SHARED), 0);
	KTEST_EXPECT_EQ(test, map_page(pgd, TEST_VA, page_to_pfn(page), PAGE_SHARED), -EBUSY);

	ptep = lookup_address_in_pgd(pgd, TEST_VA + 123, &level);
	KTEST_ASSERT_NOT_NULL(test, ptep);
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KTEST_EXPECT_EQ(test, ptep, walk_to_pte(pgd, TEST_VA, false));
	KTEST_EXPECT_EQ(test, pte_pfn(*ptep), page_to_pfn(page));
	KTEST_EXPECT_EQ(test, pte_flags(*ptep), shared);
	KTEST_EXPECT_TRUE(test, pte_present(*ptep) && pte_write(*ptep));
	KTEST_EXPECT_EQ(test, pte_exec(*ptep), !nx_enabled());
	/* The kernel half is shared with swapper_pg_dir. */
	KTEST_EXPECT_EQ(test, pgd_val(pgd[511]), pgd_val(swapper_pg_dir[511]));

	/* Through the MMU: switch to the new pgd (it maps the kernel too). */
	*(u64 *)page_address(page) = 0x1122334455667788UL;
	local_irq_save(flags);
	load_cr3(pgd);
	seen = *(volatile u64 *)TEST_VA;
	*(volatile u64 *)(TEST_VA + 8) = 0xfeedUL;
	load_cr3(swapper_pg_dir);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(test, seen, 0x1122334455667788UL);
	KTEST_EXPECT_EQ(test, ((u64 *)page_address(page))[1], 0xfeedUL);
	KTEST_EXPECT_TRUE(test, pte_dirty(*ptep));	/* the CPU noted the write */

	old = unmap_page(pgd, TEST_VA);
	KTEST_EXPECT_TRUE(test, pte_present(old));
	KTEST_EXPECT_EQ(test, pte_pfn(old), page_to_pfn(page));
	KTEST_EXPECT_TRUE(test, pte_none(*ptep));
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(pgd, TEST_VA, &level));
	KTEST_EXPECT_TRUE(test, pte_none(unmap_page(pgd, TEST_VA)));

	free_pgd_range(pgd, 0, USER_PTRS_PER_PGD * PGDIR_SIZE);
	KTEST_EXPECT_TRUE(test, pgd_none(pgd[0]));
	pgd_free(NULL, pgd);
	__free_page(page);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
}

/* free_pgd_range() refuses to free a table that still maps a page. */
static void pgtable_free_busy_test(struct ktest *test)
{
	pgd_t *pgd = pgd_alloc(NULL);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int level;

	KTEST_ASSERT_TRUE(test, pgd && page);
	KTEST_ASSERT_EQ(test, map_page(pgd, TEST_VA, page_to_pfn(page), PAGE_READONLY), 0);
	printk("        # pgtable_free_busy_test: a 'still has entry' report follows\n");
	free_pgd_range(pgd, 0, USER_PTRS_PER_PGD * PGDIR_SIZE);
	KTEST_EXPECT_NOT_NULL(test, lookup_address_in_pgd(pgd, TEST_VA, &level));
	unmap_page(pgd, TEST_VA);
	free_pgd_range(pgd, 0, USER_PTRS_PER_PGD * PGDIR_SIZE);
	KTEST_EXPECT_TRUE(test, pgd_none(pgd[0]));
	pgd_free(NULL, pgd);
	__free_page(page);
}

/* The pte_* modifiers change their one bit and keep the frame. */
static void pgtable_pte_accessors_test(struct ktest *test)
{
	pte_t pte = pfn_pte(0x12345, PAGE_READONLY);
	pteval_t shared = flags_of(PAGE_SHARED);

	KTEST_EXPECT_TRUE(test, pte_present(pte));
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_TRUE(test, pte_write(pte_mkwrite(pte)));
	KTEST_EXPECT_FALSE(test, pte_write(pte_wrprotect(pte_mkwrite(pte))));
	KTEST_EXPECT_TRUE(test, pte_dirty(pte_mkdirty(pte)));
	KTEST_EXPECT_FALSE(test, pte_dirty(pte_mkclean(pte_mkdirty(pte))));
	KTEST_EXPECT_FALSE(test, pte_young(pte_mkold(pte)));
	KTEST_EXPECT_TRUE(test, pte_young(pte_mkyoung(pte_mkold(pte))));
	KTEST_EXPECT_EQ(test, pte_pfn(pte_mkdirty(pte_mkwrite(pte))), 0x12345);
	KTEST_EXPECT_EQ(test, pte_flags(pte_modify(pte, PAGE_SHARED)), shared);
	KTEST_EXPECT_EQ(test, pte_pfn(pte_modify(pte, PAGE_SHARED)), 0x12345);
	KTEST_EXPECT_TRUE(test, pte_none(__pte(0)));
	KTEST_EXPECT_FALSE(test, pte_present(__pte(0)));
}

/* Expect addr mapped at level, to the right frame, with exactly prot. */
static void expect_kernel_mapping(struct ktest *test, const char *what, unsigned long addr,
				  unsigned int want_level, pgprot_t prot)
{
	unsigned int level;
	pte_t *ptep = lookup_address_in_pgd(swapper_pg_dir, addr, &level);
	unsigned long want_pfn = PFN_DOWN(__pa((void *)addr));

	if (!ptep) {
		ktest_fail(test, __FILE__, __LINE__, "%s (%#lx) is not mapped", what, addr);
		return;
	}
	if (level != want_level)
		ktest_fail(test, __FILE__, __LINE__, "%s: mapped at level %u, expected %u", what,
			   level, want_level);
	if (pte_flags(*ptep) != flags_of(prot))
		ktest_fail(test, __FILE__, __LINE__, "%s: flags %#lx, expected %#lx", what,
			   pte_flags(*ptep), flags_of(prot));
	if (level == PG_LEVEL_2M)
		want_pfn &= ~(PTRS_PER_PTE - 1UL);
	if (pte_pfn(*ptep) != want_pfn)
		ktest_fail(test, __FILE__, __LINE__, "%s: pfn %#lx, expected %#lx", what,
			   pte_pfn(*ptep), want_pfn);
}

/* The kernel image: text read-only and executable, rodata read-only and
 * NX, data/bss writable and NX; all 4 KiB pages. */
static void pgtable_kernel_image_test(struct ktest *test)
{
	unsigned int level;
	pte_t *text = lookup_address_in_pgd(swapper_pg_dir, (unsigned long)_text, &level);
	pte_t *ro = lookup_address_in_pgd(swapper_pg_dir, (unsigned long)__start_rodata, &level);
	pte_t *data = lookup_address_in_pgd(swapper_pg_dir, (unsigned long)&data_var, &level);

	expect_kernel_mapping(test, "text", (unsigned long)pgtable_kernel_image_test,
			      PG_LEVEL_4K, PAGE_KERNEL_ROX);
	expect_kernel_mapping(test, "rodata", (unsigned long)__start_rodata, PG_LEVEL_4K,
			      PAGE_KERNEL_RO);
	expect_kernel_mapping(test, "data", (unsigned long)&data_var, PG_LEVEL_4K, PAGE_KERNEL);
	expect_kernel_mapping(test, "bss", (unsigned long)swapper_pg_dir, PG_LEVEL_4K,
			      PAGE_KERNEL);
	KTEST_ASSERT_TRUE(test, text && ro && data);
	KTEST_EXPECT_FALSE(test, pte_write(*text));
	KTEST_EXPECT_TRUE(test, pte_exec(*text));
	KTEST_EXPECT_FALSE(test, pte_write(*ro));
	KTEST_EXPECT_TRUE(test, pte_write(*data));
	if (nx_enabled()) {
		KTEST_EXPECT_FALSE(test, pte_exec(*ro));
		KTEST_EXPECT_FALSE(test, pte_exec(*data));
	}
	/* Nothing past the image. */
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir, (unsigned long)_end, &level));
}

/* The direct map: RAM with 2 MiB pages where possible, the ISA range with
 * 4 KiB pages, all writable and NX; no identity map left. */
static void pgtable_direct_map_test(struct ktest *test)
{
	unsigned int level;
	struct page *page = alloc_page(GFP_KERNEL);
	pte_t *ptep;

	KTEST_ASSERT_NOT_NULL(test, page);
	expect_kernel_mapping(test, "direct map at 16 MiB", (unsigned long)__va(MB(16)),
			      PG_LEVEL_2M, PAGE_KERNEL_LARGE);
	expect_kernel_mapping(test, "VGA text buffer", (unsigned long)__va(0xb8000), PG_LEVEL_4K,
			      PAGE_KERNEL);
	ptep = lookup_address_in_pgd(swapper_pg_dir, (unsigned long)page_address(page), &level);
	KTEST_ASSERT_NOT_NULL(test, ptep);
	KTEST_EXPECT_TRUE(test, pte_write(*ptep));
	KTEST_EXPECT_EQ(test, pte_exec(*ptep), !nx_enabled());
	__free_page(page);

	/* Not RAM, not ISA: not mapped (the BIOS ROM at the top of 4 GiB). */
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir,
						      (unsigned long)__va(0xfffc0000UL), &level));
	KTEST_EXPECT_TRUE(test, pgd_is_loaded(swapper_pg_dir));
	for (int i = 0; i < USER_PTRS_PER_PGD; i++)
		if (!pgd_none(swapper_pg_dir[i]))
			ktest_fail(test, __FILE__, __LINE__, "swapper_pg_dir[%d] = %#lx, expected empty",
				   i, pgd_val(swapper_pg_dir[i]));
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir, 0x100000, &level));
}

KTEST_SUITE(pgtable, KTEST_CASE(pgtable_map_unmap_test), KTEST_CASE(pgtable_free_busy_test),
	    KTEST_CASE(pgtable_pte_accessors_test), KTEST_CASE(pgtable_kernel_image_test),
	    KTEST_CASE(pgtable_direct_map_test));
