/*
 * kallsyms: the kernel's own symbol table, so addresses can be printed as
 * names (backtraces, "%pS"). The table is generated from the first link of
 * the kernel by tools/kallsyms.sh and linked into the second.
 * Linux: kernel/kallsyms.c.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/* The function containing addr, its size and addr's offset in it; or NULL. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
/* The address of a function by name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
