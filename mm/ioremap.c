/*
 * ioremap: map device memory for the kernel.
 * Placeholder until mm/ builds the kernel page tables: the early boot
 * tables map the first 4 GiB at the direct map, so this returns that alias.
 */
#include <linux/io.h>
#include <asm/page.h>

void *ioremap(phys_addr_t phys, size_t size)
{
	return __va(phys);
}
