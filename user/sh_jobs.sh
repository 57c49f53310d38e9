# sh_jobs: background jobs, jobs and wait (run by user/sh_jobs.c, which
# hands the shell a pipe: fd 3 reads it, fd 4 writes it). Job 1 reads
# commands from the pipe, so it runs until this script writes to it.
sh <&3 4>&- &
sh -c 'exit 3' &
wait %2; echo "wait %2: $?"
jobs
echo 'echo job 1 read this from its pipe; exit 5' >&4
wait %1; echo "wait %1: $?"
jobs
sh -c 'exit 4' & sh -c 'exit 6' &
wait; echo "wait for all jobs: $?"
sh -c 'exit 8' &
wait $!; echo "wait \$!: $?"
wait %7 2>&1; echo "wait for no such job: $?"
echo 'echo a background pipeline ran' | sh &
wait
jobs
