/*
 * The initramfs: walking a cpio "newc" archive held in memory, and
 * unpacking it into the rootfs at boot (populate_rootfs(), at the end).
 * Linux: init/initramfs.c. Linux's reader is a state machine (do_start,
 * do_header, do_skip, do_name, do_copy, ...) because it unpacks while
 * decompressing, a piece at a time; here the whole archive is already in
 * memory, so one loop over the entries does, with every length checked
 * against the end of the buffer before it is used.
 *
 * The format (Linux: Documentation/driver-api/early-userspace/buffer-format.rst):
 *
 *	header   "070701" (or "070702": c_check is the data's byte sum), then 13
 *	         fields of 8 hex digits: ino mode uid gid nlink mtime filesize
 *	         devmajor devminor rdevmajor rdevminor namesize check
 *	name     namesize bytes, including the NUL; header+name padded to 4
 *	data     filesize bytes, padded to 4
 *
 * An entry named "TRAILER!!!" ends an archive. Zero bytes may follow, and
 * then another archive (Linux unpacks concatenated archives the same way).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR,
       F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK, NR_FIELDS };

static const char *const field_names[NR_FIELDS] = {
	"ino", "mode", "uid", "gid", "nlink", "mtime", "filesize", "devmajor",
	"devminor", "rdevmajor", "rdevminor", "namesize", "check",
};

static const char trailer_name[] = "TRAILER!!!";

/* Where the walk is: the archive, the entry being read, and where to report. */
struct cpio_walk {
	const u8 *buf;
	size_t len;
	size_t pos;		/* start of the current entry's header */
	int index;		/* entries seen so far, for messages (1-based when shown) */
	const char *name;	/* the current entry's name once it is known good */
	const char *last_name;	/* the previous entry's name */
	struct cpio_error *err;
};

/*
 * Record an error for the entry at w->pos: "entry N "name" at offset O: why".
 * Returns the negative code cpio_for_each() gives back.
 */
static __printf(3, 4) int cpio_fail(struct cpio_walk *w, enum cpio_error_code code,
				    const char *fmt, ...)
{
	struct cpio_error *err = w->err;
	va_list ap;
	int n;

	if (!err)
		return -(int)code;
	err->code = code;
	err->offset = w->pos;
	if (w->name)
		n = snprintf(err->msg, sizeof(err->msg), "entry %d \"%.48s\" at offset %#lx: ",
			     w->index + 1, w->name, (unsigned long)w->pos);
	else
		n = snprintf(err->msg, sizeof(err->msg), "entry %d at offset %#lx: ",
			     w->index + 1, (unsigned long)w->pos);
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
	va_end(ap);
	return -(int)code;
}

/* The value of one hex digit, or -1 if c is not one. */
static int hex_digit(u8 c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A byte as it can be shown in a message: itself if printable, else '?'. */
static char printable(u8 c)
{
	return c >= 0x20 && c < 0x7f ? (char)c : '?';
}

/*
 * Check the magic and read the 13 hex fields of the header at w->pos (the
 * caller made sure 110 bytes are there). *csum says whether c_check counts.
 * Linux: init/initramfs.c do_header() and parse_header(), which do not
 * reject a bad digit; we do, so a damaged header is named, not misread.
 */
static int parse_header(struct cpio_walk *w, u32 f[NR_FIELDS], bool *csum)
{
	const u8 *h = w->buf + w->pos;

	if (!memcmp(h, "070701", 6))
		*csum = false;
	else if (!memcmp(h, "070702", 6))
		*csum = true;
	else if (!memcmp(h, "070707", 6))
		return cpio_fail(w, CPIO_EMAGIC, "old cpio format (magic 070707): "
				 "build the archive with cpio -H newc");
	else
		return cpio_fail(w, CPIO_EMAGIC, "bad magic \"%c%c%c%c%c%c\" (expected 070701)",
				 printable(h[0]), printable(h[1]), printable(h[2]),
				 printable(h[3]), printable(h[4]), printable(h[5]));

	for (int i = 0; i < NR_FIELDS; i++) {
		const u8 *s = h + 6 + 8 * i;
		u32 v = 0;

		for (int j = 0; j < 8; j++) {
			int d = hex_digit(s[j]);

			if (d < 0)
				return cpio_fail(w, CPIO_EHEX,
						 "bad hex digit '%c' (byte %#x) in field %s",
						 printable(s[j]), s[j], field_names[i]);
			v = v << 4 | d;
		}
		f[i] = v;
	}
	return 0;
}

/* The name that follows the header: inside the archive, non-empty, no
 * longer than PATH_MAX, and ending in its NUL (and only there). */
static int check_name(struct cpio_walk *w, u32 namesize)
{
	size_t left = w->len - w->pos - CPIO_HEADER_SIZE;
	const char *name = (const char *)w->buf + w->pos + CPIO_HEADER_SIZE;

	if (namesize == 0)
		return cpio_fail(w, CPIO_ENAME, "name size is 0 (it must count the NUL)");
	if (namesize > left)
		return cpio_fail(w, CPIO_ENAME,
				 "name (%u bytes) runs past the end of the archive (%lu bytes left)",
				 namesize, (unsigned long)left);
	if (namesize > CPIO_NAME_MAX)
		return cpio_fail(w, CPIO_ENAME, "name (%u bytes) is longer than PATH_MAX (%d)",
				 namesize, CPIO_NAME_MAX);
	if (name[namesize - 1] != '\0')
		return cpio_fail(w, CPIO_ENAME, "name is not NUL-terminated");
	if (strnlen(name, namesize) != namesize - 1)
		return cpio_fail(w, CPIO_ENAME, "name has a NUL byte inside it");
	w->name = name;
	return 0;
}

/* Skip zero padding after a trailer (or at the start). Returns 1 if another
 * archive follows, 0 at the end of the buffer. Linux: unpack_to_rootfs(). */
static int next_archive(struct cpio_walk *w)
{
	while (w->pos < w->len && w->buf[w->pos] == 0)
		w->pos++;
	if (w->pos == w->len)
		return 0;
	w->name = NULL;
	if (w->buf[w->pos] == '0' && IS_ALIGNED(w->pos, 4))
		return 1;
	return cpio_fail(w, CPIO_EJUNK, "junk (byte %#x) where an archive or zero padding "
			 "should be (compressed? only plain cpio -H newc is read)",
			 w->buf[w->pos]);
}

/*
 * Read the entry at w->pos: fill *e, advance w->pos past it (and its
 * padding). Returns 1 for an entry, 0 for a trailer, or a negative error.
 */
static int read_entry(struct cpio_walk *w, struct cpio_entry *e)
{
	u32 f[NR_FIELDS];
	bool csum = false;
	int ret;

	w->name = NULL;
	if (w->len - w->pos < CPIO_HEADER_SIZE)
		return cpio_fail(w, CPIO_ETRUNC,
				 "archive ends inside the header (%lu bytes left, a header is %d)",
				 (unsigned long)(w->len - w->pos), CPIO_HEADER_SIZE);
	ret = parse_header(w, f, &csum);
	if (ret)
		return ret;
	ret = check_name(w, f[F_NAMESIZE]);
	if (ret)
		return ret;

	size_t data = ALIGN(w->pos + CPIO_HEADER_SIZE + f[F_NAMESIZE], 4);
	if (f[F_FILESIZE] && (data > w->len || f[F_FILESIZE] > w->len - data))
		return cpio_fail(w, CPIO_EDATA,
				 "data (%u bytes) runs past the end of the archive (%lu bytes left)",
				 f[F_FILESIZE], (unsigned long)(data > w->len ? 0 : w->len - data));
	if (csum) {
		u32 sum = 0;

		for (u32 i = 0; i < f[F_FILESIZE]; i++)
			sum += w->buf[data + i];
		if (sum != f[F_CHECK])
			return cpio_fail(w, CPIO_ECHECKSUM,
					 "data checksum %#x, but the header says %#x", sum, f[F_CHECK]);
	}

	*e = (struct cpio_entry){
		.name = w->name, .ino = f[F_INO], .mode = f[F_MODE], .uid = f[F_UID],
		.gid = f[F_GID], .nlink = f[F_NLINK], .mtime = f[F_MTIME],
		.devmajor = f[F_DEVMAJOR], .devminor = f[F_DEVMINOR],
		.rdevmajor = f[F_RDEVMAJOR], .rdevminor = f[F_RDEVMINOR],
		.data = w->buf + min(data, w->len), .size = f[F_FILESIZE], .offset = w->pos,
	};
	/* The last padding may be cut off at the very end; that is harmless. */
	w->pos = min(ALIGN(data + f[F_FILESIZE], 4), w->len);
	return strcmp(e->name, trailer_name) ? 1 : 0;
}

/* Linux: init/initramfs.c unpack_to_rootfs(), minus decompression, and
 * calling back instead of creating files. See include/linux/initramfs.h. */
int cpio_for_each(const void *buf, size_t len, cpio_actor_t actor, void *arg,
		  struct cpio_error *err)
{
	struct cpio_walk w = { .buf = buf, .len = len, .err = err };
	struct cpio_entry e;
	int ret;

	if (err)
		*err = (struct cpio_error){ .code = CPIO_OK };
	ret = next_archive(&w);
	while (ret > 0) {
		if (w.pos == w.len || w.buf[w.pos] == 0) {	/* the end, or padding */
			w.name = NULL;
			return cpio_fail(&w, CPIO_ENOTRAILER,
					 "the archive ends after entry %d \"%.48s\" without a \"%s\" entry",
					 w.index, w.last_name, trailer_name);
		}
		ret = read_entry(&w, &e);
		if (ret < 0)
			return ret;
		if (ret == 0) {		/* trailer: the end, or another archive */
			ret = next_archive(&w);
			continue;
		}
		if (actor) {
			int r = actor(&e, arg);

			if (r) {
				w.pos = e.offset;
				ret = cpio_fail(&w, CPIO_ECALLBACK, "stopped by the callback (%d)", r);
				if (err)
					err->callback_ret = r;
				return ret;
			}
		}
		w.last_name = e.name;
		w.index++;
	}
	return ret < 0 ? ret : w.index;
}

/* Like ls -l: type letter, then rwx for owner, group, others, with s/S and
 * t/T for the set-id and sticky bits. */
void cpio_mode_string(u32 mode, char out[11])
{
	static const char types[] = "?pc?d?b?-?l?s???";	/* indexed by S_IFMT >> 12 */
	static const char rwx[] = "rwxrwxrwx";

	out[0] = types[(mode & S_IFMT) >> 12];
	for (int i = 0; i < 9; i++)
		out[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & S_ISUID)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (mode & S_ISGID)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (mode & S_ISVTX)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = '\0';
}

/* One listing line: mode, size, path (shown from /), a symlink's target. */
static int print_entry(const struct cpio_entry *e, void *arg)
{
	const char *path = e->name;
	char mode[11];

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	while (path[0] == '/')
		path++;
	if (!strcmp(path, "."))
		path = "";
	cpio_mode_string(e->mode, mode);
	if ((e->mode & S_IFMT) == S_IFLNK)
		pr_info("  %s %8lu /%s -> %.*s\n", mode, (unsigned long)e->size, path,
			(int)min(e->size, (size_t)255), (const char *)e->data);
	else
		pr_info("  %s %8lu /%s\n", mode, (unsigned long)e->size, path);
	return 0;
}

/*
 * At boot: check the archive GRUB loaded, then list it ("initramfs: N
 * entries, M bytes" and a line per entry), or say what is wrong with it and
 * list what came before the damage. Linux has no listing: its
 * populate_rootfs() unpacks straight away (as ours then does).
 */
void initramfs_list(void)
{
	struct cpio_error err;
	const void *buf = __va(initrd_start);
	size_t len = initrd_end - initrd_start;
	int n;

	if (!initrd_start) {
		pr_warn("initramfs: none (the boot loader passed no module)\n");
		return;
	}
	n = cpio_for_each(buf, len, NULL, NULL, &err);
	if (n >= 0) {
		pr_info("initramfs: %d entries, %lu bytes\n", n, (unsigned long)len);
		cpio_for_each(buf, len, print_entry, NULL, NULL);
		return;
	}
	pr_err("initramfs: %lu bytes, damaged: %s\n", (unsigned long)len, err.msg);
	pr_err("initramfs: the entries before the damage:\n");
	cpio_for_each(buf, len, print_entry, NULL, NULL);
}

/* Linux: clean_path(). If path exists as another type than fmode says,
 * remove it, so the archive's entry can take its place. */
static void clean_path(const char *path, umode_t fmode)
{
	struct kstat st;

	if (!init_stat(path, &st, AT_SYMLINK_NOFOLLOW) && ((st.mode ^ fmode) & S_IFMT)) {
		if (S_ISDIR(st.mode))
			init_rmdir(path);
		else
			init_unlink(path);
	}
}

/* A regular file with the entry's data. Linux: do_name() and do_copy(). */
static int unpack_file(const struct cpio_entry *e)
{
	struct file *file = filp_open(e->name, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777);
	loff_t pos = 0;
	int err = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while (!err && (size_t)pos < e->size) {
		ssize_t n = kernel_write(file, (const char *)e->data + pos, e->size - pos, &pos);

		if (n <= 0)
			err = n ? n : -EIO;
	}
	fput(file);
	return err;
}

/* A symbolic link whose body is the entry's data. Linux: do_symlink(). */
static int unpack_symlink(const struct cpio_entry *e)
{
	char *body;
	int err;

	if (e->size >= PATH_MAX || memchr(e->data, 0, e->size))
		return -EINVAL;
	body = kmalloc(e->size + 1, GFP_KERNEL);
	if (!body)
		return -ENOMEM;
	memcpy(body, e->data, e->size);
	body[e->size] = '\0';
	err = init_symlink(body, e->name);
	kfree(body);
	return err;
}

/* What the unpacking saw, for the summary. */
struct unpack_state {
	int failed;
};

/*
 * Create one entry, then give it the archive's owner, mode and times (a
 * link keeps its 0777). Always returns 0: a bad entry is reported and the
 * rest still unpacked. Linux: do_name() and do_symlink() (with
 * maybe_link() for hard links, not done here).
 */
static int unpack_entry(const struct cpio_entry *e, void *arg)
{
	struct unpack_state *st = arg;
	umode_t mode = e->mode & (S_IFMT | 07777);
	struct timespec64 mtime = { .tv_sec = e->mtime };
	struct kstat old;
	int err;

	switch (mode & S_IFMT) {
	case S_IFDIR:
		clean_path(e->name, mode);
		err = init_mkdir(e->name, mode & 07777);
		if (err == -EEXIST)	/* already there (/dev, /, a second archive) */
			err = 0;
		break;
	case S_IFREG:
		clean_path(e->name, mode);
		err = unpack_file(e);
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
	case S_IFLNK:	/* replaces whatever non-directory was there (Linux keeps the old) */
		clean_path(e->name, mode);
		if (!init_stat(e->name, &old, AT_SYMLINK_NOFOLLOW) && !S_ISDIR(old.mode))
			init_unlink(e->name);
		if (S_ISLNK(mode))
			err = unpack_symlink(e);
		else
			err = init_mknod(e->name, mode,
					 new_encode_dev(MKDEV(e->rdevmajor, e->rdevminor)));
		break;
	default:
		err = -EINVAL;	/* an unknown file type */
		break;
	}
	if (!err)
		err = init_chown(e->name, e->uid, e->gid);
	if (!err && !S_ISLNK(mode))
		err = init_chmod(e->name, mode & 07777);	/* undo the umask */
	if (!err && !S_ISDIR(mode))
		err = init_utimes(e->name, &mtime);
	if (err) {
		pr_warn("initramfs: cannot unpack %s: error %d\n", e->name, err);
		st->failed++;
	}
	return 0;
}

/* Directories last get their times, since filling them changed them.
 * Linux: dir_add() and dir_utime(). */
static int set_dir_time(const struct cpio_entry *e, void *arg)
{
	struct timespec64 mtime = { .tv_sec = e->mtime };

	if (S_ISDIR(e->mode))
		init_utimes(e->name, &mtime);
	return 0;
}

/* See include/linux/initramfs.h. */
int unpack_to_rootfs(const void *buf, size_t len, struct cpio_error *err)
{
	struct unpack_state st = { 0 };
	int n = cpio_for_each(buf, len, unpack_entry, &st, err);

	cpio_for_each(buf, len, set_dir_time, NULL, NULL);
	if (st.failed)
		pr_warn("initramfs: %d entries could not be unpacked\n", st.failed);
	return n;
}

/* The device nodes every system has: Linux's built-in archive makes
 * /dev/console, devtmpfs the others as their drivers register. */
static const struct {
	const char *name;
	umode_t mode;
	unsigned int major, minor;
} default_devices[] = {
	{ "/dev/console", S_IFCHR | 0600, 5, 1 },
	{ "/dev/null", S_IFCHR | 0666, 1, 3 },
	{ "/dev/zero", S_IFCHR | 0666, 1, 5 },
};

/* Linux's kernel carries a small built-in archive (usr/default_cpio_list),
 * unpacked before the boot loader's: /dev and the nodes above (chmod'ed
 * after mknod, which the umask trims). */
static void default_rootfs(void)
{
	int err = init_mkdir("/dev", 0755);

	if (err && err != -EEXIST)
		pr_err("populate_rootfs: cannot make /dev: error %d\n", err);
	for (size_t i = 0; i < ARRAY_SIZE(default_devices); i++) {
		const char *name = default_devices[i].name;
		umode_t mode = default_devices[i].mode;

		err = init_mknod(name, mode, new_encode_dev(MKDEV(default_devices[i].major,
								  default_devices[i].minor)));
		if (!err)
			err = init_chmod(name, mode & ~S_IFMT);
		if (err && err != -EEXIST)
			pr_err("populate_rootfs: cannot make %s: error %d\n", name, err);
	}
}

/* See include/linux/initramfs.h. */
void populate_rootfs(void)
{
	struct cpio_error err;
	struct kstat st;
	int n;

	default_rootfs();
	if (initrd_start) {
		n = unpack_to_rootfs(__va(initrd_start), initrd_end - initrd_start, &err);
		if (n < 0)
			pr_err("Initramfs unpacking failed: %s\n", err.msg);
		else
			pr_info("initramfs: unpacked %d entries into the rootfs\n", n);
	}
	if (init_stat("/tmp", &st, 0)) {	/* programs expect a writable /tmp */
		init_mkdir("/tmp", 0777);
		init_chmod("/tmp", S_ISVTX | 0777);
	}
	proc_root_init();
}
