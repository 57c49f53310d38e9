/* Mapping device memory (MMIO) into the kernel's address space. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>

/* Map [phys, phys + size) uncached; returns its kernel virtual address. */
void *ioremap(phys_addr_t phys, size_t size);
/* Undo ioremap(); addr is what ioremap() returned. */
void iounmap(void *addr);

#endif
