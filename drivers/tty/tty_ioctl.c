/*
 * The terminal ioctls: termios (TCGETS, TCSETS*), window size, flushing,
 * bytes waiting. Linux: drivers/tty/tty_ioctl.c (tty_mode_ioctl,
 * n_tty_ioctl_helper) and tty_io.c (tty_ioctl, tiocgwinsz).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/*
 * Linux: tty_set_termios(). Install new settings; with flush, throw away
 * unread input (TCSETSF). Wakes readers: a change of mode can make input
 * readable.
 */
void tty_set_termios(struct tty_struct *tty, const struct ktermios *new, bool flush)
{
	struct ktermios old;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	old = tty->termios;
	tty->termios = *new;
	n_tty_set_termios(tty, &old);
	if (flush)
		n_tty_flush_buffer(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);
}

/* Linux: set_termios() (the TCSETS* part): user struct termios in. */
static int set_termios(struct tty_struct *tty, const void __user *arg, bool flush)
{
	struct termios t;
	struct ktermios k;
	unsigned long flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	k = tty->termios;	/* keeps the speeds */
	spin_unlock_irqrestore(&tty->lock, flags);
	k.c_iflag = t.c_iflag;
	k.c_oflag = t.c_oflag;
	k.c_cflag = t.c_cflag;
	k.c_lflag = t.c_lflag;
	k.c_line = t.c_line;
	memcpy(k.c_cc, t.c_cc, NCCS);
	tty_set_termios(tty, &k, flush);
	return 0;
}

/* TCGETS: the settings out as struct termios. */
static int get_termios(struct tty_struct *tty, void __user *arg)
{
	struct termios t;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	t.c_iflag = tty->termios.c_iflag;
	t.c_oflag = tty->termios.c_oflag;
	t.c_cflag = tty->termios.c_cflag;
	t.c_lflag = tty->termios.c_lflag;
	t.c_line = tty->termios.c_line;
	memcpy(t.c_cc, tty->termios.c_cc, NCCS);
	spin_unlock_irqrestore(&tty->lock, flags);
	return copy_to_user(arg, &t, sizeof(t)) ? -EFAULT : 0;
}

/*
 * Linux: tty_ioctl(). -ENOIOCTLCMD (ENOTTY for the caller) for the rest,
 * TIOCGPGRP/TIOCSPGRP among them until the fork issue brings process
 * groups (a shell then finds job control unavailable, rather than
 * believing a foreground group it cannot have).
 */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	unsigned long flags;
	struct winsize ws;
	size_t n;

	switch (cmd) {
	case TCGETS:
		return get_termios(tty, p);
	case TCSETS:
	case TCSETSW:	/* output is written synchronously: nothing to drain first */
		return set_termios(tty, p, false);
	case TCSETSF:
		return set_termios(tty, p, true);
	case TIOCGWINSZ:
		spin_lock_irqsave(&tty->lock, flags);
		ws = tty->winsize;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:	/* (SIGWINCH to the foreground group: the signals issue) */
		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		tty->winsize = ws;
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	case TCSBRK:	/* tcdrain(): already drained */
	case TCXONC:
		return 0;
	case TCFLSH:
		if (arg != TCIFLUSH && arg != TCOFLUSH && arg != TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH) {
			spin_lock_irqsave(&tty->lock, flags);
			n_tty_flush_buffer(tty);
			spin_unlock_irqrestore(&tty->lock, flags);
		}
		return 0;
	case FIONREAD:
		spin_lock_irqsave(&tty->lock, flags);
		n = n_tty_inq(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		return put_user((int)n, (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	default:
		return -ENOIOCTLCMD;
	}
}
