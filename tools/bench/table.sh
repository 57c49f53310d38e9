#!/bin/sh
# The table user/bench printed, out of a serial log: the lines between
# "bench: begin" and "bench: end", without kernel log lines (Forklift's and
# Linux's start with a printk timestamp "[    1.234567] ") and without \r.
# The "bench: begin" line stays first: it names the kernel.
#
#   tools/bench/table.sh SERIAL_LOG > TABLE      exit 1 if there is no table
[ $# -eq 1 ] || { echo "usage: $0 SERIAL_LOG" >&2; exit 2; }
awk '
{ gsub(/\r/, "") }
/^\[ *[0-9]+\.[0-9]+\] / { next }
/bench: begin/ { on = 1; sub(/.*bench: begin/, "bench: begin") }
on { print }
/^bench: end/ { done = 1; exit }
END { exit done ? 0 : 1 }' "$1"
