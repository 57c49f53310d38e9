/*
 * The kernel's page tables, built in C to replace the boot ones.
 * Linux: arch/x86/mm/init.c init_mem_mapping() and init_64.c
 * kernel_physical_mapping_init(). They live in mm/ here because they use
 * only the generic page-table API and the PAGE_KERNEL* protections; the
 * x86 bits stay in asm/.
 *
 * swapper_pg_dir maps, and nothing else (the boot identity map is gone):
 *   PAGE_OFFSET + pa   every RAM page and the first 1 MiB (the ISA range:
 *                      VGA text buffer, BIOS data), read-write, no-execute;
 *                      2 MiB pages where a whole aligned 2 MiB is RAM.
 *   KERNEL_VMA + pa    the kernel image in 4 KiB pages: text read-only and
 *                      executable, rodata read-only, data and bss (and
 *                      .kallsyms) read-write; rodata and data no-execute.
 * ioremap_init() adds the (empty) ioremap area.
 *
 * Runs once, single-threaded, with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/setup.h>
#include <asm/cpu_entry_area.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* Linux: arch/x86/mm/init_64.c; x86_configure_nx() trims it. */
pteval_t __supported_pte_mask = ~0UL;

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

/*
 * Map physical [start, end) (page aligned) at PAGE_OFFSET + start. A 2 MiB
 * page is used wherever an aligned 2 MiB lies inside the range: then no
 * other range shares its pmd. Linux: kernel_physical_mapping_init().
 */
static void __init kernel_physical_mapping_init(phys_addr_t start, phys_addr_t end)
{
	pr_info("init_memory_mapping: [mem 0x%08lx-0x%08lx]\n", start, end - 1);
	for (phys_addr_t pa = start; pa < end;) {
		unsigned long va = (unsigned long)__va(pa);

		if (IS_ALIGNED(pa, PMD_SIZE) && end - pa >= PMD_SIZE) {
			pmd_t *pmd = walk_to_pmd(swapper_pg_dir, va, true);

			if (!pmd)
				panic("init_memory_mapping: out of memory for page tables");
			set_pmd(pmd, pfn_pmd(PFN_DOWN(pa), PAGE_KERNEL_LARGE));
			pa += PMD_SIZE;
		} else {
			if (map_page(swapper_pg_dir, va, PFN_DOWN(pa), PAGE_KERNEL))
				panic("init_memory_mapping: cannot map %#lx", pa);
			pa += PAGE_SIZE;
		}
	}
}

/* The protections for the kernel-image page at va (linker.ld aligns each
 * part to a page). Linux: arch/x86/mm/init_64.c mark_rodata_ro() and
 * set_memory_nx(), done here from the start. */
static pgprot_t __init kernel_image_prot(unsigned long va)
{
	if (va < (unsigned long)_etext)
		return PAGE_KERNEL_ROX;
	if (va < (unsigned long)__end_rodata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

/* Map _text.._end at KERNEL_VMA, page by page. Linux: the kernel-image part
 * of init_64.c (there 2 MiB pages, split later by set_memory_*()). */
static void __init map_kernel_image(void)
{
	for (unsigned long va = (unsigned long)_text; va < (unsigned long)_end; va += PAGE_SIZE) {
		/* The page below each exception stack stays unmapped, so running
		 * off the end of one faults instead of corrupting its neighbour. */
		if (in_exception_stack_guard(va))
			continue;
		if (map_page(swapper_pg_dir, va, PFN_DOWN(__pa((void *)va)), kernel_image_prot(va)))
			panic("cannot map the kernel image at %#lx", va);
	}
}

/*
 * Build swapper_pg_dir and switch to it. Page tables come from memblock,
 * below 4 GiB: the boot tables map only that much, and we write the new
 * tables through them. Linux: arch/x86/mm/init.c init_mem_mapping().
 */
void __init init_mem_mapping(void)
{
	x86_configure_nx();

	/* Linux maps the ISA range whatever e820 says: the VGA buffer is there. */
	kernel_physical_mapping_init(0, ISA_END_ADDRESS);
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t start = max(r->base, (phys_addr_t)ISA_END_ADDRESS);

		if (start < r->base + r->size)
			kernel_physical_mapping_init(start, r->base + r->size);
	}
	map_kernel_image();

	/* From here on, only addresses mapped above are usable: no identity
	 * map, and the boot tables (in .boot) get freed by mm_core_init(). */
	load_cr3(swapper_pg_dir);
	__flush_tlb_all();	/* a CR3 load keeps global entries; drop any */
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);	/* all RAM is mapped now */
	pr_info("Kernel page tables: swapper_pg_dir at %#lx, NX %s\n",
		(unsigned long)__pa(swapper_pg_dir), nx_enabled() ? "on" : "off (not supported)");
}
