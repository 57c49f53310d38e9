/*
 * memblock: physical memory bookkeeping before the buddy allocator exists.
 * Linux: mm/memblock.c (much reduced: no NUMA nodes, no flags, fixed-size
 * region arrays, page granularity). See include/linux/memblock.h.
 *
 * Boot is single-threaded with interrupts off, so nothing here locks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

/* One past the region's last byte. */
static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/*
 * Insert [base, base + size) into type, keeping the regions sorted and
 * merging any that overlap or touch. Linux: memblock_add_range().
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	unsigned long i, j;

	if (!size)
		return 0;
	if (type->cnt == INIT_MEMBLOCK_REGIONS) {
		pr_err("memblock: too many %s regions, dropping [%#lx-%#lx]\n",
		       type->name, base, base + size - 1);
		return -ENOMEM;
	}
	for (i = 0; i < type->cnt && r[i].base < base; i++)
		;
	memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
	r[i] = (struct memblock_region){ .base = base, .size = size };
	type->cnt++;

	/* Merge neighbours: the new region may join its left and right ones. */
	for (i = 0, j = 1; j < type->cnt; j++) {
		if (r[j].base <= region_end(&r[i])) {
			phys_addr_t end = max(region_end(&r[i]), region_end(&r[j]));
			r[i].size = end - r[i].base;
		} else {
			r[++i] = r[j];
		}
	}
	type->cnt = i + 1;
	return 0;
}

/* Add RAM; partial pages at either end are left out. */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t start = ALIGN(base, PAGE_SIZE), end = ALIGN_DOWN(base + size, PAGE_SIZE);

	return end > start ? memblock_add_range(&memblock.memory, start, end - start) : 0;
}

/* Mark memory in use; every page it touches is kept whole. */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t start = ALIGN_DOWN(base, PAGE_SIZE), end = ALIGN(base + size, PAGE_SIZE);

	return memblock_add_range(&memblock.reserved, start, end - start);
}

/* Linux: memblock_set_current_limit(). */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* Does any region of type overlap [base, base + size)? */
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	for (unsigned long i = 0; i < type->cnt; i++)
		if (base < region_end(&type->regions[i]) && type->regions[i].base < base + size)
			return true;
	return false;
}

/* The lowest reserved region overlapping [base, base + size), or NULL. */
static struct memblock_region *first_reserved_overlap(phys_addr_t base, phys_addr_t size)
{
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		struct memblock_region *r = &memblock.reserved.regions[i];

		if (base < region_end(r) && r->base < base + size)
			return r;
	}
	return NULL;
}

/*
 * Top-down first fit, as Linux's default: try the highest aligned spot in
 * each RAM region below the limit; when a reservation is in the way, retry
 * just below it. Linux: memblock_find_in_range_node() (top-down case).
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	size = ALIGN(size, PAGE_SIZE);
	for (unsigned long i = memblock.memory.cnt; i-- > 0;) {
		struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t top = min(region_end(m), memblock.current_limit);

		if (top < m->base + size)
			continue;
		phys_addr_t cand = ALIGN_DOWN(top - size, align);
		while (cand >= m->base) {
			struct memblock_region *r = first_reserved_overlap(cand, size);

			if (!r) {
				memblock_reserve(cand, size);
				return cand;
			}
			if (r->base < m->base + size)
				break;
			cand = ALIGN_DOWN(r->base - size, align);
		}
	}
	return 0;
}

/* Linux: memblock_alloc(). */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);

	if (!pa)
		return NULL;
	memset(__va(pa), 0, size);
	return __va(pa);
}

/* Linux: memblock_end_of_DRAM(). */
phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

/* Bytes in all regions of type. */
static phys_addr_t type_total(const struct memblock_type *type)
{
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/* Linux: memblock_phys_mem_size(). */
phys_addr_t memblock_phys_mem_size(void)
{
	return type_total(&memblock.memory);
}

/*
 * Free the page frames [start, end) in the largest naturally aligned blocks
 * the buddy allocator takes. Linux: mm/memblock.c __free_pages_memory().
 */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_PAGE_ORDER;

		while (order && (!IS_ALIGNED(start, 1UL << order) || start + (1UL << order) > end))
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/*
 * Walk each RAM region, skipping the reserved regions inside it (both lists
 * are sorted), and free the gaps. Linux: memblock_free_all() and
 * free_low_memory_core_early().
 */
unsigned long memblock_free_all(void)
{
	unsigned long before = totalram_pages();

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t cursor = m->base;

		for (unsigned long j = 0; j < memblock.reserved.cnt; j++) {
			struct memblock_region *r = &memblock.reserved.regions[j];

			if (region_end(r) <= cursor || r->base >= region_end(m))
				continue;
			if (r->base > cursor)
				__free_pages_memory(PFN_DOWN(cursor), PFN_DOWN(r->base));
			cursor = region_end(r);
		}
		if (cursor < region_end(m))
			__free_pages_memory(PFN_DOWN(cursor), PFN_DOWN(region_end(m)));
	}
	memblock_set_current_limit(0);	/* any later memblock_alloc() fails */
	return totalram_pages() - before;
}

/* Linux: memblock_dump(), the "memblock=debug" format. */
static void memblock_dump(struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		pr_info(" %s[0x%lx]\t[0x%016lx-0x%016lx], 0x%lx bytes\n", type->name, i,
			r->base, region_end(r) - 1, r->size);
	}
}

/* Linux: __memblock_dump_all(). */
void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#lx reserved size = %#lx\n", type_total(&memblock.memory),
		type_total(&memblock.reserved));
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

bool memblock_debug;

/* "memblock=debug": print the lists at boot. Linux: early_memblock(). */
static int __init early_memblock(char *val)
{
	if (!strcmp(val, "debug"))
		memblock_debug = true;
	return 0;
}
early_param("memblock=", early_memblock);
