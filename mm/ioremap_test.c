/* Tests for ioremap() (mm/ioremap.c). */
#include <linux/ktest.h>
#include <linux/io.h>
#include <linux/mm.h>

#define APIC_BASE	0xfee00000UL	/* the local APIC's registers */
#define APIC_LVR	0x30		/* version register */

/* The local APIC through ioremap: an uncached 4 KiB mapping of the right
 * frame, in the ioremap area, that reads the device. */
static void ioremap_apic_test(struct ktest *test)
{
	unsigned int level;
	void *regs = ioremap(APIC_BASE, PAGE_SIZE);
	pgd_t *other = pgd_alloc(NULL);
	pteval_t uncached = pte_flags(pfn_pte(0, PAGE_KERNEL_NOCACHE));
	pteval_t cached = pte_flags(pfn_pte(0, PAGE_KERNEL));
	pte_t *ptep;
	u32 version;

	KTEST_ASSERT_NOT_NULL(test, regs);
	KTEST_EXPECT_GE(test, (unsigned long)regs, VMALLOC_START);
	KTEST_EXPECT_LT(test, (unsigned long)regs, VMALLOC_END);
	ptep = lookup_address_in_pgd(swapper_pg_dir, (unsigned long)regs, &level);
	KTEST_ASSERT_NOT_NULL(test, ptep);
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KTEST_EXPECT_EQ(test, pte_pfn(*ptep), PFN_DOWN(APIC_BASE));
	KTEST_EXPECT_EQ(test, pte_flags(*ptep), uncached);
	KTEST_EXPECT_NE(test, pte_flags(*ptep), cached);
	KTEST_EXPECT_TRUE(test, pte_write(*ptep));
	/* Integrated APICs report versions 0x10..0x1f (Intel SDM 11.4.8). */
	version = *(volatile u32 *)((char *)regs + APIC_LVR) & 0xff;
	KTEST_EXPECT_GE(test, version, 0x10);
	KTEST_EXPECT_LT(test, version, 0x20);
	/* The guard page after it is not mapped. */
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir,
						      (unsigned long)regs + PAGE_SIZE, &level));
	/* Every address space sees kernel mappings made after it was created. */
	KTEST_ASSERT_NOT_NULL(test, other);
	KTEST_EXPECT_EQ(test, lookup_address_in_pgd(other, (unsigned long)regs, &level), ptep);
	pgd_free(NULL, other);

	iounmap(regs);
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir, (unsigned long)regs, &level));
}

/* An unaligned range keeps its offset and gets every page it touches; the
 * VGA buffer reads the same through ioremap and the direct map. */
static void ioremap_offset_test(struct ktest *test)
{
	unsigned int level;
	volatile u16 *cell = ioremap(0xb8ffc, 8);	/* straddles two pages */
	volatile u16 *direct = __va(0xb8ffc);
	u16 saved;

	KTEST_ASSERT_NOT_NULL(test, cell);
	KTEST_EXPECT_EQ(test, (unsigned long)cell & ~PAGE_MASK, 0xffc);
	KTEST_EXPECT_NOT_NULL(test, lookup_address_in_pgd(swapper_pg_dir,
							  (unsigned long)cell + 4, &level));
	saved = direct[0];
	cell[0] = 0x1f41;	/* 'A', white on blue */
	KTEST_EXPECT_EQ(test, direct[0], 0x1f41);
	direct[0] = saved;
	KTEST_EXPECT_EQ(test, cell[0], saved);
	iounmap((void *)cell);
	KTEST_EXPECT_NULL(test, lookup_address_in_pgd(swapper_pg_dir,
						      (unsigned long)cell + 4, &level));
}

/* RAM is refused (it is mapped cached already); so is a zero size. */
static void ioremap_refuses_ram_test(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, page);
	printk("        # ioremap_refuses_ram_test: an 'ioremap on RAM' warning follows\n");
	KTEST_EXPECT_NULL(test, ioremap(page_to_phys(page), PAGE_SIZE));
	KTEST_EXPECT_NULL(test, ioremap(APIC_BASE, 0));
	__free_page(page);
}

KTEST_SUITE(ioremap, KTEST_CASE(ioremap_apic_test), KTEST_CASE(ioremap_offset_test),
	    KTEST_CASE(ioremap_refuses_ram_test));
