#!/bin/sh
# Two tables of user/bench (tools/bench/table.sh) side by side, with the
# ratio A / B of each row (of ns/op, or of ns/MiB where a row has only
# that): below 1 means A needs fewer instructions under -icount.
#
#   tools/bench/compare.sh A.txt B.txt [A_NAME B_NAME]
[ $# -ge 2 ] || { echo "usage: $0 A.txt B.txt [A_NAME B_NAME]" >&2; exit 2; }
awk -v an="${3:-Forklift}" -v bn="${4:-Linux}" '
FNR == 1 { file++ }
/^bench: begin/ { sub(/^bench: begin /, ""); kernel[file] = $0; next }
/^bench:/ || $1 == "name" || NF < 4 { next }
{
	if (file == 1) order[n++] = $1
	op[file, $1] = $3; mib[file, $1] = $4
}
function num(x) { return x ~ /^[0-9.]+$/ }
function ratio(a, b) { return num(a) && num(b) && b > 0 ? sprintf("%.2f", a / b) : "-" }
END {
	printf "%s: %s\n%s: %s\n\n", an, kernel[1], bn, kernel[2]
	printf "%-24s %12s %12s %7s %12s %12s\n", "", an, bn, "", an, bn
	printf "%-24s %12s %12s %7s %12s %12s\n", "name", "ns/op", "ns/op", "ratio", "ns/MiB", "ns/MiB"
	for (i = 0; i < n; i++) {
		k = order[i]
		a = op[1, k]; b = (2, k) in op ? op[2, k] : "-"
		am = mib[1, k]; bm = (2, k) in mib ? mib[2, k] : "-"
		r = ratio(a, b)
		if (r == "-") r = ratio(am, bm)
		printf "%-24s %12s %12s %7s %12s %12s\n", k, a, b, r, am, bm
	}
}' "$1" "$2"
