/*
 * memblock: the boot-time memory allocator, used before struct pages and the
 * buddy allocator exist. Linux: include/linux/memblock.h, mm/memblock.c.
 *
 * It keeps two sorted lists of physical ranges: "memory" (RAM, from the
 * e820 map) and "reserved" (in use: firmware areas, the kernel image, the
 * boot information, the initramfs, and everything memblock allocated).
 * memblock_free_all() then gives every page in memory but not in reserved
 * to the buddy allocator. This one works in whole pages: memory ranges are
 * rounded in, reservations rounded out, to page boundaries.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;		/* regions in use, sorted by base, disjoint */
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);

/* Allocate size bytes aligned to align, from the top of memory down (below
 * current_limit), and reserve them. 0 if there is no room. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* The same, zeroed, as a direct-map address; NULL if there is no room. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);

bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size);
/* End of the highest RAM range. */
phys_addr_t memblock_end_of_DRAM(void);
/* Bytes of RAM, reserved or not. */
phys_addr_t memblock_phys_mem_size(void);

/* Hand every free page to the buddy allocator; returns how many. Memblock
 * must not allocate afterwards. */
unsigned long memblock_free_all(void);

/* Print both lists (boot option "memblock=debug" prints them at boot). */
void memblock_dump_all(void);

#endif
