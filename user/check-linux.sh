#!/bin/sh
# Run the user tests natively on this Linux host, the oracle for what the
# kernel must do: each program under `timeout`, its stdout compared with
# user/expected/NAME.out (see user/tests.list). Prints "ok NAME" or
# "FAIL NAME" (with the difference and stderr), then "N passed, N failed";
# exits 1 if any failed.
#
#   user/check-linux.sh [BIN_DIR [NAME...]]     (BIN_DIR: build/user/bin)
#
# A program that prints "SKIP: NAME: why" and exits 0 could not check its
# behaviour here; it is reported as "ok NAME # SKIP why" and counted as
# passed, as TAP does.

bin=${1:-build/user/bin}
[ $# -gt 0 ] && shift
only=" $* "
secs=${CHECK_TIMEOUT:-30}
out=build/user/out

FORKLIFT_BIN=$(cd "$bin" && pwd) || exit 1
FORKLIFT_MOTD=$(pwd)/rootfs/etc/motd	# readfile's /etc/motd, from the tree
export FORKLIFT_BIN FORKLIFT_MOTD
ulimit -c 0		# the dying programs leave no core files
mkdir -p "$out"
passed=0
failed=0

while read -r name expect issue; do
	case $name in '' | \#*) continue ;; esac
	[ "$only" != "  " ] && case $only in *" $name "*) ;; *) continue ;; esac
	if [ "$expect" = pass ]; then
		set -- "$bin/$name"
	else
		set -- "$bin/expect_signal" "$expect" "$bin/$name"
	fi
	timeout -k 5 "$secs" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
	rc=$?
	if [ $rc -eq 0 ] && grep -q "^SKIP: " "$out/$name.out"; then
		echo "ok $name # $(grep '^SKIP: ' "$out/$name.out" | head -1)"
		passed=$((passed + 1))
	elif [ $rc -eq 0 ] && cmp -s "$out/$name.out" "user/expected/$name.out"; then
		echo "ok $name"
		passed=$((passed + 1))
	else
		why="exit status $rc"
		[ $rc -eq 124 ] && why="timed out after ${secs}s"
		[ $rc -eq 0 ] && why="output differs from user/expected/$name.out"
		echo "FAIL $name ($why)"
		diff -u "user/expected/$name.out" "$out/$name.out" | sed 's/^/    /' | head -40
		sed 's/^/    stderr: /' "$out/$name.err" | head -10
		failed=$((failed + 1))
	fi
done <user/tests.list

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
