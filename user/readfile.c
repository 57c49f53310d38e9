/*
 * readfile: read a file from the initramfs. /etc/motd (or the path given as
 * argv[1] or in $FORKLIFT_MOTD: natively, the runners point it at the copy
 * in rootfs/etc/motd) must start with
 * Forklift's welcome line; reading it in small pieces gives fstat's size;
 * lseek back to 0 reads the same bytes; at the end, read returns 0.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char welcome[] =
	"Welcome to Forklift, a teaching kernel for how Unix processes are born and die.";

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : getenv("FORKLIFT_MOTD");
	char buf[4096], again[64], *nl;
	struct stat st;
	long total = 0, n;
	int fd;

	check_start();
	if (!path || !*path)
		path = "/etc/motd";
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "open(%s): expected a file descriptor, got %s", path, errname(errno));
	OK(fstat(fd, &st));
	PROP(S_ISREG(st.st_mode) && st.st_size > 0, "fstat: a regular file, not empty");
	while ((n = read(fd, buf + total, 7)) > 0 && total + n < (long)sizeof(buf) - 8)
		total += n;
	CHECK(n == 0, "reading 7 bytes at a time: expected to reach the end, got %ld (%s)",
	      n, n < 0 ? errname(errno) : "file too big");
	EXPECT_EQ(total, st.st_size);
	printf("bytes read in 7-byte pieces equal fstat's size: yes\n");
	buf[total] = 0;
	nl = strchr(buf, '\n');
	CHECK(nl != NULL, "the file has no newline");
	*nl = 0;
	CHECK(!strcmp(buf, welcome), "first line: expected \"%s\", got \"%s\"", welcome, buf);
	printf("first line: %s\n", buf);
	*nl = '\n';
	EXPECT_EQ(read(fd, again, sizeof(again)), 0);
	printf("read at the end returns 0: yes\n");
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(read(fd, again, sizeof(again)), (long)sizeof(again));
	PROP(!memcmp(again, buf, sizeof(again)), "after lseek to 0, the same bytes again");
	OK(close(fd));
	EXPECT_ERR(read(fd, again, 1), EBADF);
	printf("read after close: EBADF\n");
	pass();
}
