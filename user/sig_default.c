/*
 * sig_default: what each signal does to a process that has no handler for
 * it. Most terminate it (the parent's wait sees WTERMSIG; the "core" ones
 * write no core file with RLIMIT_CORE 0, so WCOREDUMP is false, as on
 * Debian by default); SIGCHLD, SIGCONT, SIGURG and SIGWINCH are ignored;
 * SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stop it (in its own process group,
 * so it is not orphaned), and SIGCONT lets it go on.
 */
#include <sys/resource.h>
#include <sys/wait.h>
#include "sig.h"

static const struct {
	int sig;
	const char *name;
} sigs[] = {
	{ SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" }, { SIGQUIT, "SIGQUIT" }, { SIGILL, "SIGILL" },
	{ SIGTRAP, "SIGTRAP" }, { SIGABRT, "SIGABRT" }, { SIGBUS, "SIGBUS" }, { SIGFPE, "SIGFPE" },
	{ SIGKILL, "SIGKILL" }, { SIGUSR1, "SIGUSR1" }, { SIGSEGV, "SIGSEGV" }, { SIGUSR2, "SIGUSR2" },
	{ SIGPIPE, "SIGPIPE" }, { SIGALRM, "SIGALRM" }, { SIGTERM, "SIGTERM" }, { SIGSTKFLT, "SIGSTKFLT" },
	{ SIGCHLD, "SIGCHLD" }, { SIGCONT, "SIGCONT" }, { SIGSTOP, "SIGSTOP" }, { SIGTSTP, "SIGTSTP" },
	{ SIGTTIN, "SIGTTIN" }, { SIGTTOU, "SIGTTOU" }, { SIGURG, "SIGURG" }, { SIGXCPU, "SIGXCPU" },
	{ SIGXFSZ, "SIGXFSZ" }, { SIGVTALRM, "SIGVTALRM" }, { SIGPROF, "SIGPROF" },
	{ SIGWINCH, "SIGWINCH" }, { SIGIO, "SIGIO" }, { SIGPWR, "SIGPWR" }, { SIGSYS, "SIGSYS" },
};

int main(void)
{
	struct rlimit no_core = { 0, 0 };

	check_start();
	OK(setrlimit(RLIMIT_CORE, &no_core));
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int sig = sigs[i].sig, status;
		pid_t pid = xfork();

		if (pid == 0) {
			OK(setpgid(0, 0));
			signal(sig, SIG_DFL);
			kill(getpid(), sig);
			exit(0);
		}
		OK(waitpid(pid, &status, WUNTRACED));
		if (WIFSTOPPED(status)) {
			CHECK(WSTOPSIG(status) == sig, "%s: stopped by %d", sigs[i].name, WSTOPSIG(status));
			OK(kill(pid, SIGCONT));
			EXPECT_EXIT(pid, 0, sigs[i].name);
			printf("%-9s stops; SIGCONT: it goes on\n", sigs[i].name);
		} else if (WIFSIGNALED(status)) {
			CHECK(WTERMSIG(status) == sig, "%s: killed by %d", sigs[i].name, WTERMSIG(status));
			printf("%-9s terminates%s\n", sigs[i].name, WCOREDUMP(status) ? " (core dumped)" : "");
		} else {
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: %s", sigs[i].name,
			      status_str(status));
			printf("%-9s is ignored\n", sigs[i].name);
		}
	}
	pass();
}
