/*
 * Files that no directory names and no filesystem backs: a pidfd (later an
 * eventfd or a signalfd). Linux: include/linux/anon_inodes.h.
 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

struct file;
struct file_operations;

/* An open file called "anon_inode:NAME" with operations fops and
 * private_data priv; ERR_PTR on failure. flags: O_ACCMODE and O_NONBLOCK. */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv,
				int flags);

#endif
