#!/bin/sh
# Explain QEMU's exit code after a boot with isa-debug-exit (README "Exit
# codes"); exit with init's status so scripts can use `make run` too.
code=$1
if [ "$code" -eq 0 ]; then
	echo "QEMU quit with no exit code from the kernel: you quit it (Ctrl-A X), or the"
	echo "machine reset (a triple fault, say; -no-reboot turns a reset into an exit)."
	exit 0
elif [ $((code % 2)) -eq 0 ]; then
	echo "QEMU failed (exit code $code)."
	exit "$code"
fi
v=$(((code - 1) / 2))
if [ "$v" -eq 127 ]; then
	echo "Kernel panic (QEMU exit code $code)."
	exit 255
elif [ "$v" -ge 64 ]; then
	echo "init was killed by signal $((v - 64)) (QEMU exit code $code)."
	exit $((128 + v - 64))
fi
echo "init exited with status $v (QEMU exit code $code)."
exit "$v"
