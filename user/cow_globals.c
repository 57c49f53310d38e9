/*
 * cow_globals: after fork, global variables are private in both
 * directions, initialised ones (.data) and zeroed ones (.bss).
 */
#include "cow.h"

static volatile unsigned char data_var[10000] = { 1 };	/* .data */
static volatile unsigned char bss_var[10000];			/* .bss */

int main(void)
{
	check_start();
	cow_both_ways(data_var, sizeof(data_var), ".data array");
	cow_both_ways(bss_var, sizeof(bss_var), ".bss array");
	pass();
}
