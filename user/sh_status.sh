# sh_status: exit statuses, $?, && and ||, and the shell's error statuses
# (run by user/sh_status.c; see user/lib/shtest.h).
true; echo "true: $?"
false; echo "false: $?"
sh -c 'exit 3'; echo "exit 3: $?"
sh -c 'exit 300'; echo "exit 300 is 300 mod 256: $?"
sh -c 'false; true'; echo "a shell exits with its last command's status: $?"
true && echo "&& runs the next command after success"
false && echo "NOT PRINTED: && after a failure"
false || echo "|| runs the next command after failure (\$? is $?)"
true || echo "NOT PRINTED: || after a success"
false && echo "NOT PRINTED" || echo "a skipped && keeps the status (1), so || runs"
true || echo "NOT PRINTED" && echo "a skipped || keeps the status (0), so && runs"
# Errors: 127 not found, 126 found but not runnable (execve said EACCES).
nosuch 2>&1; echo "command not found: $?"
/ 2>&1; echo "a directory: $?"
cd $T; echo 'echo hi' > not-executable; ./not-executable 2>&1; echo "a file without x permission: $?"; cd /
# A child killed by a signal: its parent shell reports it, and $? is 128 + N.
sh -c segv 2>&1; echo "a program killed by SIGSEGV: $?"
sh -c 'echo a |' 2>&1; echo "syntax error: $?"
sh -c "echo 'unterminated" 2>&1; echo "unterminated quote: $?"
sh -c 'exit abc' 2>&1; echo "exit abc: $?"
exit 7
echo "NOT PRINTED: after exit"
