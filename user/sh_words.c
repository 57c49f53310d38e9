/*
 * sh_words: how the shell cuts a line into words: quotes, backslashes, $
 * parameters and comments, and variables given to a program's
 * environment. The script is user/sh_words.sh; its output is
 * user/expected/sh_words.out.
 */
#include "shtest.h"

SHTEST_SCRIPT("user/sh_words.sh");

int main(void)
{
	check_start();
	EXPECT_SCRIPT_EXIT(script, 0);
	pass();
}
