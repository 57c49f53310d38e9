/*
 * n_tty: the line discipline, between a terminal's driver and its
 * readers and writers. Linux: drivers/tty/n_tty.c (much reduced: no
 * echo buffer, flow control (IXON), ECHOPRT, literal-next or reprint).
 *
 * Input (n_tty_receive_buf, from the receive interrupt):
 *   ICRNL turns CR into NL; ISIG turns ^C, ^\ and ^Z into signals;
 *   ICANON (canonical mode) collects a line: ERASE (DEL, and ^H) removes a
 *   character, WERASE (^W) a word, KILL (^U) the line; NL (or EOL) ends it,
 *   EOF (^D) ends it without a character (at the start of a line: end of
 *   file, read returns 0); ECHO shows what was typed, control characters
 *   as ^X (ECHOCTL).
 *   Without ICANON (raw mode) every byte is ready at once.
 * Reading (n_tty_read): canonical, at most one line; raw, at least VMIN
 *   bytes (VMIN 0: whatever is there, maybe nothing). VTIME is not
 *   implemented (treated as 0). Blocks until then unless O_NONBLOCK
 *   (EAGAIN); a signal interrupts the wait.
 * Output (n_tty_write): OPOST with ONLCR turns NL into CR NL.
 *
 * Locking: tty->lock (irqsave) guards everything here, since the receive
 * interrupt runs n_tty_receive_buf. Nothing touches user memory with it
 * held: reads copy through a small kernel buffer.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uio.h>

#define MASK(x) ((x) & (N_TTY_BUF_SIZE - 1))
#define __DISABLED_CHAR '\0'	/* stored, with the line-end flag, for EOF */

#define I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))
#define CC(tty, v) ((tty)->termios.c_cc[v])

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/* Is c the special character at index v (and that one not disabled)? */
static bool is_cc(const struct tty_struct *tty, int v, unsigned char c)
{
	return CC(tty, v) != __DISABLED_CHAR && c == CC(tty, v);
}

static size_t read_cnt(const struct n_tty_data *ldata)
{
	return ldata->read_head - ldata->read_tail;
}

static bool test_line_end(const struct n_tty_data *ldata, size_t i)
{
	return ldata->read_flags[MASK(i) / 64] & (1UL << (MASK(i) % 64));
}

static void set_line_end(struct n_tty_data *ldata, size_t i, bool on)
{
	if (on)
		ldata->read_flags[MASK(i) / 64] |= 1UL << (MASK(i) % 64);
	else
		ldata->read_flags[MASK(i) / 64] &= ~(1UL << (MASK(i) % 64));
}

/*
 * Output processing of one byte (OPOST): NL to CR NL under ONLCR, CR to
 * NL under OCRNL, CR dropped at column 0 under ONOCR; tracks the column.
 * The result goes into out[]; returns its length. Linux: do_output_char().
 */
static int output_char(struct tty_struct *tty, unsigned char c, unsigned char out[2])
{
	struct n_tty_data *ldata = &tty->ldata;

	if (!O_FLAG(tty, OPOST)) {
		out[0] = c;
		return 1;
	}
	switch (c) {
	case '\n':
		if (O_FLAG(tty, ONLCR)) {
			ldata->column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		if (O_FLAG(tty, ONLRET))
			ldata->column = 0;
		break;
	case '\r':
		if (O_FLAG(tty, ONOCR) && ldata->column == 0)
			return 0;
		if (O_FLAG(tty, OCRNL)) {
			c = '\n';
			if (O_FLAG(tty, ONLRET))
				ldata->column = 0;
			break;
		}
		ldata->column = 0;
		break;
	case '\t':
		ldata->column = (ldata->column | 7) + 1;
		break;
	case '\b':
		if (ldata->column > 0)
			ldata->column--;
		break;
	default:
		if (!is_cntrl(c))
			ldata->column++;
		break;
	}
	out[0] = c;
	return 1;
}

/* Process and send count bytes to the driver, in small batches.
 * Caller holds tty->lock. Linux: process_output_block(). */
static void output_block(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	unsigned char out[64];
	size_t n = 0;

	for (size_t i = 0; i < count; i++) {
		if (n > sizeof(out) - 2) {
			tty->ops->write(tty, out, n);
			n = 0;
		}
		n += output_char(tty, buf[i], out + n);
	}
	if (n)
		tty->ops->write(tty, out, n);
}

static void echo_str(struct tty_struct *tty, const char *s)
{
	output_block(tty, (const unsigned char *)s, strlen(s));
}

/* Echo one input byte: a control character as ^X under ECHOCTL (but tab
 * and newline as themselves). Linux: echo_char(). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L_FLAG(tty, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n') {
		unsigned char caret[2] = { '^', c ^ 0100 };

		output_block(tty, caret, 2);
	} else {
		output_block(tty, &c, 1);
	}
}

/* The column the cursor was at after echoing the line up to (not
 * including) end, for erasing a tab. Linux: the tab logic of eraser(). */
static unsigned int line_column(struct tty_struct *tty, size_t end)
{
	struct n_tty_data *ldata = &tty->ldata;
	unsigned int col = ldata->canon_column;

	for (size_t i = ldata->canon_head; i != end; i++) {
		unsigned char c = ldata->read_buf[MASK(i)];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c))
			col += L_FLAG(tty, ECHOCTL) ? 2 : 0;
		else
			col++;
	}
	return col;
}

/* Rub out the echo of c, just removed from the line at read_head. */
static void echo_erase(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = &tty->ldata;

	if (!L_FLAG(tty, ECHOE)) {
		echo_char(tty, CC(tty, VERASE));
		return;
	}
	if (c == '\t') {
		unsigned int col = line_column(tty, ldata->read_head);

		while (ldata->column > col)
			echo_str(tty, "\b");
	} else if (is_cntrl(c)) {
		if (L_FLAG(tty, ECHOCTL))
			echo_str(tty, "\b\b  \b\b");
	} else {
		echo_str(tty, "\b \b");
	}
}

/*
 * Linux: eraser(). ERASE removes the last character of the line being
 * typed, WERASE the last word (and the blanks after it), KILL all of it;
 * never anything of a line already finished.
 */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = &tty->ldata;
	enum { ERASE, WERASE, KILL } kill_type;
	bool seen_word = false;

	if (ldata->read_head == ldata->canon_head)
		return;
	if (is_cc(tty, VKILL, c))
		kill_type = KILL;
	else if (is_cc(tty, VWERASE, c))
		kill_type = WERASE;
	else
		kill_type = ERASE;
	if (kill_type == KILL && (!L_FLAG(tty, ECHO) || !L_FLAG(tty, ECHOK) ||
				  !L_FLAG(tty, ECHOKE) || !L_FLAG(tty, ECHOE))) {
		ldata->read_head = ldata->canon_head;	/* drop the line at once */
		if (L_FLAG(tty, ECHO)) {
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				echo_str(tty, "\n");
		}
		return;
	}
	while (ldata->read_head != ldata->canon_head) {
		unsigned char prev = ldata->read_buf[MASK(ldata->read_head - 1)];

		if (kill_type == WERASE) {
			if (is_word_char(prev))
				seen_word = true;
			else if (seen_word)
				break;
		}
		ldata->read_head--;
		if (L_FLAG(tty, ECHO))
			echo_erase(tty, prev);
		if (kill_type == ERASE)
			break;
	}
}

/* Linux: put_tty_queue(). Append a byte (the caller made room). */
static void put_tty_queue(struct n_tty_data *ldata, unsigned char c)
{
	set_line_end(ldata, ldata->read_head, false);
	ldata->read_buf[MASK(ldata->read_head)] = c;
	ldata->read_head++;
}

/* Is there room for one more byte? In canonical mode the last slot is
 * kept for the byte that ends the line, so a full line can still end. */
static bool room_for(struct tty_struct *tty, bool line_end)
{
	size_t used = read_cnt(&tty->ldata);

	if (L_FLAG(tty, ICANON) && !line_end)
		return used < N_TTY_BUF_SIZE - 1;
	return used < N_TTY_BUF_SIZE;
}

/* Linux: n_tty_receive_handle_newline(). c finishes the line: it is
 * stored (an EOF as __DISABLED_CHAR) and flagged; readers may take it. */
static void handle_newline(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = &tty->ldata;

	put_tty_queue(ldata, c);
	set_line_end(ldata, ldata->read_head - 1, true);
	ldata->canon_head = ldata->read_head;
	ldata->canon_column = ldata->column;
}

/* Forget all input. Caller holds tty->lock. Linux: n_tty_flush_buffer()
 * -> reset_buffer_flags(). */
void n_tty_flush_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ldata = &tty->ldata;

	ldata->read_head = ldata->canon_head = ldata->read_tail = 0;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
	ldata->canon_column = ldata->column;
}

/*
 * Linux: isig() / n_tty_receive_signal_char(). ^C (VINTR), ^\ (VQUIT),
 * ^Z (VSUSP): the typed line is thrown away (unless NOFLSH), the character
 * echoed, and the signal goes to the foreground process group.
 */
static void isig(struct tty_struct *tty, int sig, unsigned char c)
{
	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush_buffer(tty);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	tty_signal_pgrp(tty, sig);
}

/* One input byte. Caller holds tty->lock. Linux: n_tty_receive_char()
 * and n_tty_receive_char_special(). */
static void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = &tty->ldata;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG)) {
		int sig = is_cc(tty, VINTR, c) ? SIGINT : is_cc(tty, VQUIT, c) ? SIGQUIT
			: is_cc(tty, VSUSP, c) ? SIGTSTP : 0;

		if (sig) {
			isig(tty, sig, c);
			return;
		}
	}
	if (L_FLAG(tty, ICANON)) {
		if (is_cc(tty, VERASE, c) || c == '\b' || is_cc(tty, VKILL, c) ||
		    (is_cc(tty, VWERASE, c) && L_FLAG(tty, IEXTEN))) {
			eraser(tty, c);
			return;
		}
		if (is_cc(tty, VEOF, c)) {
			if (room_for(tty, true))
				handle_newline(tty, __DISABLED_CHAR);	/* not echoed */
			return;
		}
		if (c == '\n' || is_cc(tty, VEOL, c) || (is_cc(tty, VEOL2, c) && L_FLAG(tty, IEXTEN))) {
			if (!room_for(tty, true))
				return;
			if (L_FLAG(tty, ECHO) || (c == '\n' && L_FLAG(tty, ECHONL)))
				echo_char(tty, c);
			handle_newline(tty, c);
			return;
		}
	}
	if (!room_for(tty, false))
		return;	/* full: dropped (Linux rings the bell under IMAXBEL) */
	if (L_FLAG(tty, ECHO)) {
		if (ldata->read_head == ldata->canon_head)	/* a new line starts here */
			ldata->canon_column = ldata->column;
		echo_char(tty, c);
	}
	put_tty_queue(ldata, c);
}

/*
 * Linux: n_tty_receive_buf(). Bytes from the driver (its receive
 * interrupt, or a test): process each, then wake readers. May run in an
 * interrupt handler.
 */
void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, size_t count)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	for (size_t i = 0; i < count; i++)
		n_tty_receive_char(tty, cp[i]);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);
}

/*
 * Take up to n bytes of finished lines into kbuf, stopping after a line
 * end (which *eol reports); an EOF marker ends the line without being
 * copied, and is consumed with the bytes before it even when they fill
 * kbuf exactly, so "abc^D" read 3 bytes at a time is "abc", then more
 * input, not end of file. Caller holds tty->lock.
 * Linux: canon_copy_from_read_buf().
 */
static size_t canon_copy(struct n_tty_data *ldata, unsigned char *kbuf, size_t n, bool *eol)
{
	size_t copied = 0;

	*eol = false;
	while (ldata->read_tail != ldata->canon_head && copied < n) {
		unsigned char c = ldata->read_buf[MASK(ldata->read_tail)];

		if (test_line_end(ldata, ldata->read_tail)) {
			set_line_end(ldata, ldata->read_tail, false);
			ldata->read_tail++;
			*eol = true;
			if (c != __DISABLED_CHAR)
				kbuf[copied++] = c;
			return copied;
		}
		ldata->read_tail++;
		kbuf[copied++] = c;
	}
	if (ldata->read_tail != ldata->canon_head && test_line_end(ldata, ldata->read_tail) &&
	    ldata->read_buf[MASK(ldata->read_tail)] == __DISABLED_CHAR) {
		set_line_end(ldata, ldata->read_tail, false);
		ldata->read_tail++;
		*eol = true;
	}
	return copied;
}

/* Take up to n bytes (raw mode). Caller holds tty->lock. Linux:
 * copy_from_read_buf(). */
static size_t raw_copy(struct n_tty_data *ldata, unsigned char *kbuf, size_t n)
{
	size_t copied = 0;

	while (ldata->read_tail != ldata->read_head && copied < n)
		kbuf[copied++] = ldata->read_buf[MASK(ldata->read_tail++)];
	return copied;
}

/* Is there something a reader could take now? Linux: input_available_p(). */
static bool input_available(struct tty_struct *tty)
{
	struct n_tty_data *ldata = &tty->ldata;
	unsigned long flags;
	bool avail;

	spin_lock_irqsave(&tty->lock, flags);
	avail = L_FLAG(tty, ICANON) ? ldata->canon_head != ldata->read_tail : read_cnt(ldata) > 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	return avail;
}

/*
 * Linux: n_tty_read(). Read into `to` as the mode says (top of file).
 * Returns the bytes read; 0 at end of file (^D at the start of a line, or
 * raw with VMIN 0 and nothing there); -EAGAIN (O_NONBLOCK, nothing there);
 * -ERESTARTSYS when a signal arrives before anything was read (the signal
 * code restarts the call or makes it EINTR); -EFAULT.
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	size_t nr = iov_iter_count(to);
	ssize_t done = 0;

	if (!nr)
		return 0;
	mutex_lock(&tty->atomic_read_lock);
	for (;;) {
		unsigned char kbuf[64];
		struct wait_queue_entry wait = { 0 };
		unsigned long flags;
		bool canon, eol = false;
		size_t n, minimum;

		spin_lock_irqsave(&tty->lock, flags);
		canon = L_FLAG(tty, ICANON);
		minimum = canon ? 1 : min((size_t)CC(tty, VMIN), nr);
		n = min(sizeof(kbuf), nr - done);
		n = canon ? canon_copy(&tty->ldata, kbuf, n, &eol) : raw_copy(&tty->ldata, kbuf, n);
		spin_unlock_irqrestore(&tty->lock, flags);

		if (n) {
			if (copy_to_iter(kbuf, n, to) < n) {	/* the bytes are lost, as in Linux */
				if (!done)
					done = -EFAULT;
				break;
			}
			done += n;
		}
		if ((size_t)done == nr || (canon && eol) || (!canon && (size_t)done >= minimum))
			break;
		if (n)
			continue;	/* kbuf was full: there may be more */
		if (file && (file->f_flags & O_NONBLOCK)) {
			if (!done)
				done = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!done)
				done = -ERESTARTSYS;
			break;
		}
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (!input_available(tty) && !signal_pending(current))
			schedule();
		finish_wait(&tty->read_wait, &wait);
	}
	mutex_unlock(&tty->atomic_read_lock);
	return done;
}

/*
 * Linux: n_tty_write(). Output through OPOST to the driver, in chunks.
 * Returns the bytes taken, or -EFAULT if the first chunk could not be read.
 * The driver writes synchronously, so output is never short.
 */
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, struct iov_iter *from)
{
	ssize_t done = 0;

	mutex_lock(&tty->atomic_write_lock);
	while (iov_iter_count(from)) {
		unsigned char kbuf[128];
		size_t n = copy_from_iter(kbuf, sizeof(kbuf), from);
		unsigned long flags;

		if (!n) {
			if (!done)
				done = -EFAULT;
			break;
		}
		spin_lock_irqsave(&tty->lock, flags);
		output_block(tty, kbuf, n);
		spin_unlock_irqrestore(&tty->lock, flags);
		done += n;
	}
	mutex_unlock(&tty->atomic_write_lock);
	return done;
}

/*
 * Linux: n_tty_set_termios(). The settings changed from *old (already in
 * tty->termios). Switching canonical mode on or off re-reads the buffer:
 * into raw mode, everything typed is ready; into canonical mode, what is
 * there becomes one finished line. Caller holds tty->lock.
 */
void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct n_tty_data *ldata = &tty->ldata;

	if (!((old->c_lflag ^ tty->termios.c_lflag) & ICANON))
		return;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
	if (!L_FLAG(tty, ICANON) || !read_cnt(ldata)) {
		ldata->canon_head = ldata->read_tail;
	} else {
		set_line_end(ldata, ldata->read_head - 1, true);
		ldata->canon_head = ldata->read_head;
	}
	ldata->canon_column = ldata->column;
}

/* Bytes a read could take now (FIONREAD). Caller holds tty->lock.
 * Linux: inq_canon(). */
size_t n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ldata = &tty->ldata;
	size_t n;

	if (!L_FLAG(tty, ICANON))
		return read_cnt(ldata);
	n = ldata->canon_head - ldata->read_tail;
	for (size_t i = ldata->read_tail; i != ldata->canon_head; i++)	/* EOF markers */
		if (test_line_end(ldata, i) && ldata->read_buf[MASK(i)] == __DISABLED_CHAR)
			n--;
	return n;
}

/* Linux: n_tty_open(). A tty's input starts empty. */
void n_tty_open(struct tty_struct *tty)
{
	memset(&tty->ldata, 0, sizeof(tty->ldata));
}
