/*
 * File descriptor tables: allocating fd numbers, installing and closing
 * files, growing the table, copying it for fork, dup/dup2/dup3.
 * Linux: fs/file.c.
 *
 * Locking: files->file_lock guards the table (fdt, its arrays and bits,
 * next_fd). It is dropped before anything that may sleep: closing a file
 * (fput) and allocating a bigger table.
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

static struct kmem_cache *files_cachep;

/* The empty table tasks without one are given a copy of (Linux: the
 * init_task's files, which kernel threads share). */
struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

/* Bits in arrays of longs (Linux: include/linux/bitops.h, lib/find_bit.c). */
static bool test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

static void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static void __clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* The first clear bit at or after start, or size if none. */
static unsigned int find_next_zero_bit(const unsigned long *map, unsigned int size,
				       unsigned int start)
{
	for (unsigned int nr = start; nr < size; nr++)
		if (!test_bit(nr, map))
			return nr;
	return size;
}

/* A table with room for fd nr (slots a power of two, at least
 * NR_OPEN_DEFAULT, at most NR_OPEN_MAX), all empty; NULL if out of memory.
 * Linux: alloc_fdtable(). */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	unsigned int max = NR_OPEN_DEFAULT;
	struct fdtable *fdt;

	while (max <= nr)
		max *= 2;
	max = min(max, (unsigned int)NR_OPEN_MAX);
	fdt = kmalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	fdt->max_fds = max;
	fdt->fd = kcalloc(max, sizeof(struct file *), GFP_KERNEL);
	fdt->open_fds = kcalloc(2 * max / BITS_PER_LONG, sizeof(unsigned long), GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		kfree(fdt->fd);
		kfree(fdt->open_fds);
		kfree(fdt);
		return NULL;
	}
	fdt->close_on_exec = fdt->open_fds + max / BITS_PER_LONG;
	return fdt;
}

static void free_fdtable(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);
	kfree(fdt);
}

/* Copy the first count fds (a multiple of BITS_PER_LONG) of ofdt into
 * nfdt, which is at least that big and empty. Linux: copy_fdtable(). */
static void copy_fdtable(struct fdtable *nfdt, const struct fdtable *ofdt, unsigned int count)
{
	memcpy(nfdt->fd, ofdt->fd, count * sizeof(struct file *));
	memcpy(nfdt->open_fds, ofdt->open_fds, count / 8);
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec, count / 8);
}

/*
 * Linux: expand_files(). Make sure fd nr fits in the table. Called with
 * file_lock held; returns 0 if it already fitted, 1 if the table was
 * replaced (the lock was dropped meanwhile, so the caller must look
 * again), or -EMFILE / -ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *fdt = files->fdt, *new_fdt;

	if (nr < fdt->max_fds)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	spin_unlock(&files->file_lock);
	new_fdt = alloc_fdtable(nr);
	spin_lock(&files->file_lock);
	if (!new_fdt)
		return -ENOMEM;
	fdt = files->fdt;
	if (nr < fdt->max_fds) {	/* another thread grew it meanwhile */
		free_fdtable(new_fdt);
		return 1;
	}
	copy_fdtable(new_fdt, fdt, fdt->max_fds);
	files->fdt = new_fdt;
	if (fdt != &files->fdtab)
		free_fdtable(fdt);
	return 1;
}

/*
 * Linux: alloc_fd(). Reserve the lowest free fd >= start, with
 * close-on-exec if flags has O_CLOEXEC. Returns it, or -EMFILE.
 */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	unsigned int fd;
	int error;

	if (!files)
		return -EMFILE;
	spin_lock(&files->file_lock);
repeat:
	fdt = files->fdt;
	fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, max(start, files->next_fd));
	error = expand_files(files, fd);
	if (error < 0)
		goto out;
	if (error)
		goto repeat;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_bit(fd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	error = fd;
out:
	spin_unlock(&files->file_lock);
	return error;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

/* Free fd's number. Caller holds file_lock. Linux: __put_unused_fd(). */
static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files->fdt->open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

/* Linux: put_unused_fd(). Give back a number get_unused_fd_flags() reserved. */
void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

/* Linux: fd_install(). */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	BUG_ON(files->fdt->fd[fd] != NULL);
	files->fdt->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/* The file in fd, or NULL. Caller holds file_lock. Linux: files_lookup_fd_locked(). */
static struct file *files_lookup_fd_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

/* Linux: __fget(). fd's file with a reference, unless its f_mode has a bit
 * of mask (FMODE_PATH: O_PATH files do no I/O). */
static struct file *__fget(unsigned int fd, unsigned int mask)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file && (file->f_mode & mask))
		file = NULL;
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

struct file *fget(unsigned int fd)
{
	return __fget(fd, FMODE_PATH);
}

struct file *fget_raw(unsigned int fd)
{
	return __fget(fd, 0);
}

/* Linux: pick_file(). Take fd's file out of the table. Caller holds
 * file_lock. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file = files_lookup_fd_locked(files, fd);

	if (file) {
		files->fdt->fd[fd] = NULL;
		__put_unused_fd(files, fd);
	}
	return file;
}

/* Linux: close_fd(). 0, or -EBADF if fd is not open. */
int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (!files)
		return -EBADF;
	spin_lock(&files->file_lock);
	file = pick_file(files, fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	return filp_close(file);
}

/* Linux: set_close_on_exec(), get_close_on_exec(). fd must be open. */
void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds) {
		if (flag)
			__set_bit(fd, files->fdt->close_on_exec);
		else
			__clear_bit(fd, files->fdt->close_on_exec);
	}
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool res;

	spin_lock(&files->file_lock);
	res = fd < files->fdt->max_fds && test_bit(fd, files->fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	return res;
}

/*
 * Linux: do_dup2(). Make fd name file too (closing what it named). Called
 * with file_lock held; drops it. -EBUSY if fd is reserved by an open()
 * still in progress in another thread.
 */
static int do_dup2(struct files_struct *files, struct file *file, unsigned int fd,
		   unsigned int flags)
{
	struct fdtable *fdt = files->fdt;
	struct file *tofree = fdt->fd[fd];

	if (!tofree && test_bit(fd, fdt->open_fds)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	fdt->fd[fd] = get_file(file);
	__set_bit(fd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree);
	return fd;
}

/* Linux: ksys_dup3(). */
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file;
	int err;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_MAX || !files)
		return -EBADF;
	spin_lock(&files->file_lock);
	err = expand_files(files, newfd);
	file = files_lookup_fd_locked(files, oldfd);
	if (!file || err == -EMFILE)
		err = -EBADF;
	if (err < 0) {
		spin_unlock(&files->file_lock);
		return err;
	}
	return do_dup2(files, file, newfd, flags);
}

/* Linux: f_dupfd(). A new fd >= from naming file: F_DUPFD. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= NR_OPEN_MAX)
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/* Linux: fs/file.c sys_dup3(). */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

/* Linux: fs/file.c sys_dup2(). dup2(fd, fd) is allowed: it checks fd. */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *file = fget_raw(oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

/* Linux: fs/file.c sys_dup(). The lowest free fd, naming the same file. */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget_raw(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd >= 0)
		fd_install(fd, file);
	else
		fput(file);
	return fd;
}

/* How many fds to copy: up to the last word of open_fds with a bit set.
 * Linux: count_open_files(). */
static unsigned int count_open_files(const struct fdtable *fdt)
{
	unsigned int words = fdt->max_fds / BITS_PER_LONG;

	while (words > 0 && !fdt->open_fds[words - 1])
		words--;
	return words * BITS_PER_LONG;
}

/*
 * Linux: dup_fd() (the 5.x form, without max_fds). A copy of oldf for
 * fork: the same files in the same fds (each gets a reference), the same
 * close-on-exec flags. A slot reserved but not yet installed is not
 * copied. NULL with *errorp = -ENOMEM on failure.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = kmem_cache_zalloc(files_cachep, GFP_KERNEL);
	struct fdtable *old_fdt, *new_fdt;
	unsigned int open_files;

	*errorp = -ENOMEM;
	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	new_fdt = &newf->fdtab;
	new_fdt->max_fds = NR_OPEN_DEFAULT;
	new_fdt->close_on_exec = newf->close_on_exec_init;
	new_fdt->open_fds = newf->open_fds_init;
	new_fdt->fd = &newf->fd_array[0];

	spin_lock(&oldf->file_lock);
	old_fdt = oldf->fdt;
	open_files = count_open_files(old_fdt);
	while (open_files > new_fdt->max_fds) {	/* allocate without the lock, then recheck */
		spin_unlock(&oldf->file_lock);
		if (new_fdt != &newf->fdtab)
			free_fdtable(new_fdt);
		new_fdt = alloc_fdtable(open_files - 1);
		if (!new_fdt) {
			kmem_cache_free(files_cachep, newf);
			return NULL;
		}
		spin_lock(&oldf->file_lock);
		old_fdt = oldf->fdt;
		open_files = count_open_files(old_fdt);
	}
	copy_fdtable(new_fdt, old_fdt, open_files);
	for (unsigned int i = 0; i < open_files; i++) {
		if (new_fdt->fd[i])
			get_file(new_fdt->fd[i]);
		else
			__clear_bit(i, new_fdt->open_fds);
	}
	spin_unlock(&oldf->file_lock);
	newf->fdt = new_fdt;
	*errorp = 0;
	return newf;
}

/* One more task shares files (CLONE_FILES). Linux's copy_files() does
 * this atomic_inc(&oldf->count) inline; older kernels had a helper of this
 * name taking the task. */
void get_files_struct(struct files_struct *files)
{
	atomic_inc(&files->count);
}

/* Linux: put_files_struct(). Drop a reference; the last closes every file
 * and frees the table. May sleep. */
void put_files_struct(struct files_struct *files)
{
	struct fdtable *fdt;

	if (!atomic_dec_and_test(&files->count))
		return;
	fdt = files->fdt;
	for (unsigned int i = 0; i < fdt->max_fds; i++) {	/* Linux: close_files() */
		if (fdt->fd[i])
			filp_close(fdt->fd[i]);
	}
	if (fdt != &files->fdtab)
		free_fdtable(fdt);
	kmem_cache_free(files_cachep, files);
}

/* Linux: exit_files(). The exiting task lets go of its table. */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;	/* Linux: under task_lock() */
		put_files_struct(files);
	}
}

/*
 * Linux: do_close_on_exec(). execve closes every fd with FD_CLOEXEC. The
 * lock is dropped around each close, so the table may grow meanwhile:
 * look it up again each time.
 */
void do_close_on_exec(struct files_struct *files)
{
	spin_lock(&files->file_lock);
	for (unsigned int word = 0; word * BITS_PER_LONG < files->fdt->max_fds; word++) {
		unsigned long set = files->fdt->close_on_exec[word];

		files->fdt->close_on_exec[word] = 0;
		while (set) {
			unsigned int fd = word * BITS_PER_LONG + __builtin_ctzl(set);
			struct file *file = pick_file(files, fd);

			set &= set - 1;
			if (!file)
				continue;
			spin_unlock(&files->file_lock);
			filp_close(file);
			spin_lock(&files->file_lock);
		}
	}
	spin_unlock(&files->file_lock);
}

void files_struct_cache_init(void)
{
	files_cachep = kmem_cache_create("files_cache", sizeof(struct files_struct), 0,
					 SLAB_PANIC, NULL);
}
