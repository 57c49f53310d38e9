#!/usr/bin/env bash
# `make debug` (debug.sh gdb) and `make debug-qemu` (debug.sh qemu); the
# walkthrough is docs/debugging.md.
#
#   gdb   QEMU in the background, stopped at reset (-S), its gdbstub on
#         127.0.0.1:GDBPORT, the serial console on 127.0.0.1:GDBPORT+1000
#         and in build/debug-serial.log; GDB in the foreground with
#         tools/gdb/gdbinit. When GDB exits, QEMU is stopped with it.
#   qemu  QEMU alone, stopped at reset, gdbstub on GDBPORT, serial console on
#         this terminal; it prints how to attach GDB or an IDE.
#
# Environment (the Makefile sets it): ISO, QEMU_FLAGS, GDBPORT, and
# optionally GDB (the debugger to run), DEBUG_TIMEOUT (QEMU's time limit,
# default 4h: every QEMU runs under `timeout`).
set -u

mode=${1:-}
port=${GDBPORT:?GDBPORT is not set (run make debug)}
iso=${ISO:-build/os.iso}
serial_port=$((port + 1000))
serial_log=build/debug-serial.log
qemu_log=build/debug-qemu.log
limit=${DEBUG_TIMEOUT:-4h}
gdb=${GDB:-gdb}

# Is anything listening on TCP port $1 (IPv4 or IPv6)? /proc/net/tcp lists
# "local_address:PORT" in hex, state 0A is LISTEN.
listening() {
	local hex
	hex=$(printf ':%04X' "$1")
	awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
		/proc/net/tcp /proc/net/tcp6 2>/dev/null
}

check_port() {
	if listening "$1"; then
		echo "debug: port $1 is already in use (another QEMU being debugged?)." >&2
		echo "       Stop it, or pick other ports: make $mode_target GDBPORT=<port>" >&2
		exit 1
	fi
}

case $mode in
gdb) mode_target=debug ;;
qemu) mode_target=debug-qemu ;;
*) echo "usage: tools/gdb/debug.sh gdb|qemu" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.." || exit 2
command -v qemu-system-x86_64 >/dev/null || { echo "debug: qemu-system-x86_64 not found" >&2; exit 1; }
check_port "$port"

# shellcheck disable=SC2206 # QEMU_FLAGS is a word list
qemu=(qemu-system-x86_64 ${QEMU_FLAGS:-} -cdrom "$iso" -display none -S
	-gdb "tcp:127.0.0.1:$port")

if [ "$mode" = qemu ]; then
	cat <<EOF
QEMU is stopped at reset, waiting for a debugger on localhost:$port (gdbstub).
The serial console is this terminal; quit QEMU with Ctrl-A then X.

Attach from another terminal, at the top of the tree:
    FORKLIFT_GDB_TARGET=localhost:$port gdb -x tools/gdb/gdbinit build/kernel.elf
  (what make debug runs: helpers loaded, stop at start_kernel, break on copy_process)
or by hand:
    gdb build/kernel.elf
    (gdb) set architecture i386:x86-64
    (gdb) target remote localhost:$port
    (gdb) source tools/gdb/forklift.py
    (gdb) hbreak start_kernel        (hardware: the kernel is not in memory yet)
    (gdb) continue
An IDE (VS Code cppdbg, CLion "Remote Debug", Eclipse CDT "GDB Hardware Debugging"):
    debugger gdb, symbol file build/kernel.elf, target remote localhost:$port,
    before connecting: set architecture i386:x86-64
    after connecting:  source tools/gdb/forklift.py, hbreak start_kernel
    (docs/debugging.md has a VS Code launch.json)
EOF
	timeout -k 5 "$limit" "${qemu[@]}" -serial mon:stdio
	exit $?
fi

command -v "$gdb" >/dev/null || { echo "debug: $gdb not found (apt-get install gdb)" >&2; exit 1; }
check_port "$serial_port"
mkdir -p build
rm -f "$serial_log"
qemu+=(-monitor none
	-chardev "socket,id=ser0,host=127.0.0.1,port=$serial_port,server=on,wait=off,logfile=$serial_log"
	-serial chardev:ser0)
timeout -k 5 "$limit" "${qemu[@]}" </dev/null >"$qemu_log" 2>&1 &
qpid=$!
# However GDB ends (quit, Ctrl-D, a crash, the terminal closing), QEMU goes too.
stop_qemu() { kill "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null; }
trap stop_qemu EXIT
trap 'exit 129' HUP
trap 'exit 143' TERM

for _ in $(seq 50); do
	listening "$port" && break
	kill -0 "$qpid" 2>/dev/null || break
	sleep 0.1
done
if ! listening "$port"; then
	echo "debug: QEMU did not start its gdbstub on port $port:" >&2
	sed 's/^/  | /' "$qemu_log" >&2
	exit 1
fi
cat <<EOF
QEMU (pid $qpid) is stopped at reset; gdbstub on localhost:$port.
Serial console: $serial_log (tail -f it in another terminal), or connect to
localhost:$serial_port (telnet, nc or socat) to type into it.
EOF
# GDB runs as a job of its own (set -m) that owns the terminal, so Ctrl-C
# reaches GDB only: make, which runs this script, would take it as "stop
# everything" and end with "*** [debug] Interrupt" once GDB exits.
set -m
FORKLIFT_GDB_TARGET=localhost:$port "$gdb" -q -x tools/gdb/gdbinit build/kernel.elf
