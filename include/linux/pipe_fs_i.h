/*
 * Pipes and FIFOs: a ring of PIPE_DEF_BUFFERS page-sized buffers between
 * the files that write into it and the files that read from it.
 * Linux: include/linux/pipe_fs_i.h, fs/pipe.c.
 *
 *	   tail                      head
 *	    |                         |
 *	  [buf][buf][buf]  ...  [ free ][ free ]      bufs[i & (PIPE_DEF_BUFFERS - 1)]
 *	   read from here        a write fills a new buffer here
 *
 * head and tail only ever grow (unsigned wrap-around is fine): the pipe
 * holds head - tail buffers, so it is empty when they are equal and full
 * when PIPE_DEF_BUFFERS apart. Each buffer is one page, of which bytes
 * [offset, offset + len) are still to be read.
 *
 * Locking: pipe->mutex guards everything in struct pipe_inode_info but
 * `files`, which the inode's i_mutex guards (it decides when the pipe is
 * freed, and a FIFO's opener must find the pipe or make it under the same
 * lock). Readers sleep on rd_wait, writers on wr_wait, with the mutex
 * dropped.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS 16	/* 16 pages: 64 KiB, Linux's default capacity */
/* Writes of at most PIPE_BUF bytes are atomic: never interleaved with
 * another writer's (POSIX's rule; uapi linux/limits.h). */
#define PIPE_BUF 4096

struct page;
struct file;
struct inode;

/* Bytes [offset, offset + len) of page are unread data. Linux: struct pipe_buffer. */
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

/* Linux: struct pipe_inode_info. */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;	/* readers waiting for data (or for EOF) */
	wait_queue_head_t wr_wait;	/* writers waiting for room (or for EPIPE) */
	unsigned int head;	/* the next buffer a write fills */
	unsigned int tail;	/* the next buffer a read empties */
	unsigned int readers;	/* open files that may read it */
	unsigned int writers;	/* open files that may write it */
	unsigned int files;	/* open files on it (O_RDWR counts once); under i_mutex */
	/* FIFOs: opens for reading / writing so far, so an open waiting for
	 * the other side can tell that one came (even if it left again). */
	unsigned int r_counter, w_counter;
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
};

/* Linux: pipe_empty(), pipe_occupancy(), pipe_full(). */
static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return head == tail;
}

static inline unsigned int pipe_occupancy(unsigned int head, unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_full(unsigned int head, unsigned int tail)
{
	return pipe_occupancy(head, tail) >= PIPE_DEF_BUFFERS;
}

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;	/* pipes' and FIFOs' files */
/* The two ends of a new pipe: res[0] reads, res[1] writes. flags may hold
 * O_NONBLOCK (for both). 0 or -ENFILE/-ENOMEM. Linux: create_pipe_files(). */
int create_pipe_files(struct file **res, int flags);
/* Pipes alive now (made and not yet freed): for leak checks. */
int nr_pipes(void);

#endif
