# sh_pipes: pipelines and redirections (run by user/sh_pipes.c; see
# user/lib/shtest.h, which prints the files left in $T at the end).
echo 'echo one pipe' | sh
echo "echo \"echo 'echo three pipes'\"" | sh | sh | sh
sh -c 'exit 1' | sh -c 'exit 0'; echo "a pipeline's status is its last command's: $?"
sh -c 'exit 0' | sh -c 'exit 2'; echo "a pipeline's status is its last command's: $?"
echo 'echo a built-in in a pipeline runs in a child' | sh
echo first > $T/out; echo second >> $T/out
echo overwritten > $T/trunc; echo '> truncates' > $T/trunc
echo a built-in writes to a file > $T/builtin; echo "then the shell's stdout is back"
nosuch 2> $T/err
nosuch > $T/both 2>&1
# Left to right: 2>&1 copies stdout as it is then, before > moves it.
nosuch 2>&1 > $T/order
echo 'echo commands read from a file' > $T/cmds; sh < $T/cmds
echo 'echo to stderr >&2' | sh 2> $T/stderr
sh -c 'echo x > /no/such/dir/file' 2>&1; echo "a failed redirection: $?"
