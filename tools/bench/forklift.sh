#!/bin/sh
# make bench: boot Forklift with init=/bin/bench in QEMU under -icount
# shift=0 (guest time counts instructions: 1 ns each, so the figures do not
# move with the host's load) and print the table user/bench wrote.
#
#   tools/bench/forklift.sh        (run from the top of the tree)
# Environment: MAKE, BENCH_MEM (guest memory, default 1G: the 256 MiB row
# needs room), BENCH_TIMEOUT (seconds, default 900), V=1 (show commands).
# Writes build/bench/forklift.log (the serial log) and build/bench/forklift.txt
# (the table); exits non-zero if the boot gave no table.
set -u
cd "$(dirname "$0")/../.." || exit 2
MAKE=${MAKE:-make}
MEM=${BENCH_MEM:-1G}
TIMEOUT=${BENCH_TIMEOUT:-900}
OUT=build/bench
ISO=$OUT/forklift.iso
LOG=$OUT/forklift.log
mkdir -p "$OUT"

echo "bench: building $ISO (CMDLINE=init=/bin/bench)"
$MAKE -s iso ISO="$ISO" CMDLINE="init=/bin/bench" >"$OUT/forklift.build.log" 2>&1 ||
	{ tail -n 20 "$OUT/forklift.build.log"; exit 1; }

set -- qemu-system-x86_64 -M pc -accel tcg -icount shift=0 -m "$MEM" -smp 1 \
	-no-reboot -display none -monitor none -serial "file:$LOG" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$ISO"
[ -n "${V:-}" ] && echo "timeout $TIMEOUT $*"
echo "bench: booting Forklift in QEMU (TCG, -icount shift=0, -m $MEM; at most ${TIMEOUT}s)"
t0=$(date +%s)
timeout -k 5 "$TIMEOUT" "$@" </dev/null >"$OUT/forklift.qemu.log" 2>&1
code=$?
echo "bench: QEMU exited with $code after $(($(date +%s) - t0))s ($(tools/exit-status.sh "$code" | head -n 1))"
if ! tools/bench/table.sh "$LOG" >"$OUT/forklift.txt"; then
	echo "bench: no complete table in $LOG; its last lines:"
	tail -n 20 "$LOG" | sed 's/^/  | /'
	exit 1
fi
cat "$OUT/forklift.txt"
