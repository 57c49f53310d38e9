#!/bin/sh
# Write the kernel's symbol table as assembly for the .kallsyms section.
# Usage: tools/kallsyms.sh NM KERNEL_ELF > kallsyms.S   (KERNEL_ELF may be
# absent: then an empty table is written, for the first link.)
# Only text symbols (nm types t/T) are kept: backtraces name functions.
# Duplicate addresses (aliases) keep the first name.
nm=$1
elf=$2
echo '	.section .kallsyms, "a"'
echo '	.balign 8'
if [ -z "$elf" ]; then
	printf '\t.globl kallsyms_num, kallsyms_addresses, kallsyms_offsets, kallsyms_names\n'
	printf 'kallsyms_num:\t.quad 0\nkallsyms_addresses:\nkallsyms_offsets:\nkallsyms_names:\t.byte 0\n'
	exit 0
fi
"$nm" -n --defined-only "$elf" | awk 'BEGIN { n = 0 }
	$2 ~ /^[tT]$/ && $3 !~ /^(_text|_etext|__boot_start|__boot_end)$/ && $1 != last { addr[n] = $1; name[n] = $3; n++; last = $1 }
	END {
		print "\t.globl kallsyms_num, kallsyms_addresses, kallsyms_offsets, kallsyms_names"
		printf "kallsyms_num:\t.quad %d\n", n
		print "kallsyms_addresses:"
		for (i = 0; i < n; i++) printf "\t.quad 0x%s\n", addr[i]
		print "kallsyms_offsets:"
		off = 0
		for (i = 0; i < n; i++) { printf "\t.long %d\n", off; off += length(name[i]) + 1 }
		print "kallsyms_names:"
		for (i = 0; i < n; i++) printf "\t.asciz \"%s\"\n", name[i]
	}'
