#!/bin/sh
# make bench-linux (after make bench): boot Debian's Linux kernel in the same
# QEMU set-up as tools/bench/forklift.sh (TCG, -icount shift=0, same memory,
# one CPU) with an initramfs holding only /init = build/user/bin/bench (a
# static binary: no libraries needed) and /dev/console, then print both
# tables side by side with the ratio Forklift / Linux.
#
#   tools/bench/linux.sh        (run from the top of the tree)
# Environment: BENCH_MEM (default 1G), BENCH_TIMEOUT (seconds, default 900),
# BENCH_APPEND (more Linux command-line options), V=1 (show commands).
# Writes build/bench/linux.log and build/bench/linux.txt.
set -u
cd "$(dirname "$0")/../.." || exit 2
MEM=${BENCH_MEM:-1G}
TIMEOUT=${BENCH_TIMEOUT:-900}
OUT=build/bench
LOG=$OUT/linux.log
BENCH=build/user/bin/bench
[ -x "$BENCH" ] || { echo "bench-linux: no $BENCH: run make bench first" >&2; exit 1; }

vmlinuz=$(tools/bench/fetch-linux.sh "$OUT/linux") || exit 1

# The initramfs. Linux opens /dev/console for init's fds 0-2 before it runs
# /init; devtmpfs is not mounted on an initramfs, so the node must be in the
# archive. Creating it takes root; without root, the archive has no /dev
# and user/bench mounts devtmpfs and opens the console itself.
stage=$OUT/linux-initramfs
rm -rf "$stage" && mkdir -p "$stage/dev"
cp "$BENCH" "$stage/init"
if ! mknod -m 600 "$stage/dev/console" c 5 1 2>/dev/null; then
	echo "bench-linux: cannot create /dev/console (not root): /init will mount devtmpfs"
	rmdir "$stage/dev"
fi
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) \
	>"$OUT/linux-initramfs.cpio" || exit 1

# panic=-1 -no-reboot: when /init exits Linux panics and reboots at once,
# which ends QEMU. transparent_hugepage=never: 4 KiB pages, as Forklift.
set -- qemu-system-x86_64 -M pc -accel tcg -icount shift=0 -m "$MEM" -smp 1 \
	-no-reboot -display none -monitor none -serial "file:$LOG" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel "$vmlinuz" -initrd "$OUT/linux-initramfs.cpio" \
	-append "console=ttyS0 quiet panic=-1 transparent_hugepage=never ${BENCH_APPEND:-}"
[ -n "${V:-}" ] && echo "timeout $TIMEOUT $*"
echo "bench-linux: booting $(cat "$OUT/linux/package") in QEMU (TCG, -icount shift=0, -m $MEM; at most ${TIMEOUT}s)"
t0=$(date +%s)
timeout -k 5 "$TIMEOUT" "$@" </dev/null >"$OUT/linux.qemu.log" 2>&1
echo "bench-linux: QEMU exited with $? after $(($(date +%s) - t0))s"
if ! tools/bench/table.sh "$LOG" >"$OUT/linux.txt"; then
	echo "bench-linux: no complete table in $LOG; its last lines:"
	tail -n 20 "$LOG" | sed 's/^/  | /'
	exit 1
fi
echo
if [ -s "$OUT/forklift.txt" ]; then
	tools/bench/compare.sh "$OUT/forklift.txt" "$OUT/linux.txt"
else
	cat "$OUT/linux.txt"	# no Forklift table to compare with (make bench writes it)
fi
