# Turn the KTAP that `ktest` prints (kernel/ktest.c) into one result line per
# test case, for tests/run.sh:
#
#   ok   ktest/<suite>/<case>
#   FAIL ktest/<suite>/<case>
#        # <diagnostic lines the kernel printed for that case>
#
# and a last line "#counts PASSED FAILED". The log's lines start with a
# printk timestamp "[    1.234567] ", which is removed first. The plans
# ("1..N") are checked: when the run stopped early (panic, hang, triple
# fault), every suite and case that never reported counts as failed.
#
# Usage: awk [-v prefix=NAME] -f tests/ktap.awk build/tests/ktest.log
# (prefix: what the results are named under instead of "ktest", e.g. the
# same cases booted in another kernel build)

# "1..N" (indented or not): N.
function plan(line) {
	sub(/^ *1\.\./, "", line)
	return line + 0
}

function result(ok, name) {
	if (ok) {
		printf "ok   %s/%s\n", prefix, name
		passed++
	} else {
		printf "FAIL %s/%s\n", prefix, name
		failed++
	}
}

# Diagnostics collected since the last case line (they precede its result).
function flush_diag(   i) {
	for (i = 0; i < ndiag; i++)
		printf "     # %s\n", diag[i]
	ndiag = 0
}

function end_suite(   i) {
	if (planned < 0) {
		result(0, suite " (no plan line)")
	}
	for (i = ncases + 1; i <= planned; i++) {
		result(0, suite "/case " i " of " planned)
		printf "     # no result: the run stopped during or before this case\n"
		if (i == ncases + 1)
			flush_diag()
	}
	flush_diag()
	in_suite = 0
}

BEGIN { suites_planned = -1; seen_ktap = 0; in_suite = 0; ndiag = 0; if (prefix == "") prefix = "ktest" }

{
	sub(/\r$/, "")
	sub(/^\[ *[0-9]+\.[0-9]+\] /, "")
}

/^KTAP version / { seen_ktap = 1; next }
seen_ktap && !in_suite && /^1\.\.[0-9]+$/ { suites_planned = plan($0); next }

/^    # Subtest: / {
	if (in_suite)
		end_suite()
	suite = $0
	sub(/^    # Subtest: /, "", suite)
	nsuites++
	in_suite = 1
	ncases = 0
	planned = -1
	ndiag = 0
	next
}
in_suite && /^    1\.\.[0-9]+$/ { planned = plan($0); next }
in_suite && /^        # / { if (ndiag < 50) diag[ndiag++] = substr($0, 11); next }
in_suite && /^    (not )?ok [0-9]+ / {
	ok = $0 !~ /^    not ok/
	name = $0
	sub(/^    (not )?ok [0-9]+ /, "", name)
	ncases++
	result(ok, suite "/" name)
	if (!ok)
		flush_diag()
	ndiag = 0
	next
}
in_suite && /^(not )?ok [0-9]+ / { end_suite(); next }

END {
	if (in_suite)
		end_suite()
	if (!seen_ktap) {
		result(0, "(no KTAP output: the tests never started)")
	} else if (suites_planned < 0) {
		result(0, "(no plan line \"1..N\" for the suites)")
	} else {
		for (i = nsuites + 1; i <= suites_planned; i++)
			result(0, "suite " i " of " suites_planned " (never started)")
	}
	printf "#counts %d %d\n", passed, failed
}
