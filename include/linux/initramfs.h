/*
 * Reading the initramfs: a cpio archive in the "newc" format, as Linux's
 * init/initramfs.c reads it (the format: Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst).
 *
 * Each entry is a 110-byte ASCII header, the NUL-terminated name, and the
 * data (file contents, or a symlink's target); the header+name and the data
 * each end on a 4-byte boundary. The entry named "TRAILER!!!" ends an archive.
 * Archives may be concatenated, with zero bytes between them, as Linux allows.
 *
 * cpio_for_each() walks an archive and calls back once per entry; it checks
 * every length against the end of the buffer, so a truncated or malformed
 * archive is reported (which entry, what was wrong), never read past.
 */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

#include <linux/stat.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_NAME_MAX 4096	/* Linux's PATH_MAX, counting the NUL */

/* One archive entry, as the callback sees it. Pointers point into the archive. */
struct cpio_entry {
	const char *name;	/* NUL-terminated, as archived ("etc/motd", "./etc/motd") */
	u32 ino;
	u32 mode;		/* S_IFMT type | permission bits */
	u32 uid, gid;
	u32 nlink;
	u32 mtime;		/* seconds since 1970 */
	u32 devmajor, devminor;	/* the device the file was on (for hard links) */
	u32 rdevmajor, rdevminor; /* for a device node: the device it names */
	const void *data;	/* contents; a symlink's target (not NUL-terminated) */
	size_t size;
	size_t offset;		/* where the entry's header starts in the archive */
};

/* What can be wrong with an archive; cpio_error.msg says where and why. */
enum cpio_error_code {
	CPIO_OK = 0,
	CPIO_ETRUNC,		/* the archive ends inside a header */
	CPIO_EMAGIC,		/* a header does not start with 070701 or 070702 */
	CPIO_EHEX,		/* a header field holds a character that is not hex */
	CPIO_ENAME,		/* name empty, too long, unterminated or past the end */
	CPIO_EDATA,		/* the data runs past the end of the archive */
	CPIO_ECHECKSUM,		/* 070702: the data's byte sum differs from c_check */
	CPIO_ENOTRAILER,	/* the archive ends without "TRAILER!!!" */
	CPIO_EJUNK,		/* after a trailer: neither zero padding nor a new archive */
	CPIO_ECALLBACK,		/* the callback returned non-zero: walk stopped */
};

struct cpio_error {
	enum cpio_error_code code;
	size_t offset;		/* where the offending entry (or junk) starts */
	int callback_ret;	/* for CPIO_ECALLBACK: what the callback returned */
	char msg[192];		/* e.g. "entry 3 \"etc/motd\" at offset 0x1c4: data ..." */
};

/*
 * A callback gets each entry in archive order (not the trailer); returning
 * non-zero stops the walk, and cpio_for_each() reports CPIO_ECALLBACK.
 */
typedef int (*cpio_actor_t)(const struct cpio_entry *entry, void *arg);

/*
 * Walk the archive buf[0..len) calling actor(entry, arg) for each entry.
 * Returns the number of entries seen (>= 0) on success; on failure a
 * negative value, -(enum cpio_error_code), with *err filled in (err may be
 * NULL). Entries before the bad one have already been passed to the actor.
 * An empty buffer, or one of zero bytes only, is an empty archive.
 * Reads only inside buf; writes nothing but *err; no locking needed.
 */
int cpio_for_each(const void *buf, size_t len, cpio_actor_t actor, void *arg,
		  struct cpio_error *err);

/* Write mode as ls -l shows it ("drwxr-xr-x") into out[11]. */
void cpio_mode_string(u32 mode, char out[11]);

/* Print the boot initramfs (initrd_start..initrd_end): "initramfs: N entries,
 * M bytes" and one line per entry; or what is wrong with it. */
void initramfs_list(void);

/*
 * Create every entry of the archive buf[0..len) in the filesystem, names
 * relative to the caller's cwd: directories, regular files with their
 * data, symbolic links, device nodes, FIFOs and sockets, each with the
 * archive's mode, owner and mtime. Hard links become separate files (only
 * the last has the data: the format stores it once). An entry that cannot be created is reported and
 * skipped. Returns the number of entries, or a negative cpio error (*err
 * filled in, err may be NULL) for a damaged archive, whose entries before
 * the damage have been created. Linux: init/initramfs.c unpack_to_rootfs().
 */
int unpack_to_rootfs(const void *buf, size_t len, struct cpio_error *err);

/* At boot, from kernel_init: /dev and /dev/console (Linux's built-in
 * default archive), then the boot initramfs, then /tmp if it is missing.
 * Linux: init/initramfs.c populate_rootfs(). */
void populate_rootfs(void);

#endif
