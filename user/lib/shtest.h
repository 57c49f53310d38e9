/*
 * shtest.h: how the shell tests run their scripts. A test is a script,
 * user/sh_NAME.sh, and a small program, user/sh_NAME.c, that holds it
 * (SHTEST_SCRIPT) and runs it (run_script): so it runs in the kernel as in
 * the native runner, with no file to find at run time.
 *
 * run_script() feeds a script to the shell under test ($FORKLIFT_BIN/sh
 * natively, /bin/sh on Forklift) on its stdin through a pipe, as a user
 * types it (no prompt: stdin is not a terminal). The shell's stdout is the
 * test's, so user/expected/NAME.out holds the script's output; stderr is
 * not compared, so a script shows an error message with 2>&1. The shell
 * runs with
 *   PATH=$FORKLIFT_BIN (or /bin): only this project's programs, the same
 *        ones natively and on Forklift (no host cat or ls);
 *   T=/tmp/NAME.PID: a fresh directory for the script's files. Once the
 *        shell has exited, each file in it is printed ("--- FILE ---", then
 *        its content, in name order) and removed, so a redirection's
 *        result shows in the output.
 * It returns the shell's wait status.
 */
#ifndef USER_SHTEST_H
#define USER_SHTEST_H

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "proc.h"

/* For scandir: the files a script made (not . and ..). */
static inline int shtest_visible(const struct dirent *d)
{
	return strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
}

/* Print each file in dir with its content, remove it, then remove dir. */
static inline void shtest_show_files(const char *dir)
{
	struct dirent **list;
	int count = scandir(dir, &list, shtest_visible, alphasort);
	char path[512], buf[4096];

	CHECK(count >= 0, "scandir(%s): %s", dir, errname(errno));
	for (int i = 0; i < count; i++) {
		int fd;
		long n;

		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		printf("--- %s ---\n", list[i]->d_name);
		fd = OK(open(path, O_RDONLY));
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			fwrite(buf, 1, n, stdout);
		close(fd);
		OK(unlink(path));
		free(list[i]);
	}
	free(list);
	OK(rmdir(dir));
}

/* Run script through the shell under test; return its wait status. */
static inline int run_script(const char *script)
{
	char dir[256];
	const char *bin = getenv("FORKLIFT_BIN");
	size_t len = strlen(script), done = 0;
	int fds[2], status;
	pid_t pid;

	snprintf(dir, sizeof(dir), "/tmp/%s.%d", TEST_NAME, (int)getpid());
	OK(mkdir(dir, 0700));
	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		dup2(fds[0], 0);
		close(fds[0]);
		close(fds[1]);
		setenv("PATH", bin && *bin ? bin : "/bin", 1);
		setenv("T", dir, 1);
		execl(bin_path("sh"), "sh", (char *)NULL);
		printf("FAIL: %s: execl(%s): %s\n", TEST_NAME, bin_path("sh"), errname(errno));
		exit(127);
	}
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);	/* a script may exit before reading all of itself */
	while (done < len) {
		long n = write(fds[1], script + done, len - done);
		if (n <= 0)
			break;
		done += n;
	}
	close(fds[1]);
	status = reap(pid);
	shtest_show_files(dir);
	return status;
}

/*
 * Put the script user/sh_NAME.sh into this program as the NUL-terminated
 * string `script` (the assembler's .incbin reads it at build time; make
 * runs from the top of the tree, and user/build.mk rebuilds the program
 * when the script changes).
 */
#define SHTEST_SCRIPT(file)                                                       \
	__asm__(".section .rodata\n"                                              \
		"script:\n"                                                       \
		".incbin \"" file "\"\n"                                           \
		".byte 0\n"                                                       \
		".previous\n");                                                   \
	extern const char script[]

/* Run script; the shell must exit with code, which the last line of output says. */
#define EXPECT_SCRIPT_EXIT(script, code)                                          \
	do {                                                                      \
		int s_ = run_script(script);                                      \
		CHECK(WIFEXITED(s_) && WEXITSTATUS(s_) == (code),                 \
		      "the shell: expected exited with %d, got %s", (code),       \
		      status_str(s_));                                            \
		printf("the shell exited with %d\n", (code));                     \
	} while (0)

#endif /* USER_SHTEST_H */
