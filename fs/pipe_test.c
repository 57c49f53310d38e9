/*
 * Tests for pipes and FIFOs (fs/pipe.c): data in order, end of file,
 * EPIPE with SIGPIPE, PIPE_BUF atomicity, the 64 KiB capacity and
 * O_NONBLOCK, sleeping readers and writers woken from another kernel
 * thread, FIFO opens, pipe/pipe2 through the system calls, and no leaks.
 *
 * Most cases work on the two files create_pipe_files() makes, through
 * kernel_read()/kernel_write(); the system-call case uses the user window
 * of fs/ktest_user.h.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/termios.h>
#include "ktest_user.h"

/* A new pipe: p[0] reads, p[1] writes. */
static bool new_pipe(struct ktest *test, struct file **p, int flags)
{
	return KTEST_EXPECT_EQ(test, create_pipe_files(p, flags), 0);
}

static ssize_t pread(struct file *f, void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_read(f, buf, n, &pos);
}

static ssize_t pwrite(struct file *f, const void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_write(f, buf, n, &pos);
}

/* Bytes [0, n) of a pattern no two nearby offsets share. */
static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + (i >> 10));
}

/* What comes out is what went in, in order: small writes run together
 * into one read, a read returns what is there without waiting for more,
 * and 10000 bytes read back in odd-sized pieces. */
static void pipe_data_in_order_test(struct ktest *test)
{
	unsigned char *buf = kmalloc(10000, GFP_KERNEL);
	struct file *p[2];
	char small[32] = { 0 };
	long got = 0, n;
	bool same = true;

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!new_pipe(test, p, 0)) {
		kfree(buf);
		return;
	}
	KTEST_EXPECT_EQ(test, pwrite(p[1], "hello", 5), 5);
	KTEST_EXPECT_EQ(test, pwrite(p[1], ", world", 7), 7);
	KTEST_EXPECT_EQ(test, pread(p[0], small, sizeof(small)), 12);
	KTEST_EXPECT_STREQ(test, small, "hello, world");

	for (long i = 0; i < 10000; i++)
		buf[i] = pattern(i);
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 10000), 10000);
	memset(buf, 0, 10000);
	while (got < 10000 && (n = pread(p[0], buf + got, min(777L, 10000 - got))) > 0)
		got += n;
	KTEST_EXPECT_EQ(test, got, 10000);
	for (long i = 0; i < got; i++)
		same &= buf[i] == pattern(i);
	KTEST_EXPECT_TRUE(test, same);
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

/* End of file (0) only once the write end's file is released, and data
 * written before that is still read first. A reference held elsewhere
 * (as dup or fork would hold one) keeps the writer alive. */
static void pipe_eof_test(struct ktest *test)
{
	struct file *p[2];
	char buf[8];

	if (!new_pipe(test, p, O_NONBLOCK))
		return;
	get_file(p[1]);	/* a second fd on the same write end */
	KTEST_EXPECT_EQ(test, pwrite(p[1], "ab", 2), 2);
	fput(p[1]);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), 2);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), -EAGAIN);	/* a writer is left */
	fput(p[1]);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), 0);
	fput(p[0]);
}

/* Is SIGPIPE pending for the current task? Clear it either way (nobody
 * delivers signals to a kernel thread). */
static bool take_sigpipe(void)
{
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	pending = (current->pending.signal.sig[0] | current->signal->shared_pending.signal.sig[0]) &
		  sigmask(SIGPIPE);
	sigdelset(&current->pending.signal, SIGPIPE);	/* (a kernel thread queues no siginfo) */
	sigdelset(&current->signal->shared_pending.signal, SIGPIPE);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return pending;
}

/* With no reader left, a write gets EPIPE and the writer SIGPIPE; reading
 * the write end or writing the read end is EBADF. */
static void pipe_epipe_sigpipe_test(struct ktest *test)
{
	struct file *p[2];
	sigset_t saved = current->blocked;
	char c;

	if (!new_pipe(test, p, 0))
		return;
	/* Blocked, SIGPIPE stays pending: else pid 1 (init, which runs the
	 * tests) ignores it, having no handler (SIGNAL_UNKILLABLE). */
	sigaddset(&current->blocked, SIGPIPE);
	KTEST_EXPECT_EQ(test, pread(p[1], &c, 1), -EBADF);
	KTEST_EXPECT_EQ(test, pwrite(p[0], "x", 1), -EBADF);
	take_sigpipe();
	KTEST_EXPECT_EQ(test, pwrite(p[1], "x", 1), 1);
	KTEST_EXPECT_FALSE(test, take_sigpipe());
	fput(p[0]);
	KTEST_EXPECT_EQ(test, pwrite(p[1], "x", 1), -EPIPE);
	KTEST_EXPECT_TRUE(test, take_sigpipe());
	current->blocked = saved;
	fput(p[1]);
}

/*
 * The capacity is 16 pages (64 KiB) and O_NONBLOCK: an empty read is
 * EAGAIN; 64 KiB fits; then a write is EAGAIN; a write of at most PIPE_BUF
 * bytes that does not fit whole is EAGAIN, not a short write; a longer one
 * writes what fits.
 */
static void pipe_nonblock_capacity_test(struct ktest *test)
{
	char *buf = kzalloc(2 * PAGE_SIZE, GFP_KERNEL);
	const long cap = PIPE_DEF_BUFFERS * PAGE_SIZE;
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!new_pipe(test, p, O_NONBLOCK)) {
		kfree(buf);
		return;
	}
	KTEST_EXPECT_EQ(test, cap, 65536);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, 1), -EAGAIN);
	for (int i = 0; i < PIPE_DEF_BUFFERS - 1; i++)
		KTEST_EXPECT_EQ(test, pwrite(p[1], buf, PAGE_SIZE), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, PAGE_SIZE - 100), PAGE_SIZE - 100);
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, PIPE_BUF), -EAGAIN);	/* 100 bytes free */
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 3000), -EAGAIN);	/* not 100 of them */
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 100), 100);	/* fills the last page */
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 1), -EAGAIN);	/* exactly 64 KiB in */

	KTEST_EXPECT_EQ(test, pread(p[0], buf, PAGE_SIZE), PAGE_SIZE);	/* one page free */
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 2 * PAGE_SIZE), PAGE_SIZE);	/* > PIPE_BUF: short */
	KTEST_EXPECT_EQ(test, pwrite(p[1], buf, 1), -EAGAIN);
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

/* A kernel thread that works on a pipe beside the test. */
struct helper {
	struct file *file;
	struct task_struct *waiter;	/* wait until it sleeps before acting */
	bool saw_sleeping;	/* waiter was asleep when the helper acted */
	struct task_struct *self;	/* the helper, once it runs */
	int id;
	ssize_t result;
	struct completion done;
};

/* Yield until t sleeps interruptibly (a pipe or FIFO wait); false if it
 * never did within a generous bound. */
static bool wait_until_sleeping(struct task_struct *t)
{
	for (int i = 0; i < 100000; i++) {
		if (READ_ONCE(t->__state) == TASK_INTERRUPTIBLE)
			return true;
		yield();
	}
	return false;
}

static int start_helper(struct helper *h, int (*fn)(void *), struct file *file,
			struct task_struct *waiter)
{
	h->file = file;
	h->waiter = waiter;
	h->saw_sleeping = false;
	h->self = NULL;
	h->result = 0;
	init_completion(&h->done);
	return kernel_thread(fn, h, "ktest-pipe", 0);
}

static int write_when_reader_sleeps(void *arg)
{
	struct helper *h = arg;

	h->saw_sleeping = wait_until_sleeping(h->waiter);
	h->result = pwrite(h->file, "wake", 4);
	complete(&h->done);
	return 0;
}

static int close_when_reader_sleeps(void *arg)
{
	struct helper *h = arg;

	h->saw_sleeping = wait_until_sleeping(h->waiter);
	fput(h->file);
	complete(&h->done);
	return 0;
}

/* Read all of the pipe (until end of file) once the writer sleeps. */
static int drain_when_writer_sleeps(void *arg)
{
	struct helper *h = arg;
	char buf[1000];
	ssize_t n;

	h->saw_sleeping = wait_until_sleeping(h->waiter);
	while ((n = pread(h->file, buf, sizeof(buf))) > 0)
		h->result += n;
	complete(&h->done);
	return 0;
}

/* A reader sleeping on an empty pipe wakes when another thread writes, and
 * again (for end of file) when it closes the write end. */
static void pipe_blocking_reader_test(struct ktest *test)
{
	struct helper h;
	struct file *p[2];
	char buf[16] = { 0 };

	if (!new_pipe(test, p, 0))
		return;
	KTEST_ASSERT_TRUE(test, start_helper(&h, write_when_reader_sleeps, p[1], current) > 0);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(test, buf, "wake");
	wait_for_completion(&h.done);
	KTEST_EXPECT_TRUE(test, h.saw_sleeping);
	KTEST_EXPECT_EQ(test, h.result, 4);

	KTEST_ASSERT_TRUE(test, start_helper(&h, close_when_reader_sleeps, p[1], current) > 0);
	KTEST_EXPECT_EQ(test, pread(p[0], buf, sizeof(buf)), 0);
	wait_for_completion(&h.done);
	KTEST_EXPECT_TRUE(test, h.saw_sleeping);
	fput(p[0]);
}

/* A writer with more than fits sleeps until a reader makes room, and
 * returns only when all of it is written. */
static void pipe_blocking_writer_test(struct ktest *test)
{
	const size_t len = PIPE_DEF_BUFFERS * PAGE_SIZE + 5000;
	char *buf = kzalloc(len, GFP_KERNEL);
	struct helper h;
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!new_pipe(test, p, 0)) {
		kfree(buf);
		return;
	}
	if (KTEST_EXPECT_TRUE(test, start_helper(&h, drain_when_writer_sleeps, p[0], current) > 0)) {
		KTEST_EXPECT_EQ(test, pwrite(p[1], buf, len), len);
		fput(p[1]);	/* end of file ends the helper's reading */
		wait_for_completion(&h.done);
		KTEST_EXPECT_TRUE(test, h.saw_sleeping);
		KTEST_EXPECT_EQ(test, h.result, len);
	} else {
		fput(p[1]);
	}
	fput(p[0]);
	kfree(buf);
}

/* A writer blocked on a full pipe, when the last reader leaves: SIGPIPE,
 * and the count of what it did write (not EPIPE, since some went in). */
static void pipe_writer_loses_reader_test(struct ktest *test)
{
	const size_t len = PIPE_DEF_BUFFERS * PAGE_SIZE + 5000;
	char *buf = kzalloc(len, GFP_KERNEL);
	struct helper h;
	struct file *p[2];
	sigset_t saved = current->blocked;

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!new_pipe(test, p, 0)) {
		kfree(buf);
		return;
	}
	sigaddset(&current->blocked, SIGPIPE);	/* pending, not ignored (see above) */
	take_sigpipe();
	if (KTEST_EXPECT_TRUE(test, start_helper(&h, close_when_reader_sleeps, p[0], current) > 0)) {
		KTEST_EXPECT_EQ(test, pwrite(p[1], buf, len), PIPE_DEF_BUFFERS * PAGE_SIZE);
		KTEST_EXPECT_TRUE(test, take_sigpipe());
		wait_for_completion(&h.done);
		KTEST_EXPECT_TRUE(test, h.saw_sleeping);
	} else {
		fput(p[0]);
	}
	current->blocked = saved;
	fput(p[1]);
	kfree(buf);
}

/* The bytes in the pipe, read straight from its buffers. */
static long pipe_bytes(struct file *f)
{
	struct pipe_inode_info *pipe = f->private_data;
	long n = 0;

	mutex_lock(&pipe->mutex);
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		n += pipe->bufs[i % PIPE_DEF_BUFFERS].len;
	mutex_unlock(&pipe->mutex);
	return n;
}

static int write_3000(void *arg)
{
	struct helper *h = arg;
	static const char chunk[3000];

	WRITE_ONCE(h->self, current);
	h->result = pwrite(h->file, chunk, sizeof(chunk));
	complete(&h->done);
	return 0;
}

/* A blocking write of at most PIPE_BUF bytes that does not fit puts none
 * of its bytes in while it sleeps (100 bytes would fit), then all. */
static void pipe_atomic_sleeping_write_test(struct ktest *test)
{
	const long full = PIPE_DEF_BUFFERS * PAGE_SIZE;
	char *buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	struct helper h;
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(test, buf);
	if (!new_pipe(test, p, 0)) {
		kfree(buf);
		return;
	}
	for (int i = 0; i < PIPE_DEF_BUFFERS - 1; i++)
		pwrite(p[1], buf, PAGE_SIZE);
	pwrite(p[1], buf, PAGE_SIZE - 100);
	if (KTEST_EXPECT_TRUE(test, start_helper(&h, write_3000, p[1], NULL) > 0)) {
		while (!READ_ONCE(h.self))
			yield();
		KTEST_EXPECT_TRUE(test, wait_until_sleeping(h.self));
		KTEST_EXPECT_EQ(test, pipe_bytes(p[0]), full - 100);
		KTEST_EXPECT_EQ(test, pread(p[0], buf, PAGE_SIZE), PAGE_SIZE);
		wait_for_completion(&h.done);
		KTEST_EXPECT_EQ(test, h.result, 3000);
		KTEST_EXPECT_EQ(test, pipe_bytes(p[0]), full - 100 - PAGE_SIZE + 3000);
	}
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

#define ATOMIC_CHUNK 3000	/* <= PIPE_BUF, and not a divisor of a page */
#define ATOMIC_WRITES 100

/* Write ATOMIC_WRITES chunks, each all of one byte ('A' + id). */
static int write_chunks(void *arg)
{
	struct helper *h = arg;
	char chunk[ATOMIC_CHUNK];

	memset(chunk, 'A' + h->id, sizeof(chunk));
	for (int i = 0; i < ATOMIC_WRITES; i++) {
		h->result += pwrite(h->file, chunk, sizeof(chunk));
		yield();	/* so the other writer is often runnable, not asleep */
	}
	fput(h->file);
	complete(&h->done);
	return 0;
}

/*
 * Two threads each write 3000-byte chunks of their own letter, often into
 * a full pipe: every 3000 bytes read must be one letter, that is, no
 * write of at most PIPE_BUF bytes was split by the other's. (A stress
 * test: whether a broken pipe shows here depends on the order the
 * scheduler runs the writers in; the case above checks the rule exactly.)
 */
static void pipe_atomic_writes_test(struct ktest *test)
{
	static char buf[ATOMIC_CHUNK];
	struct helper h[2];
	struct file *p[2];
	long total = 0, fill = 0, torn = 0, counts[2] = { 0 };
	ssize_t n;

	if (!new_pipe(test, p, 0))
		return;
	for (int i = 0; i < 2; i++) {
		h[i].id = i;
		KTEST_ASSERT_TRUE(test, start_helper(&h[i], write_chunks, get_file(p[1]), NULL) > 0);
	}
	fput(p[1]);	/* the helpers hold the write end; end of file when both finish */
	for (;;) {
		n = pread(p[0], buf + fill, ATOMIC_CHUNK - fill);
		if (n <= 0)
			break;
		fill += n;
		total += n;
		if (fill < ATOMIC_CHUNK)
			continue;
		fill = 0;
		if (buf[0] != 'A' && buf[0] != 'B') {
			torn++;
			continue;
		}
		counts[buf[0] - 'A']++;
		for (int j = 1; j < ATOMIC_CHUNK; j++) {
			if (buf[j] != buf[0]) {
				torn++;
				break;
			}
		}
	}
	for (int i = 0; i < 2; i++) {
		wait_for_completion(&h[i].done);
		KTEST_EXPECT_EQ(test, h[i].result, ATOMIC_WRITES * ATOMIC_CHUNK);
		KTEST_EXPECT_EQ(test, counts[i], ATOMIC_WRITES);
	}
	KTEST_EXPECT_EQ(test, n, 0);
	KTEST_EXPECT_EQ(test, total, 2 * ATOMIC_WRITES * ATOMIC_CHUNK);
	KTEST_EXPECT_EQ(test, torn, 0);
	fput(p[0]);
}

/* Open path as flags say; NULL (and the errno in *err) on failure. */
static struct file *open_or_err(const char *path, int flags, long *err)
{
	struct file *f = filp_open(path, flags, 0);

	*err = IS_ERR(f) ? PTR_ERR(f) : 0;
	return IS_ERR(f) ? NULL : f;
}

static int open_fifo_for_reading(void *arg)
{
	struct helper *h = arg;
	long err;

	h->file = open_or_err("/tmp/ktest-fifo", O_RDONLY, &err);
	h->result = err;
	complete(&h->done);
	return 0;
}

/*
 * A FIFO: without O_NONBLOCK an open for reading waits for a writer;
 * O_WRONLY|O_NONBLOCK with no reader is ENXIO; O_RDWR never waits; the
 * opens share one pipe, which goes when the last file closes.
 */
static void pipe_fifo_test(struct ktest *test)
{
	int pipes = nr_pipes();
	struct file *w, *rw;
	struct helper h;
	char buf[8] = { 0 };
	long err;

	KTEST_ASSERT_EQ(test, init_mknod("/tmp/ktest-fifo", S_IFIFO | 0600, 0), 0);
	KTEST_EXPECT_NULL(test, open_or_err("/tmp/ktest-fifo", O_WRONLY | O_NONBLOCK, &err));
	KTEST_EXPECT_EQ(test, err, -ENXIO);
	KTEST_EXPECT_EQ(test, nr_pipes(), pipes);

	/* The reader's open sleeps until ours for writing comes. */
	h.result = 1;	/* "not returned yet": the helper sets 0 or -errno */
	KTEST_ASSERT_TRUE(test, start_helper(&h, open_fifo_for_reading, NULL, NULL) > 0);
	h.result = 1;
	for (int i = 0; i < 100; i++)
		yield();
	KTEST_EXPECT_EQ(test, READ_ONCE(h.result), 1);	/* still waiting in open */
	w = open_or_err("/tmp/ktest-fifo", O_WRONLY, &err);
	KTEST_EXPECT_EQ(test, err, 0);
	wait_for_completion(&h.done);
	KTEST_EXPECT_EQ(test, h.result, 0);
	KTEST_EXPECT_EQ(test, nr_pipes(), pipes + 1);

	rw = open_or_err("/tmp/ktest-fifo", O_RDWR, &err);	/* a third file, same pipe */
	KTEST_EXPECT_EQ(test, nr_pipes(), pipes + 1);
	if (w && rw && h.file) {
		KTEST_EXPECT_EQ(test, pwrite(w, "fifo", 4), 4);
		KTEST_EXPECT_EQ(test, pread(h.file, buf, 2), 2);
		KTEST_EXPECT_EQ(test, pread(rw, buf + 2, sizeof(buf)), 2);
		KTEST_EXPECT_STREQ(test, buf, "fifo");
		KTEST_EXPECT_EQ(test, vfs_llseek(rw, 0, SEEK_SET), -ESPIPE);
	}
	if (w)
		fput(w);
	if (rw)
		fput(rw);
	if (h.file)
		fput(h.file);
	KTEST_EXPECT_EQ(test, nr_pipes(), pipes);
	KTEST_EXPECT_EQ(test, init_unlink("/tmp/ktest-fifo"), 0);
}

#define sys1(nr, a) ktest_syscall(__NR_##nr, (long)(a), 0, 0, 0, 0, 0)
#define sys2(nr, a, b) ktest_syscall(__NR_##nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(nr, a, b, c) ktest_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(nr, a, b, c, d) \
	ktest_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

#define U_FDS UWIN_BASE	/* int[2] for pipe() */
#define U_BUF (UWIN_BASE + PAGE_SIZE)
#define U_STAT (UWIN_BASE + 2 * PAGE_SIZE)

/*
 * pipe and pipe2 as user space calls them: the two lowest fds, read end
 * first; O_CLOEXEC and O_NONBLOCK; EINVAL for other flags; EFAULT for an
 * array that cannot be written, with no fd used up; fstat says S_IFIFO;
 * lseek and pread are ESPIPE; FIONREAD counts the bytes waiting; EMFILE
 * when the table has room for one fd but not two.
 */
static void pipe_syscalls_test(struct ktest *test)
{
	struct files_struct *saved = new_table(test);
	struct uwin w;
	int *fds;
	long fd;

	if (!uwin_open(test, &w))
		goto out;
	fds = uwin_k(&w, U_FDS);
	KTEST_EXPECT_EQ(test, sys1(pipe, U_FDS), 0);
	KTEST_EXPECT_EQ(test, fds[0], 0);
	KTEST_EXPECT_EQ(test, fds[1], 1);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(0));

	KTEST_EXPECT_EQ(test, sys2(pipe2, U_FDS, O_DIRECT), -EINVAL);
	KTEST_EXPECT_EQ(test, sys2(pipe2, U_FDS, 0x12345678), -EINVAL);
	KTEST_EXPECT_EQ(test, sys2(pipe2, UWIN_HOLE, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, sys2(pipe2, UWIN_RO, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, sys2(pipe2, U_FDS, O_CLOEXEC | O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(test, fds[0], 2);	/* the EFAULTs took no fds */
	KTEST_EXPECT_EQ(test, fds[1], 3);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(2) && get_close_on_exec(3));
	KTEST_EXPECT_EQ(test, sys3(read, 2, U_BUF, 10), -EAGAIN);
	KTEST_EXPECT_EQ(test, sys3(read, 0, U_BUF, 0), 0);

	memcpy(uwin_k(&w, U_BUF), "through a pipe", 14);
	KTEST_EXPECT_EQ(test, sys3(write, 1, U_BUF, 14), 14);
	KTEST_EXPECT_EQ(test, sys3(ioctl, 0, FIONREAD, U_BUF + 100), 0);
	KTEST_EXPECT_EQ(test, *(int *)uwin_k(&w, U_BUF + 100), 14);
	KTEST_EXPECT_EQ(test, sys3(write, 1, UWIN_HOLE, 4), -EFAULT);
	KTEST_EXPECT_EQ(test, sys3(read, 0, UWIN_RO, 4), -EFAULT);	/* and the bytes stay */
	KTEST_EXPECT_EQ(test, sys2(fstat, 0, U_STAT), 0);
	KTEST_EXPECT_EQ(test, ((struct stat *)uwin_k(&w, U_STAT))->st_mode, S_IFIFO | 0600);
	KTEST_EXPECT_EQ(test, sys3(lseek, 0, 0, SEEK_CUR), -ESPIPE);
	KTEST_EXPECT_EQ(test, sys4(pread64, 0, U_BUF + 200, 4, 0), -ESPIPE);
	KTEST_EXPECT_EQ(test, sys3(read, 0, U_BUF + 200, 100), 14);
	KTEST_EXPECT_EQ(test, memcmp(uwin_k(&w, U_BUF + 200), "through a pipe", 14), 0);

	/* dup keeps the end open: end of file only after both fds close. */
	KTEST_EXPECT_EQ(test, sys1(dup, 1), 4);
	KTEST_EXPECT_EQ(test, sys1(close, 1), 0);
	KTEST_EXPECT_EQ(test, sys3(fcntl, 0, F_SETFL, O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(test, sys3(read, 0, U_BUF, 10), -EAGAIN);
	KTEST_EXPECT_EQ(test, sys1(close, 4), 0);
	KTEST_EXPECT_EQ(test, sys3(read, 0, U_BUF, 10), 0);

	/* Room for one more fd only (fd 1): EMFILE, and fd 1 is still free. */
	for (fd = 4; fd < NR_OPEN_MAX && sys2(dup2, 0, fd) == fd; fd++)
		;
	KTEST_EXPECT_EQ(test, fd, NR_OPEN_MAX);
	KTEST_EXPECT_EQ(test, sys1(pipe, U_FDS), -EMFILE);
	KTEST_EXPECT_EQ(test, sys1(dup, 0), 1);
	uwin_close(&w);
out:
	put_table(saved);
}

/* 300 pipes made, filled in part, read in part and closed, through the
 * system calls and directly: every page, file and pipe comes back. */
static void pipe_no_leak_test(struct ktest *test)
{
	unsigned long before = ktest_free_pages();
	int files = get_nr_files(), pipes = nr_pipes();
	struct files_struct *saved = new_table(test);
	char *buf = kzalloc(10000, GFP_KERNEL);
	struct uwin w;

	KTEST_ASSERT_NOT_NULL(test, buf);
	for (int i = 0; i < 200; i++) {
		struct file *p[2];

		if (!new_pipe(test, p, O_NONBLOCK))
			break;
		KTEST_EXPECT_EQ(test, pwrite(p[1], buf, i * 50), i * 50);
		KTEST_EXPECT_EQ(test, pread(p[0], buf, i * 20), i * 20);
		if (i % 3 == 1)	/* some emptied, so read pages are freed on the way */
			KTEST_EXPECT_EQ(test, pread(p[0], buf, 10000), i * 30);
		fput(i % 2 ? p[0] : p[1]);
		fput(i % 2 ? p[1] : p[0]);
	}
	kfree(buf);
	if (uwin_open(test, &w)) {
		for (int i = 0; i < 100; i++) {
			int *fds = uwin_k(&w, U_FDS);

			KTEST_EXPECT_EQ(test, sys1(pipe, U_FDS), 0);
			KTEST_EXPECT_EQ(test, sys3(write, fds[1], U_BUF, PAGE_SIZE), PAGE_SIZE);
			KTEST_EXPECT_EQ(test, sys1(close, fds[0]), 0);
			KTEST_EXPECT_EQ(test, sys1(close, fds[1]), 0);
		}
	}
	uwin_close(&w);
	put_table(saved);
	KTEST_EXPECT_EQ(test, nr_pipes(), pipes);
	KTEST_EXPECT_EQ(test, get_nr_files(), files);
	KTEST_EXPECT_EQ(test, ktest_free_pages(), before);
}

KTEST_SUITE(pipe, KTEST_CASE(pipe_data_in_order_test), KTEST_CASE(pipe_eof_test),
	    KTEST_CASE(pipe_epipe_sigpipe_test), KTEST_CASE(pipe_nonblock_capacity_test),
	    KTEST_CASE(pipe_blocking_reader_test), KTEST_CASE(pipe_blocking_writer_test),
	    KTEST_CASE(pipe_writer_loses_reader_test), KTEST_CASE(pipe_atomic_sleeping_write_test),
	    KTEST_CASE(pipe_atomic_writes_test),
	    KTEST_CASE(pipe_fifo_test), KTEST_CASE(pipe_syscalls_test),
	    KTEST_CASE(pipe_no_leak_test));
