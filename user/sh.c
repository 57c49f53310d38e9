/*
 * sh: a small shell in the spirit of xv6's sh.c, but POSIX. It shows how a
 * shell runs programs with the process system calls: a command that is not
 * a built-in is fork() + execve() + wait4() (waitpid), a pipeline is pipe()
 * and dup2() between forked children, a redirection is open() + dup2() in
 * the child before execve(). No vfork or posix_spawn: the point is fork.
 *
 *     sh                       read commands from stdin ("$ " prompt on a tty)
 *     sh FILE [ARG...]         run a script: $0 is FILE, $1... the ARGs
 *     sh -c COMMANDS [NAME [ARG...]]
 *
 * What it understands:
 *   words     'single' and "double" quotes, backslash; # starts a comment
 *   $         $NAME ${NAME} $? $$ $! $# $0..$9, also inside "..." (a value
 *             stays one word: no field splitting, and no * globbing)
 *   NAME=VAL  sets a variable; every variable is in the environment. Before
 *             a program, only that program's environment gets it.
 *   a | b     pipelines; the status is the last command's
 *   < > >>    redirections, with an fd in front too: 2> 2>> 3< 2>&1 >&2 3>&-
 *   ; & && || lists; `cmd &` starts a background job (see `jobs`, `wait`, $!)
 *   built-ins cd pwd echo exit export wait jobs fg help true false
 *   jobs      at a terminal, each foreground pipeline runs in a process group
 *             of its own, made the terminal's foreground group (tcsetpgrp):
 *             ^C and ^\ reach it, not the shell; ^Z stops it and the shell
 *             reports it ("[N] Stopped"); `fg` continues it in the foreground.
 * Not here: if/while/for, functions, ( ), here-documents, globbing, command
 * substitution, `bg`: a background job stays in the shell's process group,
 * with SIGINT and SIGQUIT ignored and stdin /dev/null.
 *
 * Exit status ($?, and the shell's own at the end): the last command's; 127
 * command not found, 126 found but not runnable, 128+N killed by signal N
 * (reported like bash: "Segmentation fault (SIGSEGV)"), 2 syntax error.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "proc.h"		/* signame() */

#define DEFAULT_PATH "/bin:/sbin"
#define MAXLINE 4096		/* one input line */
#define MAXARGS 64		/* words of one command */
#define MAXREDIRS 8		/* redirections of one command */
#define MAXCMDS 32		/* commands on one line */
#define MAXJOBS 32		/* background jobs at once */

extern char **environ;

struct redir {
	int fd;			/* the fd the command sees: 0 for <, 1 for > */
	int mode;		/* '<', '>', 'a' (>>), '&' (N>&M, N<&M, N>&-) */
	char *word;		/* the file, or for '&' the fd number or "-" */
};

/* One simple command, as parsed (raw words), then expanded in place. */
struct cmd {
	char *argv[MAXARGS + 1];	/* NULL-terminated, ready for execve */
	char *assign[MAXARGS];	/* NAME=VALUE words before the command name */
	struct redir redir[MAXREDIRS];
	int argc, nassign, nredir;
	int op;			/* what ends it: '|' ';' '&' 'A' (&&) 'O' (||), 0 end of line */
	const char *text, *end;	/* its text in the line, for `jobs` */
};

/* A background job: a forked copy of the shell running one and-or list. */
struct job {
	int id;			/* the number `jobs` shows: [1] */
	pid_t pid;		/* for a stopped job: its process group */
	int done, status;	/* reaped, and its wait status */
	int stopped;		/* stopped by ^Z: `fg` continues it */
	char text[64];
};

static struct cmd cmds[MAXCMDS];
static struct job jobs[MAXJOBS];
static int njobs;
static int last_status;		/* $? */
static pid_t last_bg;		/* $! */
static char **pos;		/* $0, $1...: the script or -c name and its args */
static int npos;
static int interactive;		/* reading a terminal: prompt, report jobs */
static int ignore_int;		/* children keep SIGINT/SIGQUIT ignored */

/* Two arenas, emptied for each line: raw words, and their expansions. */
static char words[MAXLINE * 2], xbuf[MAXLINE * 16];
static size_t wused, xused;
static int xfull;		/* xbuf overflowed */

/* ---- Expansion: quotes removed and $ replaced, when a command runs ---- */

/* Append c to the expansion being built in xbuf. */
static void put(char c)
{
	if (xused < sizeof(xbuf))
		xbuf[xused++] = c;
	else
		xfull = 1;
}

/* Expand the parameter at p (at its '$') into xbuf; return what follows it. */
static const char *expand_param(const char *p)
{
	char name[64] = "", num[24];
	const char *val = NULL, *close = strchr(p, '}');
	size_t n = 0;

	p++;
	if (*p && strchr("?$!#", *p)) {
		snprintf(num, sizeof(num), "%ld", *p == '?' ? (long)last_status :
			 *p == '$' ? (long)getpid() : *p == '!' ? (long)last_bg : npos - 1L);
		val = num;
		p++;
	} else if (isdigit((unsigned char)*p)) {
		val = *p - '0' < npos ? pos[*p - '0'] : "";
		p++;
	} else if (*p == '{' && close) {
		snprintf(name, sizeof(name), "%.*s", (int)(close - p - 1), p + 1);
		p = close + 1;
	} else if (isalpha((unsigned char)*p) || *p == '_') {
		while ((isalnum((unsigned char)*p) || *p == '_') && n < sizeof(name) - 1)
			name[n++] = *p++;
		name[n] = 0;
	} else {
		put('$');	/* a lone $ is itself */
		return p;
	}
	if (!val)
		val = getenv(name);
	while (val && *val)
		put(*val++);
	return p;
}

/* Return raw word w with its quotes removed and $ expanded (in xbuf). */
static char *expand(const char *w)
{
	char *start = xbuf + xused;
	int dq = 0;		/* inside "..." */

	while (*w) {
		if (*w == '\'' && !dq) {
			for (w++; *w && *w != '\''; w++)
				put(*w);
			w += *w != 0;
		} else if (*w == '"') {
			dq = !dq;
			w++;
		} else if (*w == '\\' && w[1]) {
			/* Inside "...", a backslash quotes only $ ` " \; elsewhere anything. */
			if (dq && !strchr("$`\"\\", w[1]))
				put(*w);
			put(w[1]);
			w += 2;
		} else if (*w == '$') {
			w = expand_param(w);
		} else {
			put(*w++);
		}
	}
	put(0);
	return xfull ? "" : start;
}

/* Expand all of c's words in place. */
static void expand_cmd(struct cmd *c)
{
	for (int i = 0; i < c->argc; i++)
		c->argv[i] = expand(c->argv[i]);
	for (int i = 0; i < c->nassign; i++)
		c->assign[i] = expand(c->assign[i]);
	for (int i = 0; i < c->nredir; i++)
		c->redir[i].word = expand(c->redir[i].word);
}

/* ---- Parsing: a line into cmds[] ---- */

static const char *lp;		/* the lexer's place in the line */
static const char *tok_start;	/* where the last token began */
static char *tok_word;		/* a word token: the raw word, quotes still in */
static int tok_fd, tok_mode;	/* a redirection token */

/*
 * Read the next token at lp: 'w' a word, 'r' a redirection, an operator
 * ('|' 'O' (||) '&' 'A' (&&) ';'), 0 at the end of the line, -1 on error.
 */
static int next_token(void)
{
	const char *p = lp + strspn(lp, " \t\r\n"), *q;

	tok_start = p;
	if (*p == 0 || *p == '#')
		return 0;
	for (q = p; isdigit((unsigned char)*q); q++)
		;
	if (*q == '<' || *q == '>') {	/* [N]< [N]> [N]>> [N]>& [N]<& */
		tok_fd = q > p ? atoi(p) : *q == '>';
		tok_mode = q[1] == '&' ? '&' : q[0] == '>' && q[1] == '>' ? 'a' : *q;
		lp = q + 1 + (tok_mode == '&' || tok_mode == 'a');
		return 'r';
	}
	if (*p == '|' || *p == '&' || *p == ';') {
		int twice = *p != ';' && p[1] == *p;
		lp = p + 1 + twice;
		return !twice ? *p : *p == '|' ? 'O' : 'A';
	}
	/* A word runs to an unquoted blank or operator character. */
	for (q = p; *q && !strchr(" \t\r\n|&;<>", *q); q++) {
		if (*q == '\\' && q[1]) {
			q++;
		} else if (*q == '\'' || *q == '"') {
			char quote = *q;
			for (q++; *q && *q != quote; q++)
				if (quote == '"' && *q == '\\' && q[1])
					q++;
			if (!*q) {
				fprintf(stderr, "sh: unterminated %c quote\n", quote);
				return -1;
			}
		}
	}
	tok_word = words + wused;	/* fits: words holds two lines */
	memcpy(tok_word, p, q - p);
	tok_word[q - p] = 0;
	wused += q - p + 1;
	lp = q;
	return 'w';
}

/* NAME=VALUE, with NAME a valid variable name. */
static int is_assignment(const char *w)
{
	if (!isalpha((unsigned char)*w) && *w != '_')
		return 0;
	while (isalnum((unsigned char)*w) || *w == '_')
		w++;
	return *w == '=';
}

static int syntax_error(void)
{
	if (*tok_start)
		fprintf(stderr, "sh: syntax error near '%.12s'\n", tok_start);
	else
		fprintf(stderr, "sh: syntax error at end of line\n");
	return -1;
}

/* Cut line into cmds[]. Return how many, 0 if none, -1 on a syntax error (reported). */
static int parse(const char *line)
{
	struct cmd *c = &cmds[0];
	int n = 0, t;

	lp = line;
	wused = 0;
	memset(c, 0, sizeof(*c));
	for (;;) {
		t = next_token();
		if (!c->text)
			c->text = tok_start;
		if (t < 0)
			return -1;
		if (t == 'w' || t == 'r') {
			if (c->argc + c->nassign == MAXARGS || c->nredir == MAXREDIRS)
				return syntax_error();
			if (t == 'w' && c->argc == 0 && is_assignment(tok_word)) {
				c->assign[c->nassign++] = tok_word;
			} else if (t == 'w') {
				c->argv[c->argc++] = tok_word;
			} else {
				c->redir[c->nredir] = (struct redir){ tok_fd, tok_mode, NULL };
				if (next_token() != 'w')
					return syntax_error();
				c->redir[c->nredir++].word = tok_word;
			}
		} else if (c->argc + c->nassign + c->nredir == 0) {
			/* No command before this operator: fine only at the end of
			 * the line, after ; or & (or on an empty line). */
			if (t == 0 && (n == 0 || cmds[n - 1].op == ';' || cmds[n - 1].op == '&'))
				return n;
			return syntax_error();
		} else {
			c->op = t;
			c->end = tok_start;
			c->argv[c->argc] = NULL;
			if (t == 0)
				return n + 1;
			if (++n == MAXCMDS)
				return syntax_error();
			c = &cmds[n];
			memset(c, 0, sizeof(*c));
		}
	}
}

/* ---- Running commands ---- */

/* $? for a wait status: the exit code, or 128 + the signal's number. */
static int status_of(int ws)
{
	return WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : WEXITSTATUS(ws);
}

static void add_stopped_job(pid_t pgid, const char *text, int len);

/* $? for a foreground child's wait status, saying how it died as bash does. */
static int report_status(int ws)
{
	if (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGINT)
		fprintf(stderr, "\n");
	else if (WIFSIGNALED(ws) && WTERMSIG(ws) != SIGPIPE)
		fprintf(stderr, "%s (%s)\n", strsignal(WTERMSIG(ws)), signame(WTERMSIG(ws)));
	return status_of(ws);
}

/* Wait for a foreground child; report a fatal signal as bash does. At a
 * terminal a child may also stop (^Z): then its group becomes a job. */
static int wait_for(pid_t pid, int *stopped)
{
	int ws = 0;

	*stopped = 0;
	while (waitpid(pid, &ws, interactive ? WUNTRACED : 0) < 0)
		if (errno != EINTR)
			return 127;
	*stopped = WIFSTOPPED(ws);
	if (*stopped)
		return 128 + WSTOPSIG(ws);
	return report_status(ws);
}

/* fork(); the child gets back the default SIGINT and SIGQUIT unless they stay ignored. */
static pid_t fork_child(void)
{
	pid_t pid;

	fflush(stdout);		/* or the child would print our buffered output again */
	pid = fork();
	if (pid < 0)
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
	if (pid == 0) {
		signal(SIGINT, ignore_int ? SIG_IGN : SIG_DFL);
		signal(SIGQUIT, ignore_int ? SIG_IGN : SIG_DFL);
		signal(SIGTSTP, SIG_DFL);	/* what the interactive shell ignores */
		signal(SIGTTOU, SIG_DFL);
		signal(SIGTTIN, SIG_DFL);
	}
	return pid;
}

/* At a terminal: the shell's own group takes the terminal back. */
static void take_terminal(void)
{
	if (interactive)
		tcsetpgrp(0, getpgrp());
}

/*
 * At a terminal, the children of a foreground pipeline form a process
 * group (the first child's pid), which becomes the terminal's foreground
 * group. Both parent and child call setpgid, so it holds whichever runs
 * first.
 */
static void join_group(pid_t pid, pid_t pgid)
{
	if (interactive)
		setpgid(pid, pgid);
}

/* Set the variable of a NAME=VALUE word (in the environment). */
static void set_var(const char *assign)
{
	char name[128];
	size_t n = strcspn(assign, "=");

	snprintf(name, sizeof(name), "%.*s", (int)n, assign);
	setenv(name, assign + n + 1, 1);
}

/* Apply c's redirections to this process's fds, left to right; -1 (reported) on error. */
static int apply_redirs(struct cmd *c)
{
	for (int i = 0; i < c->nredir; i++) {
		struct redir *r = &c->redir[i];
		int fd;

		if (r->mode == '&' && !strcmp(r->word, "-")) {
			close(r->fd);
		} else if (r->mode == '&') {
			fd = isdigit((unsigned char)r->word[0]) ? atoi(r->word) : -1;
			if (fd < 0 || dup2(fd, r->fd) < 0) {
				fprintf(stderr, "sh: %s: bad file descriptor\n", r->word);
				return -1;
			}
		} else {
			fd = open(r->word, r->mode == '<' ? O_RDONLY : r->mode == '>' ?
				  O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY | O_CREAT | O_APPEND, 0666);
			if (fd < 0) {
				fprintf(stderr, "sh: %s: %s\n", r->word, strerror(errno));
				return -1;
			}
			if (fd != r->fd) {
				dup2(fd, r->fd);
				close(fd);
			}
		}
	}
	return 0;
}

/* Run the program argv[0], searching $PATH when it has no '/'. Never returns. */
static void exec_program(char **argv)
{
	const char *path = getenv("PATH") ? getenv("PATH") : DEFAULT_PATH;
	char file[512];
	int err = ENOENT;

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, environ);
		err = errno;
	} else {
		for (;;) {	/* each directory of $PATH in turn ("" is ".") */
			size_t n = strcspn(path, ":");
			snprintf(file, sizeof(file), "%.*s%s%s", (int)n, path, n ? "/" : "",
				 argv[0]);
			execve(file, argv, environ);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;	/* there but not runnable: say why */
			if (!path[n])
				break;
			path += n + 1;
		}
	}
	if (err == ENOENT || err == ENOTDIR)
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
	else
		fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
	exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);	/* returns the exit status */
	const char *help;
};
static const struct builtin *find_builtin(const char *name);

/* In a forked child: run c (a built-in too, in a pipeline). Never returns. */
static void run_command(struct cmd *c)
{
	const struct builtin *b;

	for (int i = 0; i < c->nassign; i++)
		set_var(c->assign[i]);
	if (apply_redirs(c) < 0)
		exit(1);
	if (c->argc == 0)
		exit(0);
	b = find_builtin(c->argv[0]);
	if (b)
		exit(b->fn(c->argc, c->argv));	/* exit() flushes stdout */
	exec_program(c->argv);
}

/*
 * A built-in alone (or only NAME=VALUE and redirections) runs in the shell
 * itself, so that `cd` and `exit` act on the shell: its redirections are
 * applied around it, then the shell's own fds are put back.
 */
static int run_here(struct cmd *c, const struct builtin *b)
{
	int saved[MAXREDIRS], status;

	for (int i = 0; i < c->nassign; i++)
		set_var(c->assign[i]);
	fflush(stdout);
	for (int i = 0; i < c->nredir; i++)	/* -1: that fd was closed */
		saved[i] = fcntl(c->redir[i].fd, F_DUPFD_CLOEXEC, 10);
	status = apply_redirs(c) < 0 ? 1 : b ? b->fn(c->argc, c->argv) : 0;
	fflush(stdout);
	for (int i = c->nredir - 1; i >= 0; i--) {	/* last first: a fd may be redirected twice */
		if (saved[i] < 0) {
			close(c->redir[i].fd);
			continue;
		}
		dup2(saved[i], c->redir[i].fd);
		close(saved[i]);
	}
	return status;
}

/*
 * Run c[0] | c[1] | ... | c[n-1]: one forked child per command, each
 * reading the pipe from the one before (fd 0) and writing the pipe to the
 * one after (fd 1). The status is the last command's.
 */
static int run_pipeline(struct cmd *c, int n)
{
	pid_t pids[MAXCMDS];
	int in = -1, started = 0, status = 1;

	for (int i = 0; i < n; i++)
		expand_cmd(&c[i]);
	if (xfull) {
		fprintf(stderr, "sh: line too long after expansion\n");
		return 1;
	}
	if (n == 1 && (c->argc == 0 || find_builtin(c->argv[0])))
		return run_here(c, c->argc ? find_builtin(c->argv[0]) : NULL);

	for (int i = 0; i < n; i++) {
		int fds[2] = { -1, -1 };

		if (i + 1 < n && pipe(fds) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pids[i] = fork_child();
		if (pids[i] == 0)
			join_group(0, i ? pids[0] : 0);
		else if (pids[i] > 0)
			join_group(pids[i], pids[0]);
		if (i == 0 && pids[0] > 0 && interactive)
			tcsetpgrp(0, pids[0]);
		if (pids[i] == 0) {
			if (in >= 0) {		/* stdin from the command before */
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {	/* stdout into the next one */
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			run_command(&c[i]);
		}
		/* The shell keeps no write end, or the reader would never see
		 * end-of-file; it keeps only the next command's stdin. */
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		if (pids[i] < 0)
			break;
		started++;
	}
	if (started < n && in >= 0)
		close(in);
	for (int i = 0; i < started; i++) {
		int stopped = 0;

		status = wait_for(pids[i], &stopped);
		if (stopped) {	/* ^Z: the whole group is a job now */
			add_stopped_job(pids[0], c[0].text, c[n - 1].end - c[0].text);
			break;
		}
	}
	take_terminal();
	return started == n ? status : 1;
}

/* Run the and-or list cmds[first..last]: pipelines joined by && and ||. */
static int run_andor(int first, int last)
{
	int status = 0, run = 1;

	for (int i = first; i <= last;) {
		int end = i;

		while (cmds[end].op == '|')
			end++;
		if (run)
			status = last_status = run_pipeline(&cmds[i], end - i + 1);
		/* `a && b` runs b if a succeeded, `a || b` if it failed; a
		 * skipped pipeline leaves the status as it was. */
		run = cmds[end].op == 'A' ? status == 0 : status != 0;
		i = end + 1;
	}
	return status;
}

/* Start cmds[first..last] as a background job: a forked copy of the shell runs it. */
static void start_job(int first, int last)
{
	struct job *j = &jobs[njobs];
	int len = cmds[last].end - cmds[first].text;
	pid_t pid;

	if (njobs == MAXJOBS) {
		fprintf(stderr, "sh: too many jobs\n");
		last_status = 1;
		return;
	}
	ignore_int++;		/* POSIX: without job control, & ignores SIGINT */
	pid = fork_child();
	ignore_int--;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDONLY);	/* not the terminal the shell reads */
		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
		ignore_int = 1;
		interactive = njobs = 0;
		exit(run_andor(first, last));
	}
	last_status = pid < 0;
	if (pid < 0)
		return;
	while (len > 0 && strchr(" \t", cmds[first].text[len - 1]))
		len--;
	*j = (struct job){ .id = njobs ? jobs[njobs - 1].id + 1 : 1, .pid = pid };
	snprintf(j->text, sizeof(j->text), "%.*s", len, cmds[first].text);
	if (interactive)
		fprintf(stderr, "[%d] %d\n", j->id, (int)pid);
	last_bg = pid;
	njobs++;
}

/* Parse and run one line. */
static void run_line(const char *line)
{
	int n = parse(line);

	xused = xfull = 0;
	if (n < 0)
		last_status = 2;
	for (int i = 0, j; i < n; i = j + 1) {
		/* cmds[i..j]: one and-or list, ended by ; or & or the line's end */
		for (j = i; cmds[j].op != ';' && cmds[j].op != '&' && cmds[j].op != 0; j++)
			;
		if (cmds[j].op == '&')
			start_job(i, j);
		else
			run_andor(i, j);
	}
}

/* ---- Jobs ---- */

/* Reap finished background jobs without blocking (they stay listed until reported). */
static void reap_jobs(void)
{
	pid_t pid;
	int ws;

	while ((pid = waitpid(-1, &ws, WNOHANG)) > 0)
		for (int i = 0; i < njobs; i++)
			if (jobs[i].pid == pid)
				jobs[i].done = 1, jobs[i].status = ws, jobs[i].stopped = 0;
}

static void remove_job(struct job *j)
{
	memmove(j, j + 1, (char *)&jobs[--njobs] - (char *)j);
}

/* Print "[N] State  command" for each job (or each finished one); forget finished ones. */
static void report_jobs(int only_done)
{
	char state[64];

	reap_jobs();
	for (int i = 0; i < njobs; i++) {
		struct job *j = &jobs[i];
		int ws = j->status;

		if (j->stopped)
			snprintf(state, sizeof(state), "Stopped");
		else if (!j->done)
			snprintf(state, sizeof(state), "Running");
		else if (WIFSIGNALED(ws))
			snprintf(state, sizeof(state), "%s (%s)", strsignal(WTERMSIG(ws)),
				 signame(WTERMSIG(ws)));
		else
			snprintf(state, sizeof(state), WEXITSTATUS(ws) ? "Exit %d" : "Done",
				 WEXITSTATUS(ws));
		if (j->done || !only_done)
			printf("[%d] %-24s %s\n", j->id, state, j->text);
		if (j->done)
			remove_job(&jobs[i--]);
	}
	fflush(stdout);
}

/* ---- Built-ins ---- */

static int b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME") ? getenv("HOME") : "/";
	char cwd[1024];

	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(cwd, sizeof(cwd)))
		setenv("PWD", cwd, 1);
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	char cwd[1024];

	(void)argc, (void)argv;
	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}

static int b_echo(int argc, char **argv)
{
	int newline = !(argc > 1 && !strcmp(argv[1], "-n"));

	for (int i = 2 - newline; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("%s", newline ? "\n" : "");
	return 0;
}

static int b_exit(int argc, char **argv)
{
	char *end = "";
	long status = argc > 1 ? strtol(argv[1], &end, 10) : last_status;

	if (*end || (argc > 1 && !*argv[1])) {
		fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
		status = 2;
	}
	exit(status & 0xff);	/* exit() flushes stdout */
}

/* export NAME=VALUE sets; export NAME does nothing (all are exported); export lists. */
static int b_export(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strchr(argv[i], '='))
			set_var(argv[i]);
	for (char **e = environ; argc == 1 && *e; e++)
		printf("%s\n", *e);
	return 0;
}

/* wait: for all jobs (status 0); wait %N or wait PID: for that one, with its status. */
static int b_wait(int argc, char **argv)
{
	int status = 0;

	for (int i = 0; argc == 1 && i < njobs; i++)
		while (!jobs[i].done && waitpid(jobs[i].pid, &jobs[i].status, 0) < 0 &&
		       errno == EINTR)
			;
	if (argc == 1)
		njobs = 0;
	for (int a = 1; a < argc; a++) {
		struct job *j = NULL;
		long want = atol(argv[a] + (argv[a][0] == '%'));

		for (int i = 0; i < njobs; i++)
			if (argv[a][0] == '%' ? jobs[i].id == want : jobs[i].pid == want)
				j = &jobs[i];
		if (!j) {
			fprintf(stderr, "sh: wait: %s: no such job\n", argv[a]);
			status = 127;
			continue;
		}
		while (!j->done && waitpid(j->pid, &j->status, 0) < 0 && errno == EINTR)
			;
		status = status_of(j->status);
		remove_job(j);
	}
	return status;
}

/* A foreground pipeline stopped by ^Z: remember its group as a job and say so. */
static void add_stopped_job(pid_t pgid, const char *text, int len)
{
	struct job *j = &jobs[njobs];

	if (njobs == MAXJOBS)
		return;
	while (len > 0 && strchr(" \t", text[len - 1]))
		len--;
	*j = (struct job){ .id = njobs ? jobs[njobs - 1].id + 1 : 1, .pid = pgid, .stopped = 1 };
	snprintf(j->text, sizeof(j->text), "%.*s", len, text);
	njobs++;
	fprintf(stderr, "\n[%d]+ Stopped                  %s\n", j->id, j->text);
}

/* fg: continue the last stopped job in the foreground (its group gets the terminal). */
static int b_fg(int argc, char **argv)
{
	int status = 0, ws;
	pid_t r;

	(void)argc, (void)argv;
	for (int i = njobs - 1; i >= 0; i--) {
		struct job j = jobs[i];

		if (!j.stopped)
			continue;
		remove_job(&jobs[i]);
		fprintf(stderr, "%s\n", j.text);
		tcsetpgrp(0, j.pid);
		kill(-j.pid, SIGCONT);
		/* Until every process of the group has ended, or it stops again. */
		while ((r = waitpid(-j.pid, &ws, WUNTRACED)) > 0 || (r < 0 && errno == EINTR)) {
			if (r < 0)
				continue;
			if (WIFSTOPPED(ws)) {
				add_stopped_job(j.pid, j.text, strlen(j.text));
				status = 128 + WSTOPSIG(ws);
				break;
			}
			status = report_status(ws);
		}
		take_terminal();
		return status;
	}
	fprintf(stderr, "sh: fg: no stopped job\n");
	return 1;
}

static int b_jobs(int argc, char **argv)
{
	(void)argc, (void)argv;
	report_jobs(0);
	return 0;
}

static int b_true(int argc, char **argv)
{
	(void)argc;
	return argv[0][0] == 'f';	/* false */
}

static int b_help(int argc, char **argv);

static const struct builtin builtins[] = {
	{ "cd", b_cd, "cd [DIR]          change directory (default $HOME, else /)" },
	{ "pwd", b_pwd, "pwd               print the current directory" },
	{ "echo", b_echo, "echo [-n] WORD... print the words" },
	{ "exit", b_exit, "exit [STATUS]     leave the shell (default: $?)" },
	{ "export", b_export, "export NAME=VALUE set a variable; alone: list them" },
	{ "wait", b_wait, "wait [%N|PID]     wait for background jobs" },
	{ "jobs", b_jobs, "jobs              list background jobs" },
	{ "fg", b_fg, "fg                continue the last stopped job (^Z) in the foreground" },
	{ "help", b_help, "help              this list, and the programs in $PATH" },
	{ "true", b_true, "true, false       exit 0, exit 1" },
	{ "false", b_true, NULL },
};

static const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

/* For scandir: names that do not start with '.'. */
static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int b_help(int argc, char **argv)
{
	const char *path = getenv("PATH") ? getenv("PATH") : DEFAULT_PATH;

	(void)argc, (void)argv;
	printf("Built-ins:\n");
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (builtins[i].help)
			printf("  %s\n", builtins[i].help);
	printf("Also: a | b, < > >> 2> 2>&1, ; & && ||, 'quotes', $NAME, $?\n");
	for (;;) {	/* each directory of $PATH that exists */
		char dir[512];
		struct dirent **list;
		size_t n = strcspn(path, ":");
		int count, col = 80;

		snprintf(dir, sizeof(dir), "%.*s", (int)n, n ? path : ".");
		count = scandir(dir, &list, visible, alphasort);
		for (int i = 0; i < count; i++) {
			int len = strlen(list[i]->d_name) + 1;
			if (i == 0)
				printf("Programs in %s:", dir);
			if (col + len > 78) {	/* a new line (the first one too) */
				printf("\n  ");
				col = 2;
			}
			printf(" %s", list[i]->d_name);
			col += len;
			free(list[i]);
		}
		if (count > 0) {
			printf("\n");
			free(list);
		}
		if (!path[n])
			return 0;
		path += n + 1;
	}
}

/* ---- Input ---- */

/*
 * Read one line from fd into buf, one byte at a time: a program the script
 * starts must find the rest of its stdin unread. Return 0 at end of file.
 */
static int read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while ((r = read(fd, &c, 1)) > 0 || (r < 0 && errno == EINTR)) {
		if (r > 0 && c == '\n')
			break;
		if (r > 0 && n + 1 < size)
			buf[n++] = c;
		else if (r > 0 && n + 1 == size)
			fprintf(stderr, "sh: line too long (cut at %zu bytes)\n", n++);
	}
	buf[n < size ? n : size - 1] = 0;
	return r > 0 || n > 0;
}

int main(int argc, char **argv)
{
	static char line[MAXLINE];
	struct sigaction sa;
	int fd = 0;

	if (!getenv("PATH"))
		setenv("PATH", DEFAULT_PATH, 1);
	sigaction(SIGINT, NULL, &sa);	/* ignored when we started: then keep it so */
	ignore_int = sa.sa_handler == SIG_IGN;
	pos = argv;
	npos = argc > 0;

	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3) {
			fprintf(stderr, "sh: -c: needs an argument\n");
			return 2;
		}
		pos = argc > 3 ? argv + 3 : argv;
		npos = argc > 3 ? argc - 3 : 1;
		for (const char *s = argv[2]; *s;) {	/* line by line */
			size_t n = strcspn(s, "\n");
			snprintf(line, sizeof(line), "%.*s", (int)n, s);
			run_line(line);
			s += n + (s[n] != 0);
		}
		return last_status;
	}
	if (argc > 1) {
		int high;
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		high = fcntl(fd, F_DUPFD_CLOEXEC, 20);	/* out of the way of 3> and such */
		if (high >= 0) {
			close(fd);
			fd = high;
		}
		pos = argv + 1;
		npos = argc - 1;
	}
	interactive = fd == 0 && isatty(0);
	if (interactive) {	/* ^C stops the command, not the shell; ^Z the job */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);	/* to take the terminal back from the background */
		signal(SIGTTIN, SIG_IGN);
		setpgid(0, 0);	/* (a session leader already leads its group: EPERM, fine) */
		take_terminal();
	}
	for (;;) {
		if (interactive) {
			report_jobs(1);
			fprintf(stderr, "$ ");
		} else {
			reap_jobs();
		}
		if (!read_line(fd, line, sizeof(line)))
			return last_status;
		run_line(line);
	}
}
