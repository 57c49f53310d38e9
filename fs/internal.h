/*
 * What the files in fs/ share with each other and nobody else.
 * Linux: fs/internal.h.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>

/* fs/inode.c, fs/dcache.c, fs/file_table.c, fs/file.c, fs/fs_struct.c:
 * the slab caches, made once at boot by vfs_caches_init(). (Linux makes
 * the files_struct and fs_struct caches in kernel/fork.c proc_caches_init().) */
void inode_init(void);
void dcache_init(void);
void files_init(void);
void files_struct_cache_init(void);
void fs_struct_init(void);

/* fs/file_table.c: a new open file for path with f_op set, or ERR_PTR. */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop);
/* fs/file_table.c: the same on an inode no directory names (pipes). */
struct file *alloc_file_pseudo(struct inode *inode, const char *name, int flags,
			       const struct file_operations *fops);

/* fs/libfs.c: the readdir bookmark of an open directory. */
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);

#endif
