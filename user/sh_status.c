/*
 * sh_status: the shell's exit statuses: $?, && and ||, exit N, 127 for a
 * command not found, 126 for one that cannot run, 128+N for a child killed
 * by signal N, 2 for a syntax error. The script is user/sh_status.sh; its
 * output is user/expected/sh_status.out.
 */
#include "shtest.h"

SHTEST_SCRIPT("user/sh_status.sh");

int main(void)
{
	check_start();
	EXPECT_SCRIPT_EXIT(script, 7);
	pass();
}
