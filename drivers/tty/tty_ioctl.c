/*
 * The terminal ioctls: termios (TCGETS, TCSETS*), window size, flushing,
 * bytes waiting. Linux: drivers/tty/tty_ioctl.c (tty_mode_ioctl,
 * n_tty_ioctl_helper) and tty_io.c (tty_ioctl, tiocgwinsz).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
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
 * Linux: tty_jobctrl.c tty_check_change(). A process outside the
 * foreground group that changes the terminal (tcsetpgrp) gets SIGTTOU to
 * its group, which stops it, and the call is restarted once it goes on;
 * unless it ignores or blocks SIGTTOU (as a shell does), or its group is
 * orphaned (EIO: nobody would continue it).
 */
static int tty_check_change(struct tty_struct *tty)
{
	int pgrp = READ_ONCE(tty->pgrp);

	if (!pgrp || pgrp == current->signal->pgrp)
		return 0;
	if (sigismember(&current->blocked, SIGTTOU) ||
	    current->sighand->action[SIGTTOU - 1].sa.sa_handler == SIG_IGN)
		return 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(current->signal->pgrp, SIGTTOU, 1);
	return -ERESTARTSYS;
}

/*
 * Linux: tiocspgrp() (tcsetpgrp). Make pgrp the foreground process group:
 * ^C and friends go to it. It must exist (ESRCH) in the caller's session
 * (EPERM). (Linux also requires the tty to be the caller's controlling
 * terminal; here the console is every session's.)
 */
static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	struct task_struct *t;
	unsigned long flags;
	pid_t pgrp;
	int err = tty_check_change(tty);

	if (err)
		return err;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	err = -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (pgrp && t->signal->pgrp == pgrp && !t->exit_state) {
			err = t->signal->session == current->signal->session ? 0 : -EPERM;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (err)
		return err;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

/*
 * Linux: tty_ioctl(). -ENOIOCTLCMD (ENOTTY for the caller) for the rest.
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
	case TIOCSWINSZ:	/* Linux: tty_do_resize(): a change means SIGWINCH */
		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
			tty->winsize = ws;
			tty_signal_pgrp(tty, SIGWINCH);
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	case TIOCGPGRP:	/* tcgetpgrp() */
		return put_user(READ_ONCE(tty->pgrp), (pid_t __user *)p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCSTI: {	/* Linux: tiocsti(). As if typed: through the line discipline */
		unsigned char ch;

		if (get_user(ch, (unsigned char __user *)p))
			return -EFAULT;
		n_tty_receive_buf(tty, &ch, 1);
		return 0;
	}
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
