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
#   ok   linux/PROG              one line per user program run natively
#   ok   user/PROG               a user program booted as init
#   ok   runtests/PROG           one line per program /bin/runtests ran
#
# and the last line is "N passed, N failed"; the exit status is 0 only when
# nothing failed. Only the exit code the list names counts: a reset or triple
# fault (QEMU exits 0 under -no-reboot), a panic (255) or a hang (timeout)
# never passes by accident.
#
# A test with `type` lines gets its serial input from a FIFO
# (build/tests/NAME.in) that the harness writes to: it plays the test's
# `after`, `pause` and `type` lines in order while QEMU runs (run_steps).
#
# Usage: tests/run.sh [NAME...]       run only the named tests
# Environment: ACCEL=tcg|kvm|auto MEM SMP (CPUs, default 2; a test's `smp`
#              line overrides it) V=1 (show commands), MAKE,
#              BOOT_LIST=FILE (another list, e.g. for a lab's own tests),
#              JOBS=N (boots marked `parallel yes` run N at a time; default 2),
#              QEMU=PROGRAM (instead of qemu-system-x86_64, e.g.
#              tests/fake-qemu.sh to check the harness itself).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
MAKE=${MAKE:-make}
ACCEL=${ACCEL:-tcg}
MEM=${MEM:-512M}
SMP=${SMP:-2}
V=${V:-}
LIST=${BOOT_LIST:-tests/boot.list}
OUT=build/tests
TAIL_LINES=40
QEMU=${QEMU:-qemu-system-x86_64}
JOBS=${JOBS:-2}
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "tests/run.sh: JOBS must be a number >= 1 (got '$JOBS')" >&2; exit 2; }
# The user programs (user/tests.list, user/build.mk) and the limits of the
# entries generated for them: each native program, all of them natively, one
# program booted as init, one /bin/runtests boot.
USER_LIST=user/tests.list
USER_BIN=build/user/bin
NATIVE_PROG_TIMEOUT=10
NATIVE_TIMEOUT=120
USER_TIMEOUT=20
RUNTESTS_TIMEOUT=180

passed=0
failed=0
qpid=

# QEMU runs in the background (under `timeout`); if we are interrupted, stop it.
cleanup() {
	[ -n "$qpid" ] && kill "$qpid" 2>/dev/null
	for p in "${bg_pid[@]}"; do kill "$p" 2>/dev/null; done
}
declare -A bg_pid=() bg_t0=() bg_cmd=()	# boots started ahead (start_boot), by test name
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
	[ -z "$(tail -c 1 "$file")" ] || echo	# a last line without its newline
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

# The byte offset in the log just past the first "$2" at or after offset $1;
# fails when there is none (yet).
find_after() {
	local at
	at=$(tail -c +"$(($1 + 1))" "$log" 2>/dev/null | grep -boaF -m1 -- "$2" | sed -n 1p)
	[ -n "$at" ] || return 1
	echo $(($1 + ${at%%:*} + ${#2}))
}

# Type on the serial console of the running boot ($qpid): play the current
# test's steps in order, writing `type` text (C escapes, printf %b) to fd $1,
# the FIFO QEMU reads. `after TEXT` waits until TEXT is in the log past where
# the previous `after` text was found. If QEMU ends (its timeout) during a
# wait, sets `awaited` to what it waited for; else leaves it empty.
run_steps() {
	local fd=$1 step key val pos=0 at typed="(nothing yet)"
	for step in "${steps[@]}"; do
		key=${step%% *} val=${step#* }
		case $key in
		after)
			until at=$(find_after "$pos" "$val"); do
				kill -0 "$qpid" 2>/dev/null ||
					{ awaited="\"$val\" (an 'after' line; the last text typed: \"$typed\")"; return; }
				sleep 0.1
			done
			pos=$at ;;
		pause) sleep "$val" ;;
		type) printf '%b' "$val" >&"$fd"; typed=$val ;;
		esac
	done
}

# Build the ISO for the current test, its output in $1; no report.
make_iso() {
	mkdir -p "$(dirname "$iso")"
	# shellcheck disable=SC2086 # make_args: a list of VAR=VALUE words
	$MAKE -s iso ISO="$iso" CMDLINE="$cmdline" EXTRA_ROOTFS="$rootfs" $make_args >"$1" 2>&1
}

# Build the ISO for the current test; returns non-zero (with the log shown) on failure.
build_iso() {
	local blog=$OUT/$name.build.log
	if ! make_iso "$blog"; then
		fail "$name"
		detail "building $iso failed (make iso ISO=$iso CMDLINE='$cmdline' EXTRA_ROOTFS='$rootfs' $make_args)"
		show_tail "$blog" 20
		return 1
	fi
}

# The QEMU command line for the current test, into the caller's array `cmd`.
qemu_cmd() {
	local serial=file:$log
	# Typing: the serial port on QEMU's stdin and stdout (boot redirects them).
	[ ${#steps[@]} -eq 0 ] || serial=stdio
	# shellcheck disable=SC2206,SC2207,SC2054 # accel flags and extra args are word lists
	cmd=("$QEMU" -M pc $(tools/accel.sh "$ACCEL") -m "$MEM" -smp "$smp"
		-no-reboot -display none -monitor none -serial "$serial"
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$iso" $qemu_args)
}

# Boot the current test; sets `code` (QEMU's exit code), `stopped` (1 when
# the harness ended a running boot, as `exit running` asks) and `awaited`
# (run_steps).
boot() {
	local -a cmd
	local fifo=$OUT/$name.in tfd
	qemu_cmd
	[ -n "$V" ] && detail "timeout $timeout ${cmd[*]}"
	rm -f "$log" "$fifo"
	stopped=0 awaited=""
	if [ ${#steps[@]} -gt 0 ]; then
		# Opened read-write, so that neither our open nor QEMU's waits.
		mkfifo "$fifo" && exec {tfd}<>"$fifo" || exit 2
		timeout -k 5 "$timeout" "${cmd[@]}" <"$fifo" >"$log" 2>"$OUT/$name.qemu.log" &
		qpid=$!
		run_steps "$tfd"
		exec {tfd}>&-
	else
		timeout -k 5 "$timeout" "${cmd[@]}" </dev/null >"$OUT/$name.qemu.log" 2>&1 &
		qpid=$!
	fi
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

	if [ -n "${bg_pid[$name]:-}" ]; then	# started ahead by start_boot
		collect_boot
	else
		build_iso || return
		t0=$(date +%s%N)
		boot
		t1=$(date +%s%N)
	fi

	# QEMU exits 1 also when it cannot start: an empty serial log tells.
	[ -s "$log" ] || why+=("nothing reached the serial port: did QEMU start? (see $OUT/$name.qemu.log)")
	[ -n "${awaited:-}" ] && why+=("the boot ended while waiting for $awaited;" \
				      "  nothing after it was typed")
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
	if [ -n "$console" ]; then
		while IFS= read -r m; do why+=("$m"); done < <(check_console)
	fi

	if [ "$ktap" = yes ]; then
		local line counts="0 1"
		while IFS= read -r line; do
			case $line in
			"#counts "*) counts=${line#"#counts "} ;;
			*) echo "$line" ;;
			esac
		done < <(awk -v prefix="$name" -f tests/ktap.awk "$log" 2>/dev/null || echo "#counts 0 1")
		passed=$((passed + ${counts% *}))
		failed=$((failed + ${counts#* }))
	fi
	if [ -n "$runtests" ]; then
		runner_results "$runtests" <(awk -f tests/console.awk "$log" 2>/dev/null) ||
			why+=("no summary line from /bin/runtests: it did not finish")
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
	local n=0 open=0 line key val
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
			names+=("$val"); bodies+=(""); starts+=("$n"); open=1 ;;
		user-native | user-boots | user-runtests)
			expand_user_tests "$key" "$val" "$n"; open=0 ;;
		cmdline | rootfs | qemu | timeout | exit | settle | expect | reject | ktap | clock | \
		console | parallel | native | runtests | make | smp | after | pause | type)
			[ "$open" = 1 ] || { echo "$LIST:$n: '$key' outside a 'test'" >&2; exit 2; }
			bodies[${#bodies[@]} - 1]+="$key $val"$'\n' ;;
		*) echo "$LIST:$n: unknown key '$key' (see the top of tests/boot.list)" >&2; exit 2 ;;
		esac
	done <"$LIST"
}

# Set the current test's variables from its lines (the test starts at line $2
# of the list); a bad value stops the run before anything boots.
load_test() {
	local body=$1 where="$LIST:$2: test '$name'" line key val
	cmdline="" rootfs="" qemu_args="" make_args="" timeout=30 want_exit="" settle=1 ktap="" clock="" smp=$SMP
	console="" parallel="" native="" runtests=""
	expects=() rejects=() steps=()
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		key=${line%% *}
		val=${line#"$key"}
		val=${val# }
		case $key in
		cmdline) cmdline=$val ;;
		rootfs) rootfs=$val ;;
		qemu) qemu_args=$val ;;
		make) make_args=$val ;;
		timeout) timeout=$val ;;
		exit) want_exit=$val ;;
		settle) settle=$val ;;
		expect) expects+=("$val") ;;
		reject) rejects+=("$val") ;;
		ktap) ktap=$val ;;
		clock) clock=$val ;;
		console) console=$val ;;
		parallel) parallel=$val ;;
		native) native=$val ;;
		runtests) runtests=$val ;;
		smp) smp=$val ;;
		after | type)
			[ -n "$val" ] || { echo "$where: '$key' needs a text" >&2; exit 2; }
			steps+=("$key $val") ;;
		pause)
			[[ $val =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "$where: bad pause '$val'" >&2; exit 2; }
			steps+=("$key $val") ;;
		esac
	done <<<"$body"
	[[ $smp =~ ^[1-9][0-9]*$ ]] || { echo "$where: smp must be a number >= 1 (got '$smp')" >&2; exit 2; }
	[ -n "$native" ] && want_exit=0	# not a boot
	case $want_exit in
	running | [0-9] | [0-9][0-9] | [0-9][0-9][0-9]) ;;
	*) echo "$where: 'exit' must be a number or 'running' (got '$want_exit')" >&2
	   exit 2 ;;
	esac
	[[ $timeout =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "$where: bad timeout '$timeout'" >&2; exit 2; }
	[ "$parallel" = yes ] && [ "$want_exit" = running ] &&
		{ echo "$where: 'parallel yes' cannot go with 'exit running'" >&2; exit 2; }
	[ "$parallel" = yes ] && [ ${#steps[@]} -gt 0 ] &&
		{ echo "$where: 'parallel yes' cannot go with 'type'" >&2; exit 2; }
}

# Is $1 one of the remaining arguments?
in_list() {
	local x=$1 w
	shift
	for w; do [ "$w" = "$x" ] && return 0; done
	return 1
}

# ---- Running entries, and the user programs' tests ----

# Run the current test, entry $1 of the list (the other arguments: the
# names asked for, as main's). A test marked `parallel yes` first starts the
# next tests marked so (up to $JOBS boots at once, stopping at the first one
# not marked), so they boot while this one finishes; results still come in
# the order of the list.
run_entry() {
	local i=$1
	shift
	if [ -n "$native" ]; then
		run_native
		return
	fi
	if [ "$parallel" = yes ] && [ "$JOBS" -gt 1 ]; then
		start_ahead "$i" "$@"
		name=${names[$i]}
		load_test "${bodies[$i]}" "${starts[$i]}"
	fi
	run_test
}

# Start the boots of entry $1 and of the selected entries after it, while
# they are marked `parallel yes`, $JOBS of them in all (those already
# started count). Changes the current test: the caller loads its own again.
start_ahead() {
	local i=$1 j k=0
	shift
	for ((j = i; j < ${#names[@]} && k < JOBS; j++)); do
		name=${names[$j]}
		[ $# -eq 0 ] || in_list "$name" "$@" || continue
		load_test "${bodies[$j]}" "${starts[$j]}"
		[ "$parallel" = yes ] || break
		k=$((k + 1))
		[ -n "${bg_pid[$name]:-}" ] || start_boot
	done
}

# Build the current test's ISO and start its boot in the background, for
# run_test to collect (collect_boot). If the build fails, nothing starts:
# run_test then builds again and reports the failure in its turn.
start_boot() {
	local iso=$OUT/$name.iso log=$OUT/$name.log
	local -a cmd
	make_iso "$OUT/$name.build.log" || return 0
	qemu_cmd
	bg_cmd[$name]="timeout $timeout ${cmd[*]}"
	rm -f "$log" "$OUT/$name.end"
	bg_t0[$name]=$(date +%s%N)
	(
		timeout -k 5 "$timeout" "${cmd[@]}" </dev/null >"$OUT/$name.qemu.log" 2>&1 &
		tpid=$!
		trap 'kill "$tpid" 2>/dev/null' TERM
		wait "$tpid"
		rc=$?
		date +%s%N >"$OUT/$name.end"
		exit "$rc"
	) &
	bg_pid[$name]=$!
}

# Wait for the current test's boot that start_boot started; sets what boot
# and run_test's clock readings set: code, stopped, t0, t1.
collect_boot() {
	[ -n "$V" ] && detail "${bg_cmd[$name]}"
	wait "${bg_pid[$name]}"
	code=$?
	unset "bg_pid[$name]"
	t0=${bg_t0[$name]}
	t1=$(cat "$OUT/$name.end" 2>/dev/null) || t1=$(date +%s%N)
	stopped=0
}

# Compare the current boot's console output (tests/console.awk: the log
# without GRUB's and the kernel's lines) with the file its `console` line
# names: "FILE", or "FILE -N" for FILE without its last N lines. Prints what
# differs, nothing when they are equal.
check_console() {
	local file=$console cut=0 got=$OUT/$name.console want=$OUT/$name.expected
	if [[ $console =~ ^(.*)\ -([0-9]+)$ ]]; then
		file=${BASH_REMATCH[1]} cut=${BASH_REMATCH[2]}
	fi
	if [ ! -r "$file" ]; then
		echo "cannot read $file (the expected console output)"
		return
	fi
	head -n "-$cut" "$file" >"$want"
	awk -f tests/console.awk "$log" >"$got" 2>/dev/null
	cmp -s "$want" "$got" && return
	if [ "$cut" -gt 0 ]; then
		echo "console output differs from $file without its last $cut lines"
	else
		echo "console output differs from $file"
	fi
	echo "(the output is in $got; diff -u expected got:)"
	diff -u "$want" "$got" | tail -n +3 | head -n 40 | sed 's/^/  /'
}

# Print and count a runner's results (tests/results.awk): each program is a
# result $name/PROG. $1: the tests.list it ran; $2: its report. Returns 1
# when the report has no summary line (the runner did not finish).
runner_results() {
	local line counts="0 1 0"
	while IFS= read -r line; do
		case $line in
		"#counts "*) counts=${line#"#counts "} ;;
		*) echo "$line" ;;
		esac
	done < <(awk -v prefix="$name" -v list="$1" -f tests/results.awk "$2")
	# shellcheck disable=SC2086 # three numbers
	set -- $counts
	passed=$((passed + $1))
	failed=$((failed + $2))
	[ "$3" = 1 ]
}

# The current test is the user programs run natively (Linux is the oracle):
# `make user`, then user/check-linux.sh under `timeout`, each program's result
# printed as it comes; then the run itself is the result $name.
run_native() {
	local t0 blog=$OUT/$name.build.log rlog=$OUT/$name.log rc took
	local -a why=()
	t0=$(date +%s%N)
	if ! $MAKE -s user >"$blog" 2>&1; then
		fail "$name (building the user programs failed: make user)"
		show_tail "$blog" 20
		return
	fi
	rm -f "$OUT/$name.rc"
	runner_results "$native" <(
		CHECK_TIMEOUT=$NATIVE_PROG_TIMEOUT timeout -k 5 "$timeout" \
			sh user/check-linux.sh "$USER_BIN" </dev/null 2>&1 | tee "$rlog"
		echo "${PIPESTATUS[0]}" >"$OUT/$name.rc") ||
		why+=("user/check-linux.sh did not print its summary line: it did not finish")
	rc=$(cat "$OUT/$name.rc" 2>/dev/null) || rc=unknown
	case $rc in
	0) ;;
	124 | 137) why+=("user/check-linux.sh did not finish within ${timeout}s; it was killed") ;;
	*) why+=("user/check-linux.sh exited with status $rc (1: a program failed)") ;;
	esac
	took=$(elapsed "$t0")
	if [ ${#why[@]} -eq 0 ]; then
		ok "$name ($took)"
		return
	fi
	fail "$name ($took)"
	detail "${why[@]}" "its output: $rlog; the programs' output: build/user/out/"
}

# A line of the list that stands for tests generated from user/tests.list
# (see the top of tests/boot.list): adds them as if they were written out.
# $1: user-native, user-boots or user-runtests; $2: issue numbers; $3: the
# line number in the list.
expand_user_tests() {
	local what=$1 issues=" $2 " where="$LIST:$3: $1" prog expect issue sig code file rdir
	[ -r "$USER_LIST" ] || { echo "$where: cannot read $USER_LIST" >&2; exit 2; }
	if [ "$what" = user-native ]; then
		names+=(linux) starts+=("$3")
		bodies+=("native $USER_LIST"$'\n'"timeout $NATIVE_TIMEOUT"$'\n')
		return
	fi
	local cpus="" suffix=""
	if [[ $2 =~ ^(.*[^[:space:]])[[:space:]]+smp[[:space:]]+([1-9][0-9]*)$ ]]; then
		issues=" ${BASH_REMATCH[1]} " cpus=${BASH_REMATCH[2]} suffix=-smp${BASH_REMATCH[2]}
	fi
	[[ $issues =~ ^[[:space:]]*[0-9]+([[:space:]]+[0-9]+)*[[:space:]]*$ ]] ||
		{ echo "$where: needs issue numbers (e.g. '$what 3'), got '$2'" >&2; exit 2; }
	if [ "$what" = user-runtests ]; then
		# /bin/runtests reads /etc/forklift/tests.list: give it the chosen issues'.
		rdir=$OUT/runtests$suffix.rootfs
		mkdir -p "$rdir/etc/forklift" || exit 2
		{
			echo "# Generated by tests/run.sh: the programs of $USER_LIST of issues$issues"
			awk -v issues="$issues" '!/^[ \t]*(#|$)/ && index(issues, " " $3 " ")' "$USER_LIST"
		} >"$rdir/etc/forklift/tests.list"
		names+=("runtests$suffix") starts+=("$3")
		bodies+=("cmdline init=/bin/runtests
rootfs $rdir
exit 1
runtests $rdir/etc/forklift/tests.list
timeout $RUNTESTS_TIMEOUT
${cpus:+smp $cpus}
")
		return
	fi
	# user-boots: each program as init. One that must die by a signal prints
	# its own lines, not expect_signal's last two; QEMU's exit code tells the
	# signal (arch/x86_64/power.c).
	while read -r prog expect issue _; do
		case $prog in '' | \#*) continue ;; esac
		case $issues in *" $issue "*) ;; *) continue ;; esac
		file=user/expected/$prog.out
		if [ "$expect" = pass ]; then
			code=1
		else
			sig=$(kill -l "$expect" 2>/dev/null) ||
				{ echo "$USER_LIST: $prog: unknown signal '$expect'" >&2; exit 2; }
			code=$((2 * (64 + sig) + 1))
			file+=" -2"
		fi
		names+=("user/$prog") starts+=("$3")
		bodies+=("cmdline init=/bin/$prog
exit $code
console $file
timeout $USER_TIMEOUT
parallel yes
")
	done <"$USER_LIST"
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
		run_entry "$i" "$@"
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
