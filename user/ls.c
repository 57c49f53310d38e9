/*
 * ls: list directory contents, sorted, one per line; -l adds the type and
 * permissions, link count and size (no owners or dates: every file here is
 * root's, and the rootfs's times are the boot's). Uses opendir/readdir
 * (the getdents64 system call) and lstat.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int long_format;

static void mode_string(mode_t m, char *s)
{
	const char *rwx = "rwxrwxrwx";

	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISFIFO(m) ? 'p' : '-';
	for (int i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

static void show(const char *dir, const char *name)
{
	char path[4096], mode[11];
	struct stat st;

	if (!long_format) {
		printf("%s\n", name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(path, &st) < 0) {
		perror(path);
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %2lu %8lld %s\n", mode, (unsigned long)st.st_nlink, (long long)st.st_size, name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		struct stat st;
		if (lstat(path, &st) == 0) {	/* a file, not a directory */
			show(".", path);
			return 0;
		}
		perror(path);
		return 1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;

	if (i < argc && !strcmp(argv[i], "-l")) {
		long_format = 1;
		i++;
	}
	if (i == argc)
		return list(".");
	for (int first = i; i < argc; i++) {
		if (argc - first > 1)
			printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}
