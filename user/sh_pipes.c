/*
 * sh_pipes: the shell's pipelines (pipe + dup2 between forked children)
 * and its redirections < > >> 2> 2>&1, applied left to right. The script
 * is user/sh_pipes.sh; its output is user/expected/sh_pipes.out.
 */
#include "shtest.h"

SHTEST_SCRIPT("user/sh_pipes.sh");

int main(void)
{
	check_start();
	EXPECT_SCRIPT_EXIT(script, 0);
	pass();
}
