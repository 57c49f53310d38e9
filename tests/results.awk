# Turn a user-test runner's report into results for tests/run.sh. Both
# runners, user/check-linux.sh (natively) and /bin/runtests (in the kernel),
# print "ok NAME", "ok NAME # SKIP: why" or "FAIL NAME (why)" with indented
# details under it, and end with "N passed, N failed". This prints
#
#   ok   PREFIX/NAME
#   FAIL PREFIX/NAME (why)
#        <the runner's details>
#
# as each line arrives, and at the end a FAIL for every program of LIST (a
# tests.list: "NAME EXPECT ISSUE" lines) the runner never reported: it
# stopped (crash, hang, timeout) before or during that program. Other lines
# (a program's stderr on the console, say) are shown as "     | line". The
# last line is "#counts PASSED FAILED SUMMARY", SUMMARY 1 when the runner
# printed its summary line.
#
# Usage: awk -v prefix=linux -v list=user/tests.list -f tests/results.awk [FILE]

function result(ok, name, rest) {
	printf "%s %s/%s%s\n", ok ? "ok  " : "FAIL", prefix, name, rest
	if (ok)
		passed++
	else
		failed++
	seen[name] = 1
	fflush()
}

BEGIN {
	nwant = 0
	while ((getline line < list) > 0) {
		if (line ~ /^[ \t]*(#|$)/ || split(line, f) < 3)
			continue
		want[++nwant] = f[1]
	}
	if (nwant == 0)
		result(0, "(no programs)", " (cannot read any program from " list ")")
}

{ sub(/\r$/, "") }

/^ok [^ ]/ {
	name = $2
	result(1, name, substr($0, length("ok " name) + 1))
	next
}
/^FAIL [^ ]/ {
	name = $2
	result(0, name, substr($0, length("FAIL " name) + 1))
	next
}
/^[0-9]+ passed, [0-9]+ failed$/ { summary = 1; next }
/^    / { print "     " substr($0, 5); fflush(); next }
/./ { print "     | " $0; fflush() }

END {
	for (i = 1; i <= nwant; i++) {
		if (!(want[i] in seen)) {
			result(0, want[i], " (no result: the runner stopped before or during it)")
		}
	}
	printf "#counts %d %d %d\n", passed, failed, summary
}
