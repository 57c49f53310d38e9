/*
 * ps: list the processes: PID, PPID, STATE, CMD, in pid order.
 * ps -T: one line per thread, as Linux's ps -T: an SPID column (the
 * thread's id, its tid) after PID; the threads of a process are in
 * /proc/<pid>/task/<tid>, whose stat and comm are the thread's.
 *
 * It reads /proc/<pid>/stat, in the format Linux gives it (proc(5)):
 *
 *     1234 (sh) S 1 1234 1234 ...
 *     pid  comm state ppid pgrp session ...
 *
 * comm (the program's name, at most 15 characters) may itself hold spaces
 * and parentheses, so it ends at the *last* ')'. CMD is /proc/<pid>/comm
 * when there is one, else that name from stat. STATE is the letter:
 * R running or runnable, S sleeping, D uninterruptible sleep, T stopped,
 * Z zombie (exited, not yet reaped by its parent's wait).
 *
 * Without /proc (or with no process in it) it prints "ps: /proc is not
 * available" and exits 1.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Read the small file at path into buf, NUL-terminated; return its length, or -1. */
static int read_file(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0, r;

	if (fd < 0)
		return -1;
	while (n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	return n;
}

static int by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Print the line of pid (tid 0) or of its thread tid; nothing if it has
 * gone meanwhile (or its stat does not parse). */
static void show(int pid, int tid)
{
	char dir[48], path[64], stat[512], comm[64], state;
	char *open_paren, *close_paren;
	int ppid;

	if (tid)
		snprintf(dir, sizeof(dir), "/proc/%d/task/%d", pid, tid);
	else
		snprintf(dir, sizeof(dir), "/proc/%d", pid);
	snprintf(path, sizeof(path), "%s/stat", dir);
	if (read_file(path, stat, sizeof(stat)) < 0)
		return;
	open_paren = strchr(stat, '(');
	close_paren = strrchr(stat, ')');
	if (!open_paren || !close_paren || sscanf(close_paren + 1, " %c %d", &state, &ppid) != 2)
		return;
	snprintf(path, sizeof(path), "%s/comm", dir);
	if (read_file(path, comm, sizeof(comm)) > 0)
		comm[strcspn(comm, "\n")] = 0;
	else
		snprintf(comm, sizeof(comm), "%.*s", (int)(close_paren - open_paren - 1),
			 open_paren + 1);
	if (tid)
		printf("%5d %5d %5d %-5c %s\n", pid, tid, ppid, state, comm);
	else
		printf("%5d %5d %-5c %s\n", pid, ppid, state, comm);
}

/* The numeric entries of directory path (pids or tids), sorted, in *ids;
 * how many (0 if it cannot be read). */
static int list_ids(const char *path, int **ids)
{
	DIR *dir = opendir(path);
	struct dirent *d;
	int n = 0, cap = 0;

	*ids = NULL;
	while (dir && (d = readdir(dir))) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;	/* not a process: /proc/self, /proc/meminfo... */
		if (n == cap && !(*ids = realloc(*ids, (cap = cap * 2 + 64) * sizeof(int)))) {
			fprintf(stderr, "ps: out of memory\n");
			exit(1);
		}
		(*ids)[n++] = atoi(d->d_name);
	}
	if (dir)
		closedir(dir);
	qsort(*ids, n, sizeof(int), by_number);
	return n;
}

int main(int argc, char **argv)
{
	int threads = argc == 2 && !strcmp(argv[1], "-T");
	int *pids, n = list_ids("/proc", &pids);

	if (argc > 1 && !threads) {
		fprintf(stderr, "usage: ps [-T]\n");
		return 2;
	}
	if (n == 0) {
		fprintf(stderr, "ps: /proc is not available\n");
		return 1;
	}
	if (threads)
		printf("%5s %5s %5s %-5s %s\n", "PID", "SPID", "PPID", "STATE", "CMD");
	else
		printf("%5s %5s %-5s %s\n", "PID", "PPID", "STATE", "CMD");
	for (int i = 0; i < n; i++) {
		char path[32];
		int *tids, nt;

		if (!threads) {
			show(pids[i], 0);
			continue;
		}
		snprintf(path, sizeof(path), "/proc/%d/task", pids[i]);
		nt = list_ids(path, &tids);
		for (int j = 0; j < nt; j++)
			show(pids[i], tids[j]);
		free(tids);
	}
	free(pids);
	return 0;
}
