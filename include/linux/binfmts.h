/*
 * Executing a program: struct linux_binprm carries everything execve()
 * gathered before the old program is thrown away.
 * Linux: include/linux/binfmts.h.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

#define BINPRM_BUF_SIZE 256	/* the file's first bytes: enough for the ELF header */
#define MAX_ARG_STRLEN (PAGE_SIZE * 32)	/* one argument or environment string */
#define MAX_ARG_STRINGS 0x7fffffff
#define ARG_MAX (128 * 1024)	/* all of argv and envp together (Linux: a quarter of the stack limit) */

struct file;
struct mm_struct;

struct linux_binprm {
	struct file *file;	/* the program */
	const char *filename;	/* as given to execve */
	char buf[BINPRM_BUF_SIZE];	/* its first bytes */
	/* argv then envp strings, NUL-separated, in a kernel buffer (Linux puts
	 * them straight onto the new stack; copying them twice is simpler to read) */
	char *strings;
	size_t strings_len;
	int argc, envc;
	struct mm_struct *mm;	/* the new address space, until exec_mmap() installs it */
	unsigned long p;	/* the new stack pointer, as the stack is built */
};

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
int load_elf_binary(struct linux_binprm *bprm);
int begin_new_exec(struct linux_binprm *bprm);	/* the point of no return */
int create_user_stack(struct linux_binprm *bprm, const unsigned long *auxv, int auxc);

#endif
