#!/usr/bin/env bash
# The test harness behind `make test` (docs/testing.md says how to read it and
# add tests).
#
# It builds the kernel, then for each test in tests/boot.list builds an ISO
# with that test's kernel command line, boots it in QEMU headless with the
# serial port written to build/tests/NAME.log, under a hard timeout, and
# checks QEMU's exit code and the log. Each result is printed as it is known:
#
#   ok   NAME                    the boot did what the list says
#   FAIL NAME                    it did not; why, and the end of the serial log
#   ok   ktest/SUITE/CASE        one line per in-kernel test case (KTAP)
#
# and the last line is "N passed, N failed"; the exit status is 0 only when
# nothing failed. Only the exit code the list names counts: a reset or triple
# fault (QEMU exits 0 under -no-reboot), a panic (255) or a hang (timeout)
# never passes by accident.
#
# Usage: tests/run.sh [NAME...]       run only the named tests
# Environment: ACCEL=tcg|kvm|auto MEM SMP V=1 (show commands), MAKE,
#              BOOT_LIST=FILE (another list, e.g. for a lab's own tests).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
MAKE=${MAKE:-make}
ACCEL=${ACCEL:-tcg}
MEM=${MEM:-512M}
SMP=${SMP:-1}
V=${V:-}
LIST=${BOOT_LIST:-tests/boot.list}
OUT=build/tests
TAIL_LINES=40

passed=0
failed=0
qpid=

# QEMU runs in the background (under `timeout`); if we are interrupted, stop it.
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; }
trap 'cleanup; echo; echo "interrupted"; exit 130' INT TERM

ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
detail() { printf '     %s\n' "$@"; }
# Seconds between two `date +%s%N` readings (the second defaults to now).
elapsed() { awk -v a="$1" -v b="${2:-$(date +%s%N)}" 'BEGIN { printf "%.1fs", (b - a) / 1e9 }'; }

# The last lines of a log, without GRUB's terminal escapes, indented.
show_tail() {
	local file=$1 n=${2:-$TAIL_LINES}
	[ -s "$file" ] || { detail "($file is empty: nothing reached the serial port)"; return; }
	detail "last $n lines of $file:"
	tail -n "$n" "$file" | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' -e 's/^/     | /'
}

# What a QEMU exit code means (see arch/x86_64/power.c: QEMU exits with
# 2 * v + 1 when the kernel writes v to the isa-debug-exit port).
describe_exit() {
	local code=$1 v
	case $code in
	0) echo "QEMU exit 0: the machine reset (a triple fault?) and -no-reboot stopped it" ;;
	124 | 137) echo "timeout: no result within ${timeout}s (a hang?); QEMU was killed" ;;
	143) echo "QEMU stopped by a signal" ;;
	*)
		if [ $((code % 2)) -eq 0 ]; then
			echo "QEMU exit $code: QEMU itself failed (see $OUT/$name.qemu.log)"
			return
		fi
		v=$(((code - 1) / 2))
		if [ "$v" -eq 0 ]; then echo "QEMU exit 1: status 0, success"
		elif [ "$v" -eq 127 ]; then echo "QEMU exit 255: kernel panic"
		elif [ "$v" -ge 64 ]; then echo "QEMU exit $code: killed by signal $((v - 64))"
		else echo "QEMU exit $code: status $v (failure)"
		fi ;;
	esac
}

# Timestamps "[    1.234567] " must never go back, and the last must be
# later than the first. Prints what is wrong, if anything.
check_clock() {
	awk '
	match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
		s = substr($0, 2, RLENGTH - 2); gsub(/ /, "", s); split(s, p, ".")
		t = p[1] * 1000000 + p[2]
		if (n++ == 0) { first = t; firsts = s }
		else if (t < last) { back++; where = $0 }
		last = t; lasts = s
	}
	END {
		if (n < 2) print "fewer than two timestamped lines"
		else if (back) printf "timestamps went backwards %d times, e.g. at: %s\n", back, where
		else if (last <= first) printf "timestamps did not advance (first %s, last %s)\n", firsts, lasts
	}' "$1"
}

# Expected strings not (yet) in the log, one per line.
missing_expects() {
	local e
	for e in "${expects[@]}"; do
		grep -qF -- "$e" "$log" 2>/dev/null || echo "$e"
	done
}

# Build the ISO for the current test; returns non-zero (with the log shown) on failure.
build_iso() {
	local blog=$OUT/$name.build.log
	if ! $MAKE -s iso ISO="$iso" CMDLINE="$cmdline" EXTRA_ROOTFS="$rootfs" >"$blog" 2>&1; then
		fail "$name"
		detail "building $iso failed (make iso ISO=$iso CMDLINE='$cmdline' EXTRA_ROOTFS='$rootfs')"
		show_tail "$blog" 20
		return 1
	fi
}

# Boot the current test; sets `code` (QEMU's exit code) and `stopped` (1 when
# the harness ended a running boot, as `exit running` asks).
boot() {
	local -a cmd
	# shellcheck disable=SC2206,SC2207,SC2054 # accel flags and extra args are word lists
	cmd=(qemu-system-x86_64 -M pc $(tools/accel.sh "$ACCEL") -m "$MEM" -smp "$SMP"
		-no-reboot -display none -monitor none -serial "file:$log"
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$iso" $qemu_args)
	[ -n "$V" ] && detail "timeout $timeout ${cmd[*]}"
	rm -f "$log"
	timeout -k 5 "$timeout" "${cmd[@]}" </dev/null >"$OUT/$name.qemu.log" 2>&1 &
	qpid=$!
	stopped=0
	if [ "$want_exit" = running ]; then
		while kill -0 "$qpid" 2>/dev/null; do
			if [ -z "$(missing_expects)" ]; then
				sleep "$settle"
				kill "$qpid" 2>/dev/null && stopped=1
				break
			fi
			sleep 0.2
		done
	fi
	wait "$qpid"
	code=$?
	qpid=
	# QEMU exits 0 on SIGTERM ("terminating on signal 15"); any other
	# ending means it stopped by itself before our signal reached it.
	if [ "$stopped" = 1 ] && ! { [ "$code" = 143 ] ||
		{ [ "$code" = 0 ] && grep -q "terminating on signal" "$OUT/$name.qemu.log"; }; }; then
		stopped=0
	fi
}

run_test() {
	local iso=$OUT/$name.iso log=$OUT/$name.log code stopped t0 t1 m
	local -a why=()

	build_iso || return
	t0=$(date +%s%N)
	boot
	t1=$(date +%s%N)

	# QEMU exits 1 also when it cannot start: an empty serial log tells.
	[ -s "$log" ] || why+=("nothing reached the serial port: did QEMU start? (see $OUT/$name.qemu.log)")
	if [ "$want_exit" = running ]; then
		[ "$stopped" = 1 ] || why+=("expected: still running once every 'expect' line was printed" \
					    "got:      $(describe_exit "$code")")
	elif [ "$code" != "$want_exit" ]; then
		why+=("expected: $(describe_exit "$want_exit")" "got:      $(describe_exit "$code")")
	fi
	while IFS= read -r m; do
		[ -n "$m" ] && why+=("missing from the log: \"$m\"")
	done < <(missing_expects)
	for m in "${rejects[@]}"; do
		grep -qF -- "$m" "$log" 2>/dev/null && why+=("in the log but must not be: \"$m\"")
	done
	if [ "$clock" = advances ]; then
		m=$(check_clock "$log")
		[ -n "$m" ] && why+=("clock: $m")
	fi

	if [ "$ktap" = yes ]; then
		local line counts="0 1"
		while IFS= read -r line; do
			case $line in
			"#counts "*) counts=${line#"#counts "} ;;
			*) echo "$line" ;;
			esac
		done < <(awk -f tests/ktap.awk "$log" 2>/dev/null || echo "#counts 0 1")
		passed=$((passed + ${counts% *}))
		failed=$((failed + ${counts#* }))
	fi

	local took
	took=$(elapsed "$t0" "$t1")
	if [ ${#why[@]} -eq 0 ]; then
		ok "$name ($took)"
		return
	fi
	fail "$name ($took)"
	detail "${why[@]}"
	[ -s "$OUT/$name.qemu.log" ] && { detail "QEMU said:"; head -n 10 "$OUT/$name.qemu.log" | sed 's/^/     | /'; }
	show_tail "$log"
}

# A check that is a script of its own (tests/gdb-check.sh) rather than an
# entry of the list: one result, named $1; its output says what was expected
# and what happened, and is shown when it fails (or with V=1).
run_check() {
	local name=$1 script=$2 t0 out status
	t0=$(date +%s%N)
	out=$(MAKE="$MAKE" ACCEL="$ACCEL" MEM="$MEM" SMP="$SMP" V="$V" "$script" 2>&1)
	status=$?
	if [ "$status" -eq 0 ]; then ok "$name ($(elapsed "$t0"))"; else fail "$name ($(elapsed "$t0"))"; fi
	if [ "$status" -ne 0 ] || [ -n "$V" ]; then printf '%s\n' "$out" | sed 's/^/     /'; fi
}

# Read the list into parallel arrays: test names, and each test's lines.
declare -a names=() bodies=() starts=()
parse_list() {
	local n=0 line key val
	[ -r "$LIST" ] || { echo "tests/run.sh: cannot read $LIST" >&2; exit 2; }
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		line=${line#"${line%%[![:space:]]*}"}	# leading blanks
		line=${line%"${line##*[![:space:]]}"}	# trailing blanks
		[ -z "$line" ] || [ "${line:0:1}" = "#" ] && continue
		key=${line%%[[:space:]]*}
		val=${line#"$key"}
		val=${val#"${val%%[![:space:]]*}"}
		case $key in
		test)
			[ -n "$val" ] || { echo "$LIST:$n: 'test' needs a name" >&2; exit 2; }
			names+=("$val"); bodies+=(""); starts+=("$n") ;;
		cmdline | rootfs | qemu | timeout | exit | settle | expect | reject | ktap | clock)
			[ ${#names[@]} -gt 0 ] || { echo "$LIST:$n: '$key' before the first 'test'" >&2; exit 2; }
			bodies[${#bodies[@]} - 1]+="$key $val"$'\n' ;;
		*) echo "$LIST:$n: unknown key '$key' (see the top of tests/boot.list)" >&2; exit 2 ;;
		esac
	done <"$LIST"
}

# Set the current test's variables from its lines (the test starts at line $2
# of the list); a bad value stops the run before anything boots.
load_test() {
	local body=$1 where="$LIST:$2: test '$name'" line key val
	cmdline="" rootfs="" qemu_args="" timeout=30 want_exit="" settle=1 ktap="" clock=""
	expects=() rejects=()
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		key=${line%% *}
		val=${line#"$key"}
		val=${val# }
		case $key in
		cmdline) cmdline=$val ;;
		rootfs) rootfs=$val ;;
		qemu) qemu_args=$val ;;
		timeout) timeout=$val ;;
		exit) want_exit=$val ;;
		settle) settle=$val ;;
		expect) expects+=("$val") ;;
		reject) rejects+=("$val") ;;
		ktap) ktap=$val ;;
		clock) clock=$val ;;
		esac
	done <<<"$body"
	case $want_exit in
	running | [0-9] | [0-9][0-9] | [0-9][0-9][0-9]) ;;
	*) echo "$where: 'exit' must be a number or 'running' (got '$want_exit')" >&2
	   exit 2 ;;
	esac
	[[ $timeout =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "$where: bad timeout '$timeout'" >&2; exit 2; }
}

# Is $1 one of the remaining arguments?
in_list() {
	local x=$1 w
	shift
	for w; do [ "$w" = "$x" ] && return 0; done
	return 1
}

main() {
	local i want ran=0 t0
	t0=$(date +%s%N)
	parse_list
	for i in "${!names[@]}"; do	# check every entry before booting any
		name=${names[$i]}
		load_test "${bodies[$i]}" "${starts[$i]}"
	done
	for want in "$@"; do
		in_list "$want" "${names[@]}" gdb || { echo "tests/run.sh: no test '$want' in $LIST" >&2; exit 2; }
	done
	mkdir -p "$OUT"
	echo "# building the kernel (log: $OUT/build.log)"
	if $MAKE -s build/kernel.elf >"$OUT/build.log" 2>&1; then
		ok "build"
	else
		fail "build"
		show_tail "$OUT/build.log" 30
		echo "$passed passed, $failed failed"
		exit 1
	fi
	for i in "${!names[@]}"; do
		name=${names[$i]}
		[ $# -eq 0 ] || in_list "$name" "$@" || continue
		load_test "${bodies[$i]}" "${starts[$i]}"
		run_test
		ran=$((ran + 1))
	done
	# GDB attached to a boot: the breakpoint on copy_process, the helpers.
	if [ "$LIST" = tests/boot.list ] && { [ $# -eq 0 ] || in_list gdb "$@"; }; then
		run_check gdb tests/gdb-check.sh
		ran=$((ran + 1))
	fi
	echo "# $ran boots, $(elapsed "$t0") in all; serial logs in $OUT/"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

main "$@"
