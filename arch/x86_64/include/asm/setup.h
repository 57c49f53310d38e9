/*
 * What the boot loader told us, in the shapes Linux keeps it in:
 * the physical memory map as an e820 table (arch/x86/include/asm/e820/types.h),
 * the kernel command line, and where the initramfs was loaded.
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

#define E820_MAX_ENTRIES 128

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
};

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

#define COMMAND_LINE_SIZE 2048
extern char boot_command_line[COMMAND_LINE_SIZE];

/* The initramfs, as GRUB loaded it (physical addresses); 0 if none. */
extern phys_addr_t initrd_start, initrd_end;
/* The multiboot2 information block itself (physical), so mm/ can keep it. */
extern phys_addr_t boot_info_start, boot_info_end;

/* A copy of the ACPI RSDP from GRUB's ACPI tag (acpi.c reads it); all zero
 * if GRUB gave none. */
#define ACPI_RSDP_COPY_SIZE 36
extern u8 boot_acpi_rsdp[ACPI_RSDP_COPY_SIZE];

/* The kernel image's bounds (linker.ld). */
extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _data[], _edata[], __bss_start[], __bss_stop[], _end[];
extern char __boot_start[], __boot_end[];

void parse_multiboot2(u32 magic, unsigned long info_phys);
void e820_print(void);

#endif
