#!/usr/bin/env bash
# The GDB check of `make test` (tests/run.sh runs it as the result "gdb"):
# GDB in batch mode, attached to a headless QEMU through tools/gdb/gdbinit
# (as `make debug` does), must
#   - stop at the breakpoint on copy_process (rest_init creating pid 1),
#   - show kernel_clone, user_mode_thread and rest_init in the backtrace,
#   - list the parent, swapper/0 (pid 0, running on CPU 0), with lx-ps,
#   - after `finish`, list the child: pid 1, ppid 0, state N (TASK_NEW),
#   - walk start_kernel's page: present, read-only, executable (kernel text),
#     and log_buf's: writable, no-execute (kernel data),
#   - run lx-task, lx-runqueues, lx-current, lx-dmesg without a Python error
#     and with the values they must show.
# Each failed check says what was expected and shows what GDB printed.
# Exit 0 when all pass, 1 otherwise. Files: build/tests/gdb.{out,log,qemu.log}.
#
# Environment: MAKE, ACCEL, MEM, SMP (as tests/run.sh), V=1 prints every check.
# shellcheck disable=SC2016,SC2317 # '$' in single quotes is for GDB and awk; traps call cleanup
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
MAKE=${MAKE:-make}
OUT=build/tests
iso=$OUT/gdb.iso
sock=$OUT/gdb.sock	# a Unix socket: no TCP port to collide with other users
out=$OUT/gdb.out
log=$OUT/gdb.log
qlog=$OUT/gdb.qemu.log
limit=30	# seconds, for QEMU and for GDB each (the breakpoint hits about 1s into the boot)

mkdir -p "$OUT"
if ! $MAKE -s iso ISO="$iso" CMDLINE= >"$OUT/gdb.build.log" 2>&1; then
	echo "building $iso failed:"
	tail -n 20 "$OUT/gdb.build.log"
	exit 1
fi

qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null && wait "$qpid" 2>/dev/null; rm -f "$sock"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -f "$sock" "$log" "$out"
# shellcheck disable=SC2046 # accel flags are a word list
timeout -k 5 "$limit" qemu-system-x86_64 -M pc $(tools/accel.sh "${ACCEL:-tcg}") \
	-m "${MEM:-512M}" -smp "${SMP:-1}" -no-reboot -display none -monitor none \
	-serial "file:$log" -device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$iso" \
	-S -chardev "socket,id=gdb0,path=$sock,server=on,wait=off" -gdb chardev:gdb0 \
	</dev/null >"$qlog" 2>&1 &
qpid=$!
for _ in $(seq 50); do
	[ -S "$sock" ] && break
	sleep 0.1
done
if [ ! -S "$sock" ]; then
	echo "QEMU did not create its gdbstub socket $sock; QEMU said:"
	sed 's/^/  | /' "$qlog"
	exit 1
fi

# Each section of the output starts with a line "@@ NAME".
cmds=(continue)
section() { cmds+=("echo @@ $1\\n" "$2"); }
section pc 'p $pc'
section bt bt
section ps lx-ps
section text 'lx-pagewalk start_kernel'
section data 'lx-pagewalk &log_buf'
section task0 'lx-task 0'
section current lx-current
section rq lx-runqueues
section dmesg lx-dmesg
section finish finish
section ps-child lx-ps
section task1 'lx-task 1'
cmds+=("echo @@ end\\n")
args=()
for c in "${cmds[@]}"; do args+=(-ex "$c"); done

FORKLIFT_GDB_TARGET=$sock timeout -k 5 "$limit" gdb -nx -batch -x tools/gdb/gdbinit \
	"${args[@]}" build/kernel.elf >"$out" 2>&1 </dev/null
gdb_status=$?

failures=0
# The lines of section $1.
sect() { awk -v s="@@ $1" '/^@@ / { on = ($0 == s); next } on' "$out"; }
pass() { [ -n "${V:-}" ] && echo "ok:   $1"; return 0; }
# check NAME SECTION EXPECTATION AWK-CONDITION: the condition must hold on
# some line of the section.
check() {
	local what=$1 sec=$2 expected=$3 cond=$4
	if sect "$sec" | awk "$cond { found = 1 } END { exit !found }"; then
		pass "$what"
		return
	fi
	failures=$((failures + 1))
	echo "FAIL: $what"
	echo "      expected: $expected"
	echo "      got (GDB's output for '$sec'):"
	sect "$sec" | head -n 15 | sed 's/^/      | /'
	[ -n "$(sect "$sec")" ] || echo "      | (nothing: GDB stopped before this point)"
}

check "the breakpoint on copy_process hits" pc \
	"\$pc at <copy_process> after 'continue'" '/<copy_process>/'
if [ "$failures" -gt 0 ]; then	# the other checks need the stop: say why it was missed
	echo "GDB did not stop at copy_process: QEMU's ${limit}s limit, a kernel crash, or a"
	echo "broken connection ended the run first. GDB's output up to 'continue' and after:"
	sed -n '/^@@ pc$/q;p' "$out" | tail -n 8 | sed 's/^/      | /'
	echo "The end of the serial log:"
	tail -n 5 "$log" 2>/dev/null | sed 's/^/      | /'
	echo "GDB's whole output: $out, serial log: $log"
	exit 1
fi
check "the backtrace goes through kernel_clone" bt \
	"a frame 'in kernel_clone' (copy_process is called by kernel_clone)" '/ kernel_clone \(/'
check "the backtrace shows who created the task" bt \
	"frames user_mode_thread and rest_init (rest_init creates pid 1)" \
	'/ user_mode_thread \(/ { u = 1 } / rest_init \(/ { r = 1 } u && r'
check "lx-ps lists the parent" ps \
	"a row '>0 0 0 0 R ... swapper/0': pid 0, running on CPU 0" \
	'$1 == ">0" && $2 == 0 && $4 == 0 && $NF == "swapper/0"'
check "lx-pagewalk: kernel text is read-only and executable" text \
	"access: present, kernel-only, read-only, executable" \
	'/^  access: present, kernel-only, read-only, executable$/'
check "lx-pagewalk: the text page's pte is P, not W, not NX" text \
	"a line 'pte PT [...] = ... P - - ... --' (W and NX clear)" \
	'$1 == "pte" && / P - - / && / --  -> 4 KiB page/'
check "lx-pagewalk: the frame's struct page" text \
	"a line 'page  mem_map[0x...] at ...: _refcount N'" '/^  page  mem_map\[0x[0-9a-f]+\] at .*_refcount [0-9]+/'
check "lx-pagewalk: kernel data is writable and no-execute" data \
	"access: present, kernel-only, writable, no-execute" \
	'/^  access: present, kernel-only, writable, no-execute$/'
check "lx-pagewalk: the data page's pte is P, W, NX" data \
	"a line 'pte PT [...] = 0x8... P W - ... NX' (W and NX set)" \
	'$1 == "pte" && / = 0x8[0-9a-f]+  P W - / && / NX  -> 4 KiB page/'
check "lx-task shows the idle task's stack" task0 \
	"'stack ... (16 KiB), end magic ok'" '/^  stack .*\(16 KiB\), end magic ok/'
check "lx-current: CPU 0 runs swapper/0" current \
	"CPU 0: current = ... pid 0 (swapper/0)" '/^CPU 0: current = .* pid 0 \(swapper\/0\)/'
check "lx-runqueues shows CPU 0's runqueue" rq \
	"'idle pid 0 (swapper/0)' on CPU 0" '/idle pid 0 \(swapper\/0\)/'
check "lx-dmesg prints the kernel log" dmesg \
	"the boot banner 'Forklift teaching kernel'" '/Forklift teaching kernel/'
check "after copy_process returns, lx-ps lists the child" ps-child \
	"a row '1 1 0 N ...': pid 1, tgid 1, ppid 0, state N (TASK_NEW)" \
	'$1 == 1 && $2 == 1 && $3 == 0 && $4 == "N"'
check "lx-task 1: a kernel thread has no user address space" task1 \
	"'VMAs      no user address space'" '/^  VMAs +no user address space/'

# A helper that raised shows as a Python error, wherever it happened.
if grep -qE "^Python Exception|Error occurred in Python" "$out"; then
	failures=$((failures + 1))
	echo "FAIL: the helpers ran without a Python error"
	echo "      expected: no 'Python Exception' in GDB's output; got:"
	grep -E -A2 "^Python Exception|Error occurred in Python" "$out" | head -n 12 | sed 's/^/      | /'
else
	pass "no Python errors"
fi

if [ "$failures" -gt 0 ]; then
	[ "$gdb_status" -eq 124 ] && echo "GDB was killed after ${limit}s (did the breakpoint ever hit?)"
	echo "$failures check(s) failed; GDB's whole output: $out, serial log: $log"
	exit 1
fi
exit 0
