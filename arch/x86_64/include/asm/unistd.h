/* System-call numbers: __NR_read = 0, __NR_write = 1, ... (asm/syscall_64.tbl.h). */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

enum {
#define __SYSCALL(nr, name) __NR_##name = nr,
#include <asm/syscall_64.tbl.h>
#undef __SYSCALL
	NR_syscalls = 512	/* the table's size: every number below this has a slot */
};

#endif
