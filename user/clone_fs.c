/*
 * clone_fs: with CLONE_FS parent and child share the current directory,
 * root and umask, so the child's chdir() and umask() change the parent's;
 * without it the child has a copy (as after fork).
 */
#include "clone.h"
#include <sys/stat.h>

static int child_chdir_umask(void *arg)
{
	(void)arg;
	umask(077);
	return chdir("/tmp") == 0 ? 0 : 1;
}

/* The current directory is path (compared as getcwd() reports it). */
static int cwd_is(const char *path)
{
	char want[256], now[256];

	if (!getcwd(now, sizeof(now)) || chdir(path))
		return 0;
	getcwd(want, sizeof(want));
	chdir(now);
	return !strcmp(now, want);
}

int main(void)
{
	pid_t pid;

	check_start();
	OK(chdir("/"));
	umask(022);
	pid = (pid_t)OK(clone_fn(SIGCHLD, child_chdir_umask, NULL, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "child without CLONE_FS");
	PROP(cwd_is("/"), "without CLONE_FS: the child's chdir leaves the parent's cwd");
	PROP(umask(022) == 022, "without CLONE_FS: the child's umask leaves the parent's");

	pid = (pid_t)OK(clone_fn(CLONE_FS | SIGCHLD, child_chdir_umask, NULL, NULL, NULL, NULL));
	EXPECT_EXIT(pid, 0, "CLONE_FS child");
	PROP(cwd_is("/tmp"), "CLONE_FS: the child's chdir moves the parent too");
	PROP(umask(022) == 077, "CLONE_FS: the child's umask is the parent's");
	pass();
}
