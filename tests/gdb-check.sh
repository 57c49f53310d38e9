#!/usr/bin/env bash
# The GDB check of `make test` (tests/run.sh runs it as the result "gdb").
# One boot, init=/bin/gdb_fork (user/gdb_fork.c: it writes a page-aligned
# global, gdb_fork_value, forks; the child reads it and writes it). GDB in
# batch mode, attached to a headless QEMU through tools/gdb/gdbinit (as
# `make debug` does), must show:
#
# At boot, the first copy_process: rest_init creating pid 1.
#   - the breakpoint hits; bt has kernel_clone, user_mode_thread, rest_init;
#   - lx-ps lists the parent, swapper/0 (pid 0, on CPU 0), and after
#     `finish` the child: pid 1, ppid 0, state N (TASK_NEW);
#   - lx-pagewalk: start_kernel read-only and executable, log_buf writable
#     and no-execute; lx-task, lx-current, lx-runqueues, lx-dmesg work.
# Then, breaking on copy_process only for tasks with an mm (user space):
#   - the breakpoint hits when gdb_fork forks: bt has kernel_clone, the
#     fork system call (__do_sys_fork/__x64_sys_fork), and goes on through
#     do_syscall_64 and entry_SYSCALL_64 to the user-space caller (the
#     unwinder of forklift.py); lx-ps lists the parent, gdb_fork, running;
#   - at wake_up_new_task (the child's page tables exist): lx-ps lists the
#     child (ppid the parent, state N); lx-pagewalk of gdb_fork_value in the
#     parent and in the child: the same physical page, W clear in both ptes
#     (read-only), U set, _refcount 2, two different pgds;
#   - the child's first write (handle_mm_fault for that page, in the child):
#     still shared before; after the fault the child has a new page,
#     writable, _refcount 1, and the parent keeps the old one, _refcount 1;
#   - run to the end: gdb_fork prints PASS and powers off with status 0.
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
prog=gdb_fork	# user/gdb_fork.c
sock=$OUT/gdb.sock	# a Unix socket: no TCP port to collide with other users
out=$OUT/gdb.out
log=$OUT/gdb.log
qlog=$OUT/gdb.qemu.log
limit=30	# seconds, for QEMU and for GDB each (the whole run takes about 2s)

mkdir -p "$OUT"
if ! $MAKE -s iso ISO="$iso" CMDLINE="init=/bin/$prog" >"$OUT/gdb.build.log" 2>&1; then
	echo "building $iso failed:"
	tail -n 20 "$OUT/gdb.build.log"
	exit 1
fi
# The global both sides touch, at a fixed address (a static, non-PIE binary).
addr=$(nm "build/user/bin/$prog" 2>/dev/null | awk '$3 == "gdb_fork_value" { print $1 }')
if [ -z "$addr" ]; then
	echo "no symbol gdb_fork_value in build/user/bin/$prog (nm): was user/$prog.c built?"
	exit 1
fi
addr=$(printf '%#x' "0x$addr")

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

# Each section of the output starts with a line "@@ NAME". GDB runs every
# -ex even after one fails, so a failure shows up in its own section only.
cmds=("break panic" continue)	# a panic stops at once rather than at the time limit
section() { cmds+=("echo @@ $1\\n" "$2"); }
# 1. The first copy_process of the boot: rest_init creating pid 1.
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
# 2. From now on only forks of tasks with a user address space.
cmds+=("clear copy_process" 'break copy_process if $lx_current()->mm != 0' continue)
section fork-pc 'p $pc'
section fork-bt bt
section fork-ps lx-ps
section fork-task lx-task
# 3. After copy_process: the child's page tables exist, it has not run.
cmds+=("clear copy_process" "tbreak wake_up_new_task" continue)
section new-pc 'p $pc'
section new-ps lx-ps
section walk-parent "lx-pagewalk $addr \$lx_current()->pid"
section walk-child "lx-pagewalk $addr p->pid"
section task-child 'lx-task p->pid'
# 4. The first write to the page: the child's copy-on-write fault.
cmds+=("break handle_mm_fault if (address >> 12) == ($addr >> 12)" continue)
section cow-pc 'p $pc'
section cow-current lx-current
section cow-before "lx-pagewalk $addr"
section cow-finish finish
section cow-child "lx-pagewalk $addr \$lx_current()->pid"
section cow-parent "lx-pagewalk $addr \$lx_current()->real_parent->pid"
# 5. Let gdb_fork finish: QEMU powers off, which ends GDB's connection.
cmds+=("clear handle_mm_fault")
section run-out continue
cmds+=("echo @@ end\\n")
args=()
for c in "${cmds[@]}"; do args+=(-ex "$c"); done

FORKLIFT_GDB_TARGET=$sock timeout -k 5 "$limit" gdb -nx -batch -x tools/gdb/gdbinit \
	"${args[@]}" build/kernel.elf >"$out" 2>&1 </dev/null
gdb_status=$?
# GDB has detached: gdb_fork runs on to its end and the kernel powers off.
for _ in $(seq 100); do
	kill -0 "$qpid" 2>/dev/null || break
	sleep 0.1
done
kill "$qpid" 2>/dev/null
wait "$qpid"
qemu_status=$?
qpid=

failures=0
# The lines of section $1.
sect() { awk -v s="@@ $1" '/^@@ / { on = ($0 == s); next } on' "$out"; }
pass() { [ -n "${V:-}" ] && echo "ok:   $1"; return 0; }
# What failed, what was expected, and GDB's output for section $2.
failed() {
	local what=$1 sec=$2 expected=$3
	failures=$((failures + 1))
	echo "FAIL: $what"
	echo "      expected: $expected"
	echo "      got (GDB's output for '$sec'):"
	sect "$sec" | head -n 15 | sed 's/^/      | /'
	[ -n "$(sect "$sec")" ] || echo "      | (nothing: GDB stopped before this point)"
}
# check NAME SECTION EXPECTATION AWK-CONDITION: the condition must hold on
# some line of the section.
check() {
	if sect "$2" | awk "$4 { found = 1 } END { exit !found }"; then pass "$1"; else failed "$@"; fi
}
# verify NAME SECTION EXPECTATION SHELL-CONDITION: for values taken from
# several sections (pids, physical addresses).
verify() {
	if eval "$4"; then pass "$1"; else failed "$1" "$2" "$3"; fi
}
# The value after "$2" on the line of section $1 starting with it
# ("phys" -> 0x5b5000), the refcount of a walk, its pid.
field() { sect "$1" | awk -v k="$2" '$1 == k { print $2; exit }'; }
refcount() { sect "$1" | sed -n 's/.*_refcount \([0-9]*\).*/\1/p' | head -n 1; }
walk_pid() { sect "$1" | sed -n 's/^lx-pagewalk .* for pid \([0-9]*\) .*/\1/p' | head -n 1; }
pgd() { sect "$1" | sed -n 's/^  pgd at \(0x[0-9a-f]*\):.*/\1/p' | head -n 1; }
# The pte line of a walk: "pte PT [...] = 0x...  P - U ..." (W clear) or "P W U".
pte_bits() { sect "$1" | awk '$1 == "pte" { for (i = 1; $i != "="; i++); print $(i + 2), $(i + 3), $(i + 4); exit }'; }
# The user must get here: stop with an explanation if the breakpoint at $1 was missed.
must_stop() {
	local sec=$1 fn=$2 when=$3
	if sect "$sec" | grep -q "<$fn"; then
		pass "GDB stopped in $fn $when"
		return
	fi
	failed "GDB stops in $fn $when" "$sec" "\$pc at <$fn>"
	echo "GDB did not stop there: the kernel panicked (a stop in <panic>), the program"
	echo "ended first (see the serial log below), QEMU's ${limit}s limit, or a broken"
	echo "connection ended the run first. GDB's output before it:"
	sed -n "/^@@ $sec\$/q;p" "$out" | tail -n 8 | sed 's/^/      | /'
	echo "The end of the serial log:"
	tail -n 5 "$log" 2>/dev/null | sed 's/^/      | /'
	echo "GDB's whole output: $out, serial log: $log"
	exit 1
}

# 1. pid 1, made by rest_init at boot.
must_stop pc copy_process "at boot (rest_init creating pid 1)"
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

# 2. gdb_fork calls fork().
must_stop fork-pc copy_process "when $prog forks (copy_process if \$lx_current()->mm)"
check "the fork's backtrace goes through kernel_clone" fork-bt \
	"a frame 'in kernel_clone'" '/ kernel_clone \(/'
check "the fork's backtrace shows the fork system call" fork-bt \
	"a frame __do_sys_fork or __x64_sys_fork (kernel/fork.c SYSCALL_DEFINE0(fork))" \
	'/ (__do_sys_fork|__x64_sys_fork) \(/'
check "the fork's backtrace goes through the entry code to user space" fork-bt \
	"frames do_syscall_64, entry_SYSCALL_64, then '0x... in [user space] ()' (forklift.py's unwinder)" \
	'/ do_syscall_64 \(/ { d = 1 } d && / entry_SYSCALL_64 \(/ { e = 1 } e && / 0x0000[0-7][0-9a-f]+ in \[user space\] \(\)$/ { u = 1 } u'
parent=$(sect fork-ps | awk -v p="$prog" '$1 ~ /^>[0-9]+$/ && $NF == p { print $2; exit }')
verify "lx-ps lists the parent, $prog, running" fork-ps \
	"a row '>CPU PID ... R ... $prog' (running on CPU)" \
	'[ -n "$parent" ] && sect fork-ps | grep -qE "^>[0-9]+ +$parent +.* R .* $prog\$"'
check "lx-task of the parent lists its VMAs" fork-task \
	"a line 'VMAs N' and an rw-p area (.data)" '/^  VMAs +[0-9]+$/ { v = 1 } / rw-p / { w = 1 } v && w'

# 3. At wake_up_new_task: the same page, read-only, in both.
must_stop new-pc wake_up_new_task "after copy_process returned"
child=$(sect new-ps | awk -v p="$parent" -v c="$prog" '$3 == p && $4 == "N" && $NF == c { print $1; exit }')
verify "lx-ps lists the child: ppid $parent, state N" new-ps \
	"a row 'PID PID ${parent:-PARENT} N ... $prog' (TASK_NEW: not yet woken)" '[ -n "$child" ]'
parent=${parent:-?} child=${child:-?}
pphys=$(field walk-parent phys) cphys=$(field walk-child phys)
verify "lx-pagewalk walked the parent's tables" walk-parent \
	"'lx-pagewalk $addr for pid $parent ($prog)'" '[ "$(walk_pid walk-parent)" = "$parent" ]'
verify "lx-pagewalk walked the child's tables" walk-child \
	"'lx-pagewalk $addr for pid $child ($prog)'" '[ "$(walk_pid walk-child)" = "$child" ]'
verify "the child has page tables of its own" walk-child \
	"a pgd other than the parent's ($(pgd walk-parent))" '[ -n "$(pgd walk-child)" ] && [ "$(pgd walk-child)" != "$(pgd walk-parent)" ]'
for side in parent child; do
	sec=walk-$side
	check "$side: $addr lies in a private writable area" $sec \
		"a line 'vma   ... rw-p ...' (gdb_fork_value is in .data)" '$1 == "vma" && $3 == "rw-p"'
	verify "$side: the pte of $addr is read-only, user (W clear, U set)" $sec \
		"pte bits 'P - U' (got '$(pte_bits $sec)')" '[ "$(pte_bits '$sec')" = "P - U" ]'
	check "$side: the CPU allows user reads only" $sec \
		"access: present, user, read-only, ..." '/^  access: present, user, read-only,/'
	verify "$side: the page's _refcount is 2 (one per pte)" $sec \
		"_refcount 2 (got '$(refcount $sec)')" '[ "$(refcount '$sec')" = 2 ]'
done
verify "parent and child map the same physical page" walk-child \
	"phys ${pphys:-?} as in the parent's walk (got '${cphys:-none}')" \
	'[ -n "$pphys" ] && [ "$pphys" = "$cphys" ]'
check "lx-task of the child: new, with the parent's VMAs copied" task-child \
	"'state N (new)' and a line 'VMAs N'" '/^  state +N \(new\)/ { n = 1 } /^  VMAs +[0-9]+$/ { v = 1 } n && v'

# 4. The child's first write to the page: copy-on-write.
must_stop cow-pc handle_mm_fault "for the first write to $addr"
check "the fault is the child's" cow-current \
	"CPU 0: current = ... pid $child ($prog)" "/ pid $child \\($prog\\)\$/"
verify "before the fault the child still shares the page" cow-before \
	"phys $pphys, _refcount 2 (got phys '$(field cow-before phys)', _refcount '$(refcount cow-before)')" \
	'[ "$(field cow-before phys)" = "$pphys" ] && [ "$(refcount cow-before)" = 2 ]'
newphys=$(field cow-child phys)
verify "after the fault the child has a page of its own" cow-child \
	"phys other than the shared $pphys (got '${newphys:-none}')" '[ -n "$newphys" ] && [ "$newphys" != "$pphys" ]'
verify "the child's new page: writable pte, _refcount 1" cow-child \
	"pte bits 'P W U', _refcount 1 (got '$(pte_bits cow-child)', '$(refcount cow-child)')" \
	'[ "$(pte_bits cow-child)" = "P W U" ] && [ "$(refcount cow-child)" = 1 ]'
verify "the parent keeps the old page, now _refcount 1" cow-parent \
	"for pid $parent: phys $pphys, _refcount 1 (got pid '$(walk_pid cow-parent)', phys '$(field cow-parent phys)', '$(refcount cow-parent)')" \
	'[ "$(walk_pid cow-parent)" = "$parent" ] && [ "$(field cow-parent phys)" = "$pphys" ] && [ "$(refcount cow-parent)" = 1 ]'

# 5. The program itself saw copy-on-write work, and init exited 0.
verify "$prog ran to the end: PASS, status 0 (QEMU exit code 1)" run-out \
	"'$prog: PASS' in $log and QEMU exit code 1 (got $qemu_status; log: $(grep "^$prog:" "$log" 2>/dev/null | tail -n 1))" \
	'grep -q "^$prog: PASS" "$log" && [ "$qemu_status" -eq 1 ]'

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
	[ "$gdb_status" -eq 124 ] && echo "GDB was killed after ${limit}s (did a breakpoint never hit?)"
	echo "$failures check(s) failed; GDB's whole output: $out, serial log: $log"
	exit 1
fi
exit 0
