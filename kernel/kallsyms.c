/*
 * Look up kernel function names by address. Linux: kernel/kallsyms.c
 * (without its name compression).
 *
 * The tables are in the .kallsyms section, written by tools/kallsyms.sh:
 * kallsyms_addresses[] sorted ascending, and for each the offset of its
 * NUL-terminated name in kallsyms_names[]. kallsyms_end marks where the last
 * function ends (the end of .text).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const char _etext[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num;

	if (!kallsyms_num || addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return NULL;
	/* The last symbol whose address is <= addr. */
	while (hi - lo > 1) {
		unsigned long mid = (lo + hi) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	unsigned long end = lo + 1 < kallsyms_num ? kallsyms_addresses[lo + 1]
						  : (unsigned long)_etext;
	*size = end - kallsyms_addresses[lo];
	*offset = addr - kallsyms_addresses[lo];
	return &kallsyms_names[kallsyms_offsets[lo]];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (!strcmp(&kallsyms_names[kallsyms_offsets[i]], name))
			return kallsyms_addresses[i];
	return 0;
}
