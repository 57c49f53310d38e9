# sh_words: how the shell cuts a line into words, removes quotes and
# expands $ parameters (run by user/sh_words.c; see user/lib/shtest.h).
echo plain   words    are   split   at blanks
echo 'single quotes keep $X, "double" ones and \ as they are'
echo "double quotes keep blanks   and 'single' ones; \$X expands: [$X]"
echo a\ backslash\ quotes\ one\ character: \$X \" \' \\
echo "in double quotes \\ \$ \" are quoted, \n is not"
echo 'it'"'"'s one word' made'of'"three"parts
sh -c 'echo "$# arguments: [$1] [$2] [$3]"' zero "" '' "two words"
X=value; echo "X is $X, \${X}s is ${X}s, \$Xs is [$Xs]"
echo "\$0 is $0, \$# is $#, \$1 is [$1], \$? is $?"
echo a#b # a comment: '#' starts one only at the start of a word
# NAME=VALUE before a program: only that program's environment has it.
Y=child sh -c 'echo "in the child: Y=$Y"'
echo "in the shell: Y=[$Y]"
export Z=exported; sh -c 'echo "in the child: Z=$Z"'
echo -n "echo -n: no newline"; echo " (until here)"
echo $ alone, "$" too, and \$5 is empty: [$5]
