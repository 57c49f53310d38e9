/*
 * Pipes: pipe(2) and pipe2(2), and the file operations of a pipe's two
 * ends and of FIFOs (named pipes, made by mknod/mkfifo). Linux: fs/pipe.c.
 *
 * What pipe(7) promises, and where it is kept:
 *   - read blocks while the pipe is empty and some file may still write
 *     it; then returns what is there (at least a byte), or 0, end of file,
 *     once no writer is left (pipe_read);
 *   - write blocks while the pipe is full and some file may still read it;
 *     a write of at most PIPE_BUF bytes lands whole, never interleaved
 *     with another writer's; with no reader left the writer gets SIGPIPE
 *     and EPIPE (pipe_write);
 *   - O_NONBLOCK turns each wait into EAGAIN; a signal turns it into
 *     -ERESTARTSYS, or a short count if some bytes already moved;
 *   - readers and writers are counted per open file, not per fd: dup and
 *     fork share one struct file, whose release (pipe_release) comes when
 *     the last fd and user of it go.
 * The buffer ring itself is described in linux/pipe_fs_i.h.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/termios.h>
#include <linux/uaccess.h>
#include "internal.h"

#define PIPE_MASK (PIPE_DEF_BUFFERS - 1)

static atomic_t pipes_alive;

/* See linux/pipe_fs_i.h. (Linux counts pipe buffers per user instead:
 * user->pipe_bufs.) */
int nr_pipes(void)
{
	return atomic_read(&pipes_alive);
}

/* Linux: alloc_pipe_info(). An empty pipe with nobody on it, or NULL. */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	atomic_inc(&pipes_alive);
	return pipe;
}

/* Linux: free_pipe_info(). Free the pipe and the data nobody read. */
static void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe->bufs[i & PIPE_MASK].page);
	kfree(pipe);
	atomic_dec(&pipes_alive);
}

/* Linux: put_pipe_info(). An open file on the pipe is gone; the last one
 * frees it (a FIFO's inode then has none until the next open). */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool kill;

	mutex_lock(&inode->i_mutex);
	kill = --pipe->files == 0;
	if (kill)
		inode->i_pipe = NULL;
	mutex_unlock(&inode->i_mutex);
	if (kill)
		free_pipe_info(pipe);
}

/*
 * Sleep on wq until a wake-up or a signal. The caller holds pipe->mutex,
 * which is dropped meanwhile and held again on return: the caller then
 * looks at the pipe again. We are on the queue before the mutex is
 * dropped, and whoever changes the pipe does so under the mutex and wakes
 * the queue after, so a change made after our last look always wakes us.
 * Linux: pipe_wait() (before 5.5; now the callers use
 * wait_event_interruptible_exclusive() with the mutex dropped).
 */
static void pipe_wait(struct pipe_inode_info *pipe, struct wait_queue_head *wq)
{
	struct wait_queue_entry wait = { 0 };

	prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
	mutex_unlock(&pipe->mutex);
	if (!signal_pending(current))
		schedule();
	finish_wait(wq, &wait);
	mutex_lock(&pipe->mutex);
}

/* Copy one buffer's first n bytes out; free the buffer when it is empty. */
static size_t pipe_buf_read(struct pipe_inode_info *pipe, size_t n, struct iov_iter *to)
{
	struct pipe_buffer *buf = &pipe->bufs[pipe->tail & PIPE_MASK];

	n = min(n, (size_t)buf->len);
	if (copy_to_iter((char *)page_address(buf->page) + buf->offset, n, to) < n)
		return 0;	/* a bad address: what was copied stays unread */
	buf->offset += n;
	buf->len -= n;
	if (!buf->len) {
		__free_page(buf->page);
		buf->page = NULL;
		pipe->tail++;
	}
	return n;
}

/*
 * Linux: pipe_read(). Read up to iov_iter_count(to) bytes, as the top of
 * the file says. Returns the bytes read; 0 at end of file (or for a
 * 0-byte read); -EAGAIN (non-blocking and empty); -ERESTARTSYS (a signal
 * before any byte came); -EFAULT (a bad buffer before any byte was read).
 * Takes pipe->mutex; wakes the writers when it made room.
 */
static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0;

	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		if (!pipe_empty(pipe->head, pipe->tail)) {
			size_t n = pipe_buf_read(pipe, iov_iter_count(to), to);

			if (!n) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			ret += n;
			if (!iov_iter_count(to))
				break;
			continue;
		}
		/* Empty. What came is enough; with no writer it is the end. */
		if (ret || !pipe->writers)
			break;
		if ((filp->f_flags & O_NONBLOCK) || (iocb->ki_flags & IOCB_NOWAIT)) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		pipe_wait(pipe, &pipe->rd_wait);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_interruptible(&pipe->wr_wait);
	return ret;
}

/* No reader will ever see this write: SIGPIPE (which kills the writer
 * unless it ignores, blocks or catches it), and the caller says EPIPE. */
static void pipe_no_readers(void)
{
	send_sig(SIGPIPE, current);
}

/*
 * A write's first total_len % PAGE_SIZE bytes go into the last buffer if
 * they fit there whole (so 1-byte writes share a page, as in Linux); the
 * rest goes in whole pages. Either way a write of at most PIPE_BUF bytes
 * is copied in one piece, under the mutex, so it is never split: that is
 * the atomicity rule. Returns bytes added (0: did not fit) or -EFAULT.
 */
static ssize_t pipe_merge(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	size_t chars = iov_iter_count(from) & (PAGE_SIZE - 1);
	struct pipe_buffer *buf = &pipe->bufs[(pipe->head - 1) & PIPE_MASK];
	size_t end = buf->offset + buf->len;

	if (!chars || pipe_empty(pipe->head, pipe->tail) || end + chars > PAGE_SIZE)
		return 0;
	if (copy_from_iter((char *)page_address(buf->page) + end, chars, from) < chars)
		return -EFAULT;
	buf->len += chars;
	return chars;
}

/* Fill a new page from `from` and add it at the head (the pipe is not
 * full). Returns bytes added, -ENOMEM, or -EFAULT (nothing added). */
static ssize_t pipe_push_page(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	struct page *page = alloc_page(GFP_KERNEL);
	size_t want = min(iov_iter_count(from), (size_t)PAGE_SIZE), copied;

	if (!page)
		return -ENOMEM;
	copied = copy_from_iter(page_address(page), want, from);
	if (copied < want) {	/* as Linux, a page a fault cut short is not added */
		__free_page(page);
		return -EFAULT;
	}
	pipe->bufs[pipe->head & PIPE_MASK] = (struct pipe_buffer){ page, 0, copied };
	pipe->head++;
	return copied;
}

/*
 * Linux: pipe_write(). Write all of iov_iter_count(from) bytes, sleeping
 * while the pipe is full. Returns the bytes written, which is fewer only
 * if a signal, O_NONBLOCK, a bad buffer or the last reader leaving cut it
 * short after some bytes; otherwise -ERESTARTSYS, -EAGAIN, -EFAULT or
 * -EPIPE (with SIGPIPE). Takes pipe->mutex; wakes the readers when it
 * added data, and before it sleeps, so they can make room.
 */
static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0, n;

	if (!iov_iter_count(from))
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		pipe_no_readers();
		ret = -EPIPE;
		goto out;
	}
	ret = pipe_merge(pipe, from);
	if (ret < 0 || !iov_iter_count(from))
		goto out;
	for (;;) {
		if (!pipe->readers) {
			pipe_no_readers();
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe->head, pipe->tail)) {
			n = pipe_push_page(pipe, from);
			if (n < 0) {
				if (!ret)
					ret = n;
				break;
			}
			ret += n;
			if (!iov_iter_count(from))
				break;
			continue;
		}
		/* Full. */
		if ((filp->f_flags & O_NONBLOCK) || (iocb->ki_flags & IOCB_NOWAIT)) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		wake_up_interruptible(&pipe->rd_wait);
		pipe_wait(pipe, &pipe->wr_wait);
	}
out:
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_interruptible(&pipe->rd_wait);
	return ret;
}

/* Linux: pipe_ioctl(). FIONREAD: the bytes waiting to be read. */
static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	mutex_lock(&pipe->mutex);
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		count += pipe->bufs[i & PIPE_MASK].len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

/*
 * Linux: pipe_release(). The last reference to one end's file is gone
 * (every fd closed, in every process). If that was the last reader,
 * writers must wake to get EPIPE; if the last writer, readers to see end
 * of file; FIFO opens waiting for a partner recheck too. Then the pipe
 * loses this file, and is freed with the last.
 */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* Safe after the unlock: our own `files` count keeps the pipe. */
	wake_up_interruptible(&pipe->rd_wait);
	wake_up_interruptible(&pipe->wr_wait);
	put_pipe_info(inode, pipe);
	return 0;
}

/*
 * A FIFO open waiting for the other side: sleep until *cnt (the other
 * side's open count) moves. 0, or -ERESTARTSYS for a signal. Caller holds
 * pipe->mutex. Linux: wait_for_partner().
 */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;

	while (cur == *cnt && !signal_pending(current))
		pipe_wait(pipe, &pipe->rd_wait);
	return cur == *cnt ? -ERESTARTSYS : 0;
}

/*
 * Linux: fifo_open(). Open a FIFO (a named pipe) as POSIX says: for
 * reading, wait until a writer opens it (O_NONBLOCK: do not wait); for
 * writing, wait for a reader (O_NONBLOCK: ENXIO if there is none); O_RDWR
 * never waits. Every file open on the FIFO shares one pipe, made by the
 * first open and freed by the last close. -ERESTARTSYS if a signal ends
 * the wait (then this file never counted).
 */
static int fifo_open(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe;
	int ret = 0;

	mutex_lock(&inode->i_mutex);
	pipe = inode->i_pipe;
	if (!pipe) {
		pipe = alloc_pipe_info();
		if (!pipe) {
			mutex_unlock(&inode->i_mutex);
			return -ENOMEM;
		}
		inode->i_pipe = pipe;
	}
	pipe->files++;
	mutex_unlock(&inode->i_mutex);

	filp->private_data = pipe;
	nonseekable_open(inode, filp);	/* Linux: stream_open() */
	mutex_lock(&pipe->mutex);
	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		pipe->readers++;
		wake_up_interruptible(&pipe->rd_wait);	/* writers waiting in open */
		if (!pipe->writers && !(filp->f_flags & O_NONBLOCK) &&
		    wait_for_partner(pipe, &pipe->w_counter)) {
			if (!--pipe->readers)
				wake_up_interruptible(&pipe->wr_wait);
			ret = -ERESTARTSYS;
		}
		break;
	case FMODE_WRITE:
		if ((filp->f_flags & O_NONBLOCK) && !pipe->readers) {
			ret = -ENXIO;
			break;
		}
		pipe->w_counter++;
		pipe->writers++;
		wake_up_interruptible(&pipe->rd_wait);	/* readers waiting in open */
		if (!pipe->readers && wait_for_partner(pipe, &pipe->r_counter)) {
			if (!--pipe->writers)
				wake_up_interruptible(&pipe->rd_wait);
			ret = -ERESTARTSYS;
		}
		break;
	case FMODE_READ | FMODE_WRITE:	/* POSIX leaves it undefined; Linux never waits */
		pipe->r_counter++;
		pipe->w_counter++;
		pipe->readers++;
		pipe->writers++;
		wake_up_interruptible(&pipe->rd_wait);
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&pipe->mutex);
	if (ret)
		put_pipe_info(inode, pipe);
	return ret;
}

/* Linux: pipefifo_fops. lseek is missing on purpose: ESPIPE. */
const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* Linux: get_pipe_inode(). An inode for a new pipe with one reader and
 * one writer (the two files about to be made), or NULL. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode();
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	pipe->files = 2;
	pipe->readers = pipe->writers = 1;
	inode->i_pipe = pipe;
	inode->i_fop = &pipefifo_fops;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	return inode;
}

/* See linux/pipe_fs_i.h. Both files share one dentry, named "pipe:", in
 * no directory (Linux's live on the internal pipefs mount). */
int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct file *f;

	if (!inode)
		return -ENFILE;
	f = alloc_file_pseudo(inode, "pipe:", O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (IS_ERR(f)) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		return PTR_ERR(f);
	}
	f->private_data = inode->i_pipe;
	res[0] = alloc_file(&f->f_path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (IS_ERR(res[0])) {
		put_pipe_info(inode, inode->i_pipe);	/* the read end's share; */
		fput(f);	/* pipe_release() drops the write end's and frees it */
		return PTR_ERR(res[0]);
	}
	res[0]->private_data = inode->i_pipe;
	res[1] = f;
	return 0;
}

/*
 * Linux: do_pipe2() with __do_pipe_flags(). Make a pipe and put its read
 * and write ends in the two lowest free fds, stored in fildes[0] and
 * fildes[1]. The fds are installed only once the copy to user space has
 * succeeded: a bad fildes (EFAULT) leaves the table as it was. O_DIRECT
 * (Linux's packet mode) is not supported: EINVAL.
 */
static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		error = fd[0];
		goto err_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		error = fd[1];
		goto err_fdr;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		error = -EFAULT;
		goto err_fdw;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;

err_fdw:
	put_unused_fd(fd[1]);
err_fdr:
	put_unused_fd(fd[0]);
err_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

/* Linux: fs/pipe.c sys_pipe2(), sys_pipe(). */
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
