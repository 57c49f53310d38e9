/*
 * From fd numbers to files, for system calls: look an fd up (taking a
 * reference), reserve a number, install a file in it, close it.
 * Linux: include/linux/file.h, fs/file.c.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/types.h>

struct file;

/* The file fd names in the current task, with a reference (drop it with
 * fput), or NULL. fget_raw also finds O_PATH files. */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
void fput(struct file *file);
/* fget() plus the file's f_pos_lock for regular files and directories, so
 * threads sharing the file do not use one position at once. */
struct file *fdget_pos(unsigned int fd);
void fdput_pos(struct file *file);

/* Reserve the lowest free fd (O_CLOEXEC in flags sets its close-on-exec
 * flag): the number, or -EMFILE. Then either fd_install() a file in it or
 * put_unused_fd() to give it back. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Put file (whose reference passes to the table) into reserved fd. */
void fd_install(unsigned int fd, struct file *file);

int close_fd(unsigned int fd);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);

#endif
