/*
 * vsnprintf: the formatting behind printk.
 *
 * Supports %d %i %u %x %X %o %c %s %p %%, the length modifiers hh h l ll z t,
 * flags '-' '0' '#' ' ' '+', a width and a precision. As in Linux, "%pS"
 * prints a code address as symbol+offset/size (from kallsyms), which is how
 * backtraces name functions.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* how long the result would be, even past size */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s, int width, int prec, bool left)
{
	int n = (int)strnlen(s, prec < 0 ? (size_t)-1 : (size_t)prec);

	for (; !left && width > n; width--)
		put(o, ' ');
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	for (; left && width > n; width--)
		put(o, ' ');
}

#define F_LEFT 1
#define F_ZERO 2
#define F_ALT 4
#define F_SPACE 8
#define F_PLUS 16
#define F_UPPER 32

static void put_num(struct out *o, unsigned long v, bool neg, int base, int width,
		    int prec, int flags)
{
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	char sign = neg ? '-' : (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;
	const char *prefix = "";

	if ((flags & F_ALT) && base == 16 && v)
		prefix = (flags & F_UPPER) ? "0X" : "0x";
	else if ((flags & F_ALT) && base == 8)
		prefix = "0";
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (prec == 0 && n == 1 && tmp[0] == '0' && !*prefix)
		n = 0;

	int digits_n = prec > n ? prec : n;
	int total = digits_n + (sign != 0) + (int)strlen(prefix);
	bool zero = (flags & F_ZERO) && !(flags & F_LEFT) && prec < 0;

	for (; !(flags & F_LEFT) && !zero && width > total; width--)
		put(o, ' ');
	if (sign)
		put(o, sign);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	for (; zero && width > total; width--)
		put(o, '0');
	for (int i = n; i < digits_n; i++)
		put(o, '0');
	while (n)
		put(o, tmp[--n]);
	for (; (flags & F_LEFT) && width > total; width--)
		put(o, ' ');
}

/* "%pS": function+0xoff/0xsize, or the bare address when it is in no function. */
static void put_symbol(struct out *o, unsigned long addr)
{
	unsigned long offset, size;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name) {
		put_num(o, addr, false, 16, 0, -1, F_ALT);
		return;
	}
	put_str(o, name, 0, -1, false);
	put(o, '+');
	put_num(o, offset, false, 16, 0, -1, F_ALT);
	put(o, '/');
	put_num(o, size, false, 16, 0, -1, F_ALT);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		int flags = 0, width = 0, prec = -1, lng = 0;

		for (;; fmt++) {
			char c = fmt[1];
			if (c == '-')
				flags |= F_LEFT;
			else if (c == '0')
				flags |= F_ZERO;
			else if (c == '#')
				flags |= F_ALT;
			else if (c == ' ')
				flags |= F_SPACE;
			else if (c == '+')
				flags |= F_PLUS;
			else
				break;
		}
		fmt++;
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(args, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		/* lng: -2 hh, -1 h, 0 int, 1 long (l, ll, z, t are all 64-bit here) */
		if (*fmt == 'h') {
			lng = -1;
			if (*++fmt == 'h') {
				lng = -2;
				fmt++;
			}
		} else if (*fmt == 'l' || *fmt == 'z' || *fmt == 't') {
			lng = 1;
			if (*fmt++ == 'l' && *fmt == 'l')
				fmt++;
		}

		switch (*fmt) {
		case 'd':
		case 'i': {
			long v = lng > 0 ? va_arg(args, long) : va_arg(args, int);
			if (lng == -1)
				v = (short)v;
			else if (lng == -2)
				v = (signed char)v;
			put_num(&o, v < 0 ? -(unsigned long)v : (unsigned long)v, v < 0, 10,
				width, prec, flags);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			unsigned long v = lng > 0 ? va_arg(args, unsigned long)
						  : va_arg(args, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng == -2)
				v = (unsigned char)v;
			if (*fmt == 'X')
				flags |= F_UPPER;
			put_num(&o, v, false, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, width,
				prec, flags);
			break;
		}
		case 'p': {
			unsigned long v = (unsigned long)va_arg(args, void *);
			if (fmt[1] == 'S' || fmt[1] == 's') {
				fmt++;
				put_symbol(&o, v);
			} else {
				put_num(&o, v, false, 16, width, prec, flags | F_ALT);
			}
			break;
		}
		case 'c':
			put(&o, (char)va_arg(args, int));
			break;
		case 's': {
			const char *s = va_arg(args, const char *);
			put_str(&o, s ? s : "(null)", width, prec, flags & F_LEFT);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default: /* unknown conversion: print it as written */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
