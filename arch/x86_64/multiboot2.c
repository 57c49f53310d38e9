/*
 * Reading GRUB's multiboot2 boot information: the command line, the memory
 * map, and the initramfs module. Spec: "Multiboot2 Specification", 3.6
 * "Boot information format". Linux reads the same facts from its own boot
 * protocol in arch/x86/kernel/setup.c and e820.c.
 *
 * The information is a list of 8-byte-aligned tags after an 8-byte header
 * (total size, reserved). We copy what we need out of it, so the memory it
 * occupies can later be reused.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>

#define MB2_BOOTLOADER_MAGIC 0x36d76289

#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_BOOT_LOADER_NAME 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_MMAP 6
#define MB2_TAG_ACPI_OLD 14	/* a copy of the ACPI 1.0 RSDP */
#define MB2_TAG_ACPI_NEW 15	/* a copy of the ACPI 2.0+ RSDP */

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_module {
	u32 type, size;
	u32 mod_start, mod_end;
	char string[];
};

struct mb2_tag_mmap {
	u32 type, size;
	u32 entry_size, entry_version;
	/* entries follow: struct mb2_mmap_entry */
};

struct mb2_mmap_entry {
	u64 addr, len;
	u32 type, reserved;
};

struct e820_table e820_table;
char boot_command_line[COMMAND_LINE_SIZE];
phys_addr_t initrd_start, initrd_end;
phys_addr_t boot_info_start, boot_info_end;
u8 boot_acpi_rsdp[ACPI_RSDP_COPY_SIZE];
static char boot_loader_name[64];

static void e820_add(u64 addr, u64 size, u32 type)
{
	if (e820_table.nr_entries == E820_MAX_ENTRIES) {
		pr_warn("e820: too many memory map entries, ignoring [%#lx-%#lx]\n",
			addr, addr + size - 1);
		return;
	}
	e820_table.entries[e820_table.nr_entries++] =
		(struct e820_entry){ .addr = addr, .size = size, .type = type };
}

void parse_multiboot2(u32 magic, unsigned long info_phys)
{
	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not booted by a multiboot2 loader (magic %#x)", magic);

	u32 total = *(u32 *)__va(info_phys);
	boot_info_start = info_phys;
	boot_info_end = info_phys + total;

	for (struct mb2_tag *tag = __va(info_phys + 8); tag->type != MB2_TAG_END;
	     tag = (void *)((char *)tag + ALIGN(tag->size, 8))) {
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			strscpy(boot_command_line, (char *)(tag + 1), COMMAND_LINE_SIZE);
			break;
		case MB2_TAG_BOOT_LOADER_NAME:
			strscpy(boot_loader_name, (char *)(tag + 1), sizeof(boot_loader_name));
			break;
		case MB2_TAG_MODULE: {
			struct mb2_tag_module *mod = (void *)tag;
			if (initrd_start) {
				pr_warn("multiboot2: ignoring extra module '%s'\n", mod->string);
				break;
			}
			initrd_start = mod->mod_start;
			initrd_end = mod->mod_end;
			break;
		}
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			/* Keep the newer one if GRUB gives both (its XSDT has 64-bit pointers). */
			if (tag->type == MB2_TAG_ACPI_NEW || !boot_acpi_rsdp[0])
				memcpy(boot_acpi_rsdp, tag + 1,
				       min((size_t)(tag->size - sizeof(*tag)), sizeof(boot_acpi_rsdp)));
			break;
		case MB2_TAG_MMAP: {
			struct mb2_tag_mmap *mm = (void *)tag;
			for (char *p = (char *)(mm + 1); p < (char *)tag + tag->size;
			     p += mm->entry_size) {
				struct mb2_mmap_entry *e = (void *)p;
				e820_add(e->addr, e->len, e->type);
			}
			break;
		}
		}
	}
	if (!e820_table.nr_entries)
		panic("multiboot2: the boot loader gave no memory map");
	pr_info("Booted by %s\n", boot_loader_name[0] ? boot_loader_name : "a multiboot2 loader");
	pr_info("Command line: %s\n", boot_command_line);
	pr_info("multiboot2: boot information at [mem %#010lx-%#010lx]\n", boot_info_start,
		boot_info_end - 1);
	if (initrd_start)
		pr_info("multiboot2: initramfs at [mem %#010lx-%#010lx]\n", initrd_start,
			initrd_end - 1);
}

static const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	default:
		return "type ?";
	}
}

/* The memory map, as Linux prints it at boot ("BIOS-e820: [mem ...]"). */
void e820_print(void)
{
	u64 ram = 0;

	pr_info("BIOS-provided physical RAM map:\n");
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];
		pr_info("BIOS-e820: [mem 0x%016lx-0x%016lx] %s\n", e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
		if (e->type == E820_TYPE_RAM)
			ram += e->size;
	}
	pr_info("Memory: %lu KiB usable RAM\n", ram >> 10);
}
