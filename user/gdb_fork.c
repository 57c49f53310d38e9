/*
 * gdb_fork: the program the GDB check (tests/gdb-check.sh) boots as init,
 * and the one docs/debugging.md follows through fork and copy-on-write.
 *
 * It writes a global, forks once; the child reads the global, then writes
 * it (its first write to that page: a copy-on-write fault); the parent
 * reads it and waits for the child. Exits 0 when each side saw what it
 * must: the child the parent's value, the parent its own value unchanged.
 *
 * It prints the global's address, for GDB (lx-pagewalk ADDR PID), so its
 * output is not the same on every system: it is not a user test (not in
 * user/tests.list).
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * In .data (initialised), page-aligned and one page long: no other variable
 * shares its page, so nothing but this program's accesses to it (libc's
 * own data, say) faults on that page after fork.
 */
volatile int gdb_fork_value[1024] __attribute__((aligned(4096))) = { 1 };

int main(void)
{
	int seen, status;
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);	/* fork must not copy buffered output */
	gdb_fork_value[0] = 42;	/* before fork: the page is present, writable, dirty */
	printf("gdb_fork: gdb_fork_value at %p = %d\n", (void *)gdb_fork_value, gdb_fork_value[0]);
	pid = fork();
	if (pid < 0) {
		perror("gdb_fork: fork");
		return 1;
	}
	if (pid == 0) {
		seen = gdb_fork_value[0];
		gdb_fork_value[0] = 43;	/* the child's first write: copy-on-write */
		printf("gdb_fork: child read %d, wrote %d\n", seen, gdb_fork_value[0]);
		_exit(seen == 42 && gdb_fork_value[0] == 43 ? 0 : 1);
	}
	seen = gdb_fork_value[0];
	if (waitpid(pid, &status, 0) != pid) {
		perror("gdb_fork: waitpid");
		return 1;
	}
	printf("gdb_fork: parent read %d, and %d after the child wrote 43\n", seen, gdb_fork_value[0]);
	if (seen != 42 || gdb_fork_value[0] != 42 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("gdb_fork: FAIL (expected 42 in the parent before and after, "
		       "the child exiting 0; child status %#x)\n", status);
		return 1;
	}
	printf("gdb_fork: PASS\n");
	return 0;
}
