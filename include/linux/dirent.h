/*
 * What getdents64(2) writes: one record per directory entry, each padded
 * to 8 bytes. Linux: include/linux/dirent.h, fs/readdir.c.
 */
#ifndef _LINUX_DIRENT_H
#define _LINUX_DIRENT_H

#include <linux/types.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;	/* where the next entry starts (an lseek position) */
	unsigned short d_reclen;	/* this record's length */
	unsigned char d_type;	/* DT_ below */
	char d_name[];	/* NUL-terminated */
};

/* d_type: the file type, S_IFMT >> 12. */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

#endif
