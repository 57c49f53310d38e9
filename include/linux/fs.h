/*
 * The virtual filesystem: inodes (files), open files, and the operations a
 * filesystem provides for each. There is one filesystem here, ramfs, the
 * in-memory tree the initramfs is unpacked into, and character devices
 * (the console) reached through device nodes in it.
 * Linux: include/linux/fs.h (trimmed: no superblocks or mounts, no page
 * cache: a ramfs file keeps its pages in its inode).
 *
 *	struct file   an open file: position, flags, operations; shared by
 *	              dup'ed fds and across fork
 *	struct dentry a name in a directory (linux/dcache.h)
 *	struct inode  the file itself: type, permissions, size, data
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/stat.h>
#include <linux/time64.h>
#include <linux/uio.h>

typedef long long loff_t;
typedef unsigned short umode_t;
typedef u32 dev_t;

/* Kernel device numbers: 12-bit major, 20-bit minor. Linux: include/linux/kdev_t.h. */
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

/* The form stat's st_rdev and mknod's dev use: minor's low byte, major, the
 * rest of minor. */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#define PATH_MAX 4096	/* bytes in a path, counting the NUL (uapi linux/limits.h) */
#define NAME_MAX 255	/* bytes in one component */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX SEEK_HOLE

/* Most bytes one read or write moves (Linux: INT_MAX rounded down to a page). */
#define MAX_RW_COUNT 0x7ffff000L

/* Access a permission check asks for. */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
#define MAY_APPEND 0x8
#define MAY_ACCESS 0x10
#define MAY_OPEN 0x20

/* Kernel-internal: "this ioctl is not mine", turned into ENOTTY. */
#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515
#endif

/* file->f_mode: what this open file may do. */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_LSEEK 0x4	/* lseek works (not a tty or pipe) */
#define FMODE_PREAD 0x8	/* pread64 works */
#define FMODE_PWRITE 0x10	/* pwrite64 works */
#define FMODE_PATH 0x4000	/* O_PATH: a handle for *at() and fstat, no I/O */
#define FMODE_ATOMIC_POS 0x8000	/* f_pos_lock serialises read/write/lseek */
#define FMODE_CAN_READ 0x20000	/* f_op has read_iter */
#define FMODE_CAN_WRITE 0x40000	/* f_op has write_iter */
#define FMODE_OPENED 0x80000	/* f_op->open succeeded: release at the end */

/* O_RDONLY/O_WRONLY/O_RDWR (0, 1, 2) to FMODE_READ/WRITE bits (1, 2, 3);
 * the odd access mode 3 gives neither. */
#define OPEN_FMODE(flag) (((flag) + 1) & O_ACCMODE)
#define FMODE_CREATED 0x100000	/* open() created the file */

struct file;
struct kiocb;
struct page;
struct task_struct;
struct dir_context;
struct iattr;
struct pipe_inode_info;

/* The largest ramfs file: beyond it writes and truncates give EFBIG.
 * (Linux's ramfs takes MAX_LFS_FILESIZE; its page cache is a sparse tree,
 * ours a flat array of page pointers, so the limit is modest.) */
#define RAMFS_MAX_FILE_SIZE (1LL << 30)

struct inode {
	umode_t i_mode;	/* S_IFMT type | permission bits */
	unsigned int i_flags;	/* S_DEAD */
	unsigned int i_nlink;	/* names (and for a directory, its "." and children's "..") */
	unsigned int i_uid, i_gid;
	dev_t i_rdev;	/* a device node: the device */
	loff_t i_size;
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;
	atomic_t i_count;	/* references: the dentries naming it */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* what open() gives the file */
	/* Serialises reads, writes and truncation of the data (Linux:
	 * i_rwsem, called i_mutex before 4.7). Not held while walking paths. */
	struct mutex i_mutex;
	/* A regular file's data: page n holds bytes [n * PAGE_SIZE, ...);
	 * NULL means a hole, which reads as zeroes. Linux: i_mapping->i_pages,
	 * the page cache, an xarray. */
	struct page **i_pages;
	unsigned long i_pages_slots;	/* length of the i_pages array */
	unsigned long i_nrpages;	/* pages allocated (for st_blocks) */
	const char *i_link;	/* a symbolic link's body, NUL-terminated (kmalloc'ed) */
	/* A pipe's or open FIFO's buffer (linux/pipe_fs_i.h); NULL for a
	 * FIFO nobody has open. Guarded by i_mutex. */
	struct pipe_inode_info *i_pipe;
};

/* What a dentry names (it must have an inode). Linux: d_is_dir() etc. */
static inline bool d_is_dir(const struct dentry *dentry)
{
	return S_ISDIR(dentry->d_inode->i_mode);
}

static inline bool d_is_reg(const struct dentry *dentry)
{
	return S_ISREG(dentry->d_inode->i_mode);
}

#define S_DEAD 0x10	/* a removed directory: nothing may be created in it */
#define IS_DEADDIR(inode) ((inode)->i_flags & S_DEAD)

/* What a directory's inode can do; called with dcache_mutex held.
 * Linux: struct inode_operations. */
struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);	/* i_mutex held */
	/* A directory whose names are made on demand (/proc): the child
	 * called name, or NULL; replaces the d_subdirs scan of d_lookup(). */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, const struct qstr *name);
};

/* A change of attributes (truncate, chmod, chown, utimes). Linux: struct iattr. */
struct iattr {
	unsigned int ia_valid;	/* ATTR_* */
	umode_t ia_mode;
	unsigned int ia_uid, ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime;
};

#define ATTR_MODE 0x1
#define ATTR_UID 0x2
#define ATTR_GID 0x4
#define ATTR_SIZE 0x8
#define ATTR_ATIME 0x10
#define ATTR_MTIME 0x20

/* Where a file is: its dentry. (Linux's also names the mount.) */
struct path {
	struct dentry *dentry;
};

/* One read or write in progress. Linux: struct kiocb. */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;	/* where it starts; advanced by what is done */
	int ki_flags;	/* IOCB_* */
};

#define IOCB_APPEND 0x2	/* write at the end (O_APPEND) */
#define IOCB_NOWAIT 0x8	/* do not block (O_NONBLOCK) */

/* readdir's sink: actor() takes one entry; false means "full, stop".
 * Linux: struct dir_context. */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;	/* the position of the next entry (0 ".", 1 "..", then the rest) */
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* What an open file can do. Linux: struct file_operations. */
struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);	/* getdents */
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

/* An open file. Linux: struct file. */
struct file {
	atomic_t f_count;	/* fd table slots and in-kernel users; freed at zero */
	unsigned int f_flags;	/* O_* as opened; F_SETFL changes O_APPEND, O_NONBLOCK */
	unsigned int f_mode;	/* FMODE_* */
	struct mutex f_pos_lock;	/* for FMODE_ATOMIC_POS files */
	loff_t f_pos;
	struct path f_path;	/* a reference on the dentry */
	struct inode *f_inode;	/* f_path.dentry's inode, kept alive by it */
	const struct file_operations *f_op;
	void *private_data;	/* a directory's readdir cursor, a tty */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

/* The name a path system call was given, copied into the kernel.
 * Linux: struct filename (include/linux/fs.h), from getname(). */
struct filename {
	const char *name;	/* the kernel copy: a PATH_MAX buffer */
};

/* fs/inode.c */
struct inode *new_inode(void);
void iput(struct inode *inode);
static inline void ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}
struct timespec64 current_time(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
int inode_permission(struct inode *inode, int mask);
unsigned int current_fsuid(void);
unsigned int current_fsgid(void);
void truncate_inode_pages(struct inode *inode, loff_t newsize);
int notify_change(struct dentry *dentry, struct iattr *attr);

/* fs/dcache.c */
void vfs_caches_init(void);

/* fs/ramfs.c: the root filesystem. */
struct inode *ramfs_get_inode(const struct inode *dir, umode_t mode, dev_t dev);
extern const struct inode_operations ramfs_dir_inode_operations;
extern const struct file_operations ramfs_file_operations;
struct dentry *init_rootfs(void);

/* fs/libfs.c: helpers any in-memory filesystem can use. */
extern const struct file_operations simple_dir_operations;
int simple_empty(struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *to);

/* fs/file_table.c */
struct file *alloc_empty_file(int flags);
void fput(struct file *file);
int get_nr_files(void);	/* open files in existence, for leak checks */

/* fs/open.c */
struct file *filp_open(const char *filename, int flags, umode_t mode);
int filp_close(struct file *filp);
struct file *dentry_open(const struct path *path, int flags);
int vfs_open(const struct path *path, struct file *file);
int do_truncate(struct dentry *dentry, loff_t length);
int vfs_truncate(const struct path *path, loff_t length);
int nonseekable_open(struct inode *inode, struct file *filp);
long do_faccessat(int dfd, const char __user *filename, int mode, int flags);

/* fs/read_write.c */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);

/* fs/namei.c */
struct filename *getname(const char __user *filename);
struct filename *getname_flags(const char __user *filename, int flags);
struct filename *getname_kernel(const char *filename);
void putname(struct filename *name);
void path_get(const struct path *path);
void path_put(const struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path);
struct open_flags;
struct file *do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op);
int do_mkdirat(int dfd, struct filename *name, umode_t mode);
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev);
int do_symlinkat(struct filename *from, int newdfd, struct filename *to);
int do_rmdir(int dfd, struct filename *name);
int do_unlinkat(int dfd, struct filename *name);
int do_renameat2(int olddfd, struct filename *oldname, int newdfd, struct filename *newname,
		 unsigned int flags);

/* fs/stat.c */
int vfs_getattr(const struct path *path, struct kstat *stat);
int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags);

/* fs/readdir.c */
int iterate_dir(struct file *file, struct dir_context *ctx);

/* fs/d_path.c */
char *d_path(const struct path *path, char *buf, int buflen);

/* fs/char_dev.c: character devices, by major and minor number. */
int register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		    const char *name, const struct file_operations *fops);
extern const struct file_operations def_chr_fops;
void chrdev_init(void);
void chr_dev_init(void);	/* drivers/char/mem.c: /dev/null, /dev/zero, then the ttys */

/* fs/init.c: the kernel's own file operations, by path (for boot). */
int init_mkdir(const char *pathname, umode_t mode);
int init_mknod(const char *filename, umode_t mode, unsigned int dev);
int init_symlink(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_rmdir(const char *pathname);
int init_chdir(const char *filename);
int init_chown(const char *filename, unsigned int user, unsigned int group);
int init_chmod(const char *filename, umode_t mode);
int init_utimes(const char *filename, const struct timespec64 *mtime);
int init_stat(const char *filename, struct kstat *stat, int flags);
int setup_task_files_fs(struct task_struct *tsk);
void console_on_rootfs(void);

/* The fd table and fs_struct calls fork, exec and exit make (dup_fd,
 * copy_fs_struct, do_close_on_exec, exit_files, exit_fs...): Linux
 * declares them in these two headers; fs.h brings them along. */
#include <linux/fdtable.h>
#include <linux/fs_struct.h>

#endif
