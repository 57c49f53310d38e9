/*
 * Finding the CPUs: the firmware lists them in the ACPI MADT ("Multiple
 * APIC Description Table", signature "APIC"), one entry per local APIC.
 *
 *   RSDP ("RSD PTR ")  GRUB hands over a copy in a multiboot2 tag; else it
 *        |             lies on a 16-byte boundary in the BIOS area
 *        v             0xe0000-0xfffff (ACPI spec 5.2.5.1)
 *   RSDT / XSDT        a header, then 32-bit (RSDT) or 64-bit (XSDT)
 *        |             physical addresses of the other tables
 *        v
 *   MADT "APIC"        a header, the local APIC address, flags, then
 *                      variable-length entries; type 0 is a CPU's local APIC
 *
 * ACPI spec 6.5, chapter 5.2. Linux: drivers/acpi/tables.c,
 * arch/x86/kernel/acpi/boot.c acpi_parse_madt(), acpi_parse_lapic().
 * Runs once on the boot CPU, before the other CPUs start.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/smp.h>

struct acpi_rsdp {
	char signature[8];	/* "RSD PTR " */
	u8 checksum;		/* the first 20 bytes sum to 0 */
	char oem_id[6];
	u8 revision;		/* 0: ACPI 1.0 (RSDT only); 2: also an XSDT */
	u32 rsdt_address;
	u32 length;		/* revision 2 and later: */
	u64 xsdt_address;
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;		/* of the whole table, header included */
	u8 revision;
	u8 checksum;		/* the whole table sums to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 asl_compiler_id;
	u32 asl_compiler_revision;
} __packed;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;		/* the local APICs' physical address */
	u32 flags;
} __packed;

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

#define ACPI_MADT_TYPE_LOCAL_APIC 0
#define ACPI_MADT_ENABLED 1		/* usable now */
#define ACPI_MADT_ONLINE_CAPABLE 2	/* can be enabled later (hot-plug) */

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;			/* the CPU's local APIC ID: where IPIs go */
	u32 lapic_flags;
} __packed;

/* A table's bytes: RAM is in the direct map; firmware areas get ioremap(). */
static void *acpi_map(phys_addr_t pa, size_t size)
{
	if (pa + size <= 0x100000 ||	/* the first 1 MiB is always mapped */
	    memblock_overlaps_region(&memblock.memory, pa, size))
		return __va(pa);
	return ioremap(pa, size);
}

static void acpi_unmap(void *va)
{
	iounmap(va);	/* ignores direct-map addresses */
}

static bool acpi_checksum_ok(const void *p, size_t len)
{
	u8 sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

/* Map the table at pa whole (its length is in its header), or NULL. */
static struct acpi_table_header *acpi_map_table(phys_addr_t pa)
{
	struct acpi_table_header *h = acpi_map(pa, sizeof(*h));
	u32 len;

	if (!h)
		return NULL;
	len = h->length;
	acpi_unmap(h);
	if (len < sizeof(*h) || len > (1U << 20))
		return NULL;
	h = acpi_map(pa, len);
	if (h && !acpi_checksum_ok(h, len)) {
		pr_warn("ACPI: table at %#lx has a bad checksum\n", pa);
		acpi_unmap(h);
		return NULL;
	}
	return h;
}

/* The RSDP: GRUB's copy, else a search of the BIOS read-only area.
 * Linux: drivers/acpi/osl.c acpi_os_get_root_pointer(), acpi_find_root_pointer(). */
static const struct acpi_rsdp *acpi_find_rsdp(void)
{
	const struct acpi_rsdp *rsdp = (const void *)boot_acpi_rsdp;

	if (!memcmp(rsdp->signature, "RSD PTR ", 8) && acpi_checksum_ok(rsdp, 20))
		return rsdp;
	for (phys_addr_t pa = 0xe0000; pa < 0x100000; pa += 16) {
		rsdp = __va(pa);
		if (!memcmp(rsdp->signature, "RSD PTR ", 8) && acpi_checksum_ok(rsdp, 20))
			return rsdp;
	}
	return NULL;
}

/* The table with this signature, mapped, or NULL. Linux: acpi_get_table(). */
static struct acpi_table_header *acpi_get_table(const char *sig)
{
	const struct acpi_rsdp *rsdp = acpi_find_rsdp();
	struct acpi_table_header *root, *t = NULL;
	bool xsdt;
	size_t entry;

	if (!rsdp)
		return NULL;
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_address;
	root = acpi_map_table(xsdt ? rsdp->xsdt_address : rsdp->rsdt_address);
	if (!root)
		return NULL;
	entry = xsdt ? 8 : 4;
	for (size_t off = sizeof(*root); off + entry <= root->length && !t; off += entry) {
		u64 pa = 0;

		memcpy(&pa, (char *)root + off, entry);	/* unaligned in an XSDT */
		t = acpi_map_table(pa);
		if (t && memcmp(t->signature, sig, 4)) {
			acpi_unmap(t);
			t = NULL;
		}
	}
	acpi_unmap(root);
	return t;
}

/*
 * Register every usable CPU of the MADT (smp_register_cpu()); returns how
 * many there are, 0 if there is no MADT (then only the boot CPU runs).
 * Linux: arch/x86/kernel/acpi/boot.c acpi_parse_madt() + acpi_parse_lapic().
 */
int __init acpi_parse_madt(void)
{
	struct acpi_table_madt *madt = (void *)acpi_get_table("APIC");
	int n = 0;

	if (!madt) {
		pr_info("ACPI: no MADT found\n");
		return 0;
	}
	pr_info("ACPI: MADT at %p, local APICs at %#x\n", madt, madt->address);
	for (u32 off = sizeof(*madt); off + 2 <= madt->header.length;) {
		struct acpi_subtable_header *e = (void *)((char *)madt + off);

		if (e->length < 2)
			break;	/* a broken table: stop rather than loop */
		if (e->type == ACPI_MADT_TYPE_LOCAL_APIC && e->length >= sizeof(struct acpi_madt_local_apic)) {
			struct acpi_madt_local_apic *la = (void *)e;

			if (la->lapic_flags & ACPI_MADT_ENABLED) {
				pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] enabled)\n",
					la->processor_id, la->id);
				if (smp_register_cpu(la->id) >= 0)
					n++;
			}
		}
		off += e->length;
	}
	acpi_unmap(madt);
	return n;
}
