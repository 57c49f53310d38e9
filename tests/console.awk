# The console output of a boot: what user programs wrote to the serial
# console, taken out of a serial log where it is mixed with GRUB's output and
# the kernel's log, for tests/run.sh to compare with an expected file.
#
# - GRUB's lines come first: everything before the kernel's first line goes.
# - Every kernel log line starts with a printk timestamp "[    1.234567] "
#   (kernel/printk.c); those lines go.
# - A program's line still unfinished when the kernel prints (no newline yet)
#   has the kernel's line glued after it: the part before the timestamp is
#   the program's, and its line goes on after the kernel's line.
# - Every \r goes (the console turns \n into \r\n).
#
# Usage: awk -f tests/console.awk build/tests/user/hello.log

BEGIN { started = 0 }

{ gsub(/\r/, "") }

# The timestamp is "[%5lu.%06lu] ": exactly six digits after the point.
!started {
	if (match($0, /\[ *[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]\] /))
		started = 1
	next
}

match($0, /\[ *[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]\] /) {
	printf "%s", substr($0, 1, RSTART - 1)
	next
}

{ print }
