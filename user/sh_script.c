/*
 * sh_script: the shell runs scripts as `sh FILE ARGS` and `sh -c`, with $0
 * $1 $#; cd and pwd; help. The script is user/sh_script.sh; its output is
 * user/expected/sh_script.out.
 */
#include "shtest.h"

SHTEST_SCRIPT("user/sh_script.sh");

int main(void)
{
	check_start();
	EXPECT_SCRIPT_EXIT(script, 0);
	pass();
}
