#!/usr/bin/env bash
# A stand-in for qemu-system-x86_64 that boots no kernel: Linux plays the
# kernel's part. It exists to check the harness's user boots (user-boots,
# user-runtests in tests/boot.list) before, or apart from, the kernel:
#
#   QEMU=tests/fake-qemu.sh tests/run.sh user/hello user/segv runtests
#
# From the ISO given with -cdrom it reads the kernel command line (GRUB's
# entry) and the initramfs. With init=PATH it runs PATH natively, chrooted
# into the unpacked initramfs (as root; otherwise in a user namespace), and
# writes to the serial log (-serial file:LOG) what the kernel would: GRUB's
# lines, kernel log lines, the program's output (stdout and stderr) with
# \r\n, then "init (pid 1) exited with status N; powering off" or "init
# (pid 1) was killed by signal S". It exits as QEMU does on isa-debug-exit:
# 2 * N + 1, or 2 * (64 + S) + 1; a missing program panics (exit 255), as
# the kernel does. FAKE_NOISE=1 adds a kernel line after the program's first
# output line and one in the middle of its second line, as printk can.
set -uo pipefail

log="" iso=""
while [ $# -gt 0 ]; do
	case $1 in
	-serial) log=${2#file:}; shift ;;
	-cdrom) iso=$2; shift ;;
	esac
	shift
done
{ [ -n "$log" ] && [ -r "$iso" ]; } || { echo "fake-qemu: needs -serial file:LOG and -cdrom ISO" >&2; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
xorriso -osirrox on -indev "$iso" -extract /boot/grub/grub.cfg "$tmp/grub.cfg" \
	-extract /boot/initramfs.cpio "$tmp/initramfs.cpio" >/dev/null 2>&1 ||
	{ echo "fake-qemu: cannot read $iso" >&2; exit 1; }
cmdline=$(sed -n 's/^[[:space:]]*multiboot2[[:space:]]\{1,\}[^[:space:]]*[[:space:]]*//p' "$tmp/grub.cfg")
init=$(printf '%s\n' "$cmdline" | tr ' ' '\n' | sed -n 's/^init=//p' | tail -n 1)
[ -n "$init" ] || { echo "fake-qemu: no init= in the command line '$cmdline'" >&2; exit 1; }
{ mkdir "$tmp/root" && (cd "$tmp/root" && cpio -id --quiet <../initramfs.cpio); } ||
	{ echo "fake-qemu: cannot unpack the initramfs" >&2; exit 1; }

k() { printf '[%5d.%06d] %s\r\n' "$1" "$2" "$3"; }
{
	printf '\033[H\033[J\033[1;1H  Booting `Forklift'"'"'\r\n\r\n\r'
	k 0 0 "Forklift teaching kernel (x86-64): a fake, tests/fake-qemu.sh"
	k 0 0 "Command line: $cmdline"
} >"$log"
if [ ! -f "$tmp/root$init" ]; then
	k 0 812345 "Run $init as init process" >>"$log"
	k 0 823456 "Kernel panic - not syncing: Requested init $init failed (error -2)." >>"$log"
	exit 255
fi
k 0 812345 "Run $init as init process" >>"$log"

chroot=$(PATH=$PATH:/usr/sbin:/sbin command -v chroot) || { echo "fake-qemu: no chroot" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then run=("$chroot" "$tmp/root"); else run=(unshare -r "$chroot" "$tmp/root"); fi
# (the braces: bash's "Segmentation fault" report goes nowhere)
{ env -i HOME=/ TERM=linux "${run[@]}" "$init" </dev/null >"$tmp/out" 2>&1; } 2>/dev/null
rc=$?
if [ -n "${FAKE_NOISE:-}" ]; then
	awk 'NR == 2 { h = int(length($0) / 2); printf "%s", substr($0, 1, h)
		       printf "[    1.100000] fake: a kernel line in the middle of a line\n"
		       print substr($0, h + 1); next }
	     { print }
	     NR == 1 { print "[    1.000000] fake: a kernel line between two lines" }' "$tmp/out"
else
	cat "$tmp/out"
fi | sed 's/$/\r/' >>"$log"
if [ "$rc" -gt 128 ]; then
	k 2 0 "init (pid 1) was killed by signal $((rc - 128))" >>"$log"
	exit $((2 * (64 + rc - 128) + 1))
fi
k 2 0 "init (pid 1) exited with status $rc; powering off" >>"$log"
exit $((2 * (rc < 63 ? rc : 63) + 1))
