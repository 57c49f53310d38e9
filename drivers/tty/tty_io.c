/*
 * The tty layer's file side: what open, read, write and ioctl on a
 * terminal's device node do, and the console terminal itself.
 * Linux: drivers/tty/tty_io.c (one tty here, /dev/console on the serial
 * port; no controlling terminals or sessions yet).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/signal.h>
#include <linux/tty.h>

#define TTYAUX_MAJOR 5	/* /dev/tty (5, 0), /dev/console (5, 1) */

/* ^C ^\ DEL ^U ^D, VTIME 0, VMIN 1, ... ^Q ^S ^Z, ^R ^O ^W ^V.
 * Linux: include/linux/tty.h INIT_C_CC. */
#define INIT_C_CC "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0"

/* Linux: tty_std_termios. Canonical mode with echo, CR read as NL, NL
 * written as CR NL. (IXON is set as in Linux but not implemented.) */
const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = INIT_C_CC,
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

struct tty_struct console_tty;

/* Linux: initialize_tty_struct() and tty_init_termios(). A tty with the
 * standard settings, an 80x24 window, and empty input. */
void tty_init_struct(struct tty_struct *tty, const char *name, const struct tty_operations *ops)
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->ops = ops;
	spin_lock_init(&tty->lock);
	tty->termios = tty_std_termios;
	tty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	mutex_init(&tty->atomic_read_lock);
	mutex_init(&tty->atomic_write_lock);
	init_waitqueue_head(&tty->read_wait);
	n_tty_open(tty);
}

/*
 * Send sig to the tty's foreground process group (set by TIOCSPGRP, i.e.
 * tcsetpgrp): ^C (SIGINT), ^\ (SIGQUIT), ^Z (SIGTSTP), SIGWINCH. From the
 * kernel: si_code SI_KERNEL. Called from the receive interrupt with
 * tty->lock held (kill_pgrp takes tasklist_lock and siglock inside it).
 * Linux: n_tty.c isig() -> __isig() -> kill_pgrp(tty->pgrp, sig, 1).
 */
void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, sig, 1);
}

/* Linux: tty_open(). The only tty is the console. Terminals cannot seek. */
static int tty_open(struct inode *inode, struct file *filp)
{
	filp->private_data = &console_tty;
	return nonseekable_open(inode, filp);
}

/* Linux: tty_read(), tty_write(): to the line discipline. */
static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;

	return n_tty_read(file->private_data, file, to);
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;

	return n_tty_write(file->private_data, file, from);
}

/* Linux: tty_fops. */
const struct file_operations tty_fops = {
	.read_iter = tty_read,
	.write_iter = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
};

/*
 * Linux: tty_init() and console_init(). The console tty on the serial
 * port at 115200 baud, reached through /dev/console (5, 1); input by the
 * UART's receive interrupt.
 */
void tty_init(void)
{
	int err;

	tty_init_struct(&console_tty, "console", &serial8250_tty_ops);
	console_tty.termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	console_tty.termios.c_ispeed = console_tty.termios.c_ospeed = 115200;
	err = register_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console", &tty_fops);
	if (err)
		pr_err("tty: cannot register /dev/console (%d)\n", err);
	err = serial8250_start_rx(&console_tty);
	if (err)
		pr_err("tty: no console input: the serial port's interrupt is unavailable (%d)\n",
		       err);
}
