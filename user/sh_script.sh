# sh_script: scripts run with `sh FILE ARGS` and `sh -c`, cd and pwd, help
# (run by user/sh_script.c; see user/lib/shtest.h).
cd $T
echo 'echo "$0 got $# arguments: [$1] [$2]"' > script.sh
echo 'sh -c "exit 9"' >> script.sh
sh script.sh one "two words"; echo "a script's status is its last command's: $?"
sh -c 'echo "-c: \$0 is $0, \$1 is $1"' zero one
sh missing.sh 2>&1; echo "a missing script: $?"
cd /; pwd
cd /tmp; pwd
cd /no/such 2>&1; echo "cd to a missing directory: $?"
HOME=/; cd; echo "cd alone goes to \$HOME:"; pwd
cd $T; sh script.sh; echo "paths are relative to the new directory: $?"
cd /
sh -c 'PATH=/no/such; help'
