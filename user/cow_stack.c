/*
 * cow_stack: after fork, the stack (three pages of a local array) is
 * private: writes by the parent or the child are not seen by the other.
 */
#include "cow.h"

int main(void)
{
	volatile unsigned char frame[3 * 4096 + 123];

	check_start();
	cow_both_ways(frame, sizeof(frame), "a 3-page stack array");
	pass();
}
