/*
 * Bringing up memory management at boot, in Linux's order:
 *   e820 -> memblock, early reservations      (Linux: setup_arch())
 *   kernel page tables, CR3 switch            (init_mem_mapping())
 *   mem_map: a struct page per page frame     (free_area_init())
 *   memblock -> buddy allocator               (mem_init())
 *   slab allocator, ioremap area              (kmem_cache_init(), vmalloc_init())
 * Linux: mm/mm_init.c mm_core_init(), free_area_init(), mem_init_print_info();
 * arch/x86/kernel/setup.c and e820.c for the memblock part.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include "internal.h"

/* Every RAM range of the e820 map becomes memblock memory.
 * Linux: arch/x86/kernel/e820.c e820__memblock_setup(). */
static void __init e820__memblock_setup(void)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			memblock_add(e->addr, e->size);
	}
}

/*
 * Reserve what is in use before anything is allocated. The initramfs in
 * particular must survive: fs/ unpacks it after mm is up.
 * Linux: arch/x86/kernel/setup.c early_reserve_memory(), setup_arch().
 */
static void __init reserve_early_memory(void)
{
	memblock_reserve((phys_addr_t)__boot_start, __pa(_end) - (phys_addr_t)__boot_start);
	memblock_reserve(boot_info_start, boot_info_end - boot_info_start);
	if (initrd_end > initrd_start)
		memblock_reserve(initrd_start, initrd_end - initrd_start);
	reserve_real_mode();	/* a free page below 1 MiB for the SMP trampoline */
	/* BIOS data, EBDA, ROMs: Linux keeps the whole first 1 MiB out of the
	 * allocator. */
	memblock_reserve(0, ISA_END_ADDRESS);
}

/*
 * Allocate mem_map and describe every page frame as reserved and held
 * (refcount 1); memblock_free_all() then frees the free ones.
 * Linux: mm/mm_init.c free_area_init(), memmap_init(), zone_init_free_lists().
 */
static void __init free_area_init(void)
{
	struct zone *zone = &zone_normal;
	unsigned long size;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	size = max_pfn * sizeof(struct page);
	mem_map = memblock_alloc(size, PAGE_SIZE);
	if (!mem_map)
		panic("free_area_init: cannot allocate %lu bytes for mem_map", size);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		__SetPageReserved(&mem_map[pfn]);
		set_page_count(&mem_map[pfn], 1);
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	}

	spin_lock_init(&zone->lock);
	for (int order = 0; order < NR_PAGE_ORDERS; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	zone->present_pages = memblock_phys_mem_size() >> PAGE_SHIFT;
	pr_info("mem_map: %lu pages, %luK at %#lx\n", max_pfn, size >> 10,
		(unsigned long)__pa(mem_map));
}

/* Linux: mm/mm_init.c mem_init_print_info() (no init or cma columns). */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = zone_normal.present_pages;
	unsigned long codesize = _etext - _text;
	unsigned long datasize = _edata - _data;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long bss_size = __bss_stop - __bss_start;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK bss, %luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		codesize >> 10, datasize >> 10, rosize >> 10, bss_size >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

/* Linux: arch/x86/mm/init_64.c mem_init(). */
static void __init mem_init(void)
{
	memblock_free_all();
	after_bootmem = true;
	mem_init_print_info();
}

static bool overlaps(phys_addr_t pa, phys_addr_t start, phys_addr_t end)
{
	return pa < end && start < pa + PAGE_SIZE;
}

/*
 * The boot code, its page tables and stack are unused since the CR3 switch:
 * give their pages to the buddy allocator. GRUB may have put the boot
 * information or the initramfs in the unused tail of the boot code's last
 * page; such a page stays reserved. Linux: free_initmem().
 */
static void __init free_boot_memory(void)
{
	unsigned long freed = 0;

	for (phys_addr_t pa = (phys_addr_t)__boot_start; pa < (phys_addr_t)__boot_end;
	     pa += PAGE_SIZE) {
		if (overlaps(pa, boot_info_start, boot_info_end) ||
		    overlaps(pa, initrd_start, initrd_end))
			continue;
		freed += free_reserved_area(__va(pa), __va(pa + PAGE_SIZE), POISON_FREE_INITMEM,
					    NULL);
	}
	pr_info("Freeing unused kernel image (boot) memory: %luK\n", freed << (PAGE_SHIFT - 10));
}

/* See include/linux/mm.h. Linux: mm/mm_init.c mm_core_init(), plus the
 * memory part of arch/x86/kernel/setup.c setup_arch() before it. */
void __init mm_core_init(void)
{
	/* The boot page tables map the first 4 GiB; allocate only there until
	 * init_mem_mapping() has mapped all of RAM. */
	memblock_set_current_limit(GB(4));
	e820__memblock_setup();
	reserve_early_memory();
	init_mem_mapping();
	free_area_init();
	if (memblock_debug)
		memblock_dump_all();
	mem_init();
	free_boot_memory();
	kmem_cache_init();
	mm_cache_init();	/* mm_struct and vm_area_struct caches */
	vma_state_init();
	ioremap_init();
}
