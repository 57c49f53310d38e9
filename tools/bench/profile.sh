#!/bin/sh
# Where a loop's instructions go in the kernel: boots Forklift (TCG,
# -icount shift=0, the insnprof plugin) twice, with PROG.c built with -DN=0
# and with -DN=COUNT as init, and prints the difference per kernel function,
# divided by COUNT: instructions per iteration, i.e. ns per operation in
# user/bench's terms.
#
#   tools/bench/profile.sh [PROG.c [COUNT [CFLAG...]]]
#   e.g. tools/bench/profile.sh                      fork+exit+wait, 2000 times
#        tools/bench/profile.sh tools/bench/fork-loop.c 2000 -DCALL=vfork
# PROG.c loops N times (see tools/bench/fork-loop.c). Environment: MAKE,
# BENCH_MEM (default 1G), BENCH_TIMEOUT (per boot, default 900), TOP (rows
# shown, default 25). Needs gcc and a QEMU with plugin support (Debian's).
set -eu
cd "$(dirname "$0")/../.."
src=${1:-tools/bench/fork-loop.c}
count=${2:-2000}
[ $# -ge 2 ] && shift 2 || set --
OUT=build/bench/profile
MAKE=${MAKE:-make}
mkdir -p "$OUT/rootfs/bin"

gcc -O2 -Wall -Wextra -Werror -shared -fPIC tools/bench/insnprof.c -o "$OUT/insnprof.so"
for n in 0 "$count"; do
	musl-gcc -static -O2 -Wall -Wextra -Werror -DN="$n" "$@" "$src" -o "$OUT/rootfs/bin/prof-$n"
done
for n in 0 "$count"; do
	echo "profile: booting with init=/bin/prof-$n" >&2
	$MAKE -s iso ISO="$OUT/prof.iso" CMDLINE="init=/bin/prof-$n" EXTRA_ROOTFS="$OUT/rootfs" \
		>"$OUT/build.log" 2>&1 || { tail -n 20 "$OUT/build.log"; exit 1; }
	INSNPROF_OUT=$OUT/prof-$n.txt timeout -k 5 "${BENCH_TIMEOUT:-900}" qemu-system-x86_64 \
		-M pc -accel tcg -icount shift=0 -m "${BENCH_MEM:-1G}" -smp 1 -no-reboot \
		-display none -monitor none -serial "file:$OUT/prof-$n.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$OUT/prof.iso" \
		-plugin "$OUT/insnprof.so" </dev/null || [ $? -eq 1 ]	# 1: init exited 0
done

# Per block: the second count minus the first. Kernel text symbols and
# blocks sorted together by address: each block belongs to the symbol
# before it; user-space addresses (below the canonical hole) to "[user]".
{
	awk '$2 ~ /^[tTwW]$/ { print $1, 0, $3 }' build/kernel.sym
	awk -v f0="$OUT/prof-0.txt" '{ d[$1] += FILENAME == f0 ? -$2 : $2 }
		END { for (a in d) if (d[a]) print a, 1, d[a] }' "$OUT/prof-0.txt" "$OUT/prof-$count.txt"
} | sort -k1,1 -k2,2n | awk -v count="$count" '
	$2 == 0 { sym = $3; next }
	{ name = $1 < "0000800000000000" ? "[user]" : sym; sum[name] += $3; total += $3 }
	END {
		printf "%12.0f  100.0%%  total instructions per iteration\n", total / count
		for (s in sum)
			printf "%12.0f %6.1f%%  %s\n", sum[s] / count, 100 * sum[s] / total, s
	}' | sort -k1,1nr | head -n "$((${TOP:-25} + 1))"
