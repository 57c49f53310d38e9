/*
 * args: the System V initial stack. argc/argv/envp are laid out as the ABI
 * says (envp right after argv's NULL), and the auxiliary vector describes
 * this very program: AT_PHDR/AT_PHENT/AT_PHNUM match its ELF header,
 * AT_ENTRY is _start, AT_PAGESZ is 4096, AT_RANDOM points at 16 bytes.
 *
 * Stage 1 checks whatever argv/envp it was started with, then execve()s
 * itself with known ones; stage 2 checks those exactly. So the output does
 * not depend on how the program was started (as init, by a shell, natively).
 */
#include <elf.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "proc.h"

extern char **environ;
extern const Elf64_Ehdr __ehdr_start;	/* the linker's name for our ELF header */
extern void _start(void);		/* musl's entry point (crt1.o or rcrt1.o) */

/* A long environment string, so the copy to the new stack is more than a few bytes. */
static char long_env[300] = "LONG=";

/* The auxiliary vector must describe this program as loaded. */
static void check_auxv(void)
{
	const Elf64_Ehdr *eh = &__ehdr_start;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)((const char *)eh + eh->e_phoff);
	unsigned long bias = 0;
	const unsigned char *rnd;
	int loads = 0, nonzero = 0;

	EXPECT_EQ(getauxval(AT_PAGESZ), 4096);
	printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
	EXPECT_EQ(getauxval(AT_PHENT), sizeof(Elf64_Phdr));
	printf("AT_PHENT: %lu\n", getauxval(AT_PHENT));
	PROP(getauxval(AT_PHNUM) == eh->e_phnum, "AT_PHNUM matches the ELF header");
	PROP(getauxval(AT_PHDR) == (unsigned long)ph,
	     "AT_PHDR points at the loaded program headers");
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (loads++ == 0)
			bias = (unsigned long)eh - (ph[i].p_vaddr - ph[i].p_offset);
	}
	PROP(loads > 0, "program headers include PT_LOAD");
	if (eh->e_type == ET_EXEC)
		PROP(bias == 0, "ET_EXEC loaded at its link address");
	else
		PROP(eh->e_type == ET_DYN && bias != 0 && bias % 4096 == 0,
		     "static-pie (ET_DYN) loaded at a nonzero page-aligned base");
	PROP(getauxval(AT_ENTRY) == eh->e_entry + bias, "AT_ENTRY is e_entry plus the load base");
	PROP(getauxval(AT_ENTRY) == (unsigned long)_start, "AT_ENTRY is _start");
	rnd = (const unsigned char *)getauxval(AT_RANDOM);
	CHECK(rnd != NULL, "AT_RANDOM: expected a pointer, got none");
	for (int i = 0; i < 16; i++)
		nonzero |= rnd[i];
	PROP(nonzero, "AT_RANDOM points at 16 bytes, not all zero");
}

/* argv ends in NULL, envp follows it, environ is envp, each entry has '='. */
static void check_layout(int argc, char **argv, char **envp)
{
	int ok = 1;

	PROP(argc >= 1 && argv[0] && argv[0][0], "argv[0] is a non-empty string");
	PROP(argv[argc] == NULL, "argv[argc] is NULL");
	PROP(envp == argv + argc + 1, "envp starts right after argv's NULL");
	PROP(environ == envp, "environ is envp");
	for (char **e = envp; *e; e++)
		ok &= strchr(*e, '=') != NULL;
	PROP(ok, "every environment string contains '='");
}

/* The arguments and environment stage 1 passed must arrive exactly. */
static void check_stage2(int argc, char **argv, char **envp)
{
	const char *const want_env[] = { "FORKLIFT_ARGS_STAGE=2", "EMPTY=", long_env };
	int n;

	EXPECT_EQ(argc, 4);
	CHECK(!strcmp(argv[1], "alpha"), "argv[1]: expected \"alpha\", got \"%s\"", argv[1]);
	CHECK(!strcmp(argv[2], "beta gamma"), "argv[2]: expected \"beta gamma\", got \"%s\"", argv[2]);
	CHECK(!strcmp(argv[3], ""), "argv[3]: expected \"\", got \"%s\"", argv[3]);
	printf("argc: %d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]: \"%s\"\n", i, argv[i]);
	for (n = 0; envp[n]; n++)
		CHECK(n < 3 && !strcmp(envp[n], want_env[n]),
		      "envp[%d]: expected \"%.30s\", got \"%.30s\"", n,
		      n < 3 ? want_env[n] : "(the end)", envp[n]);
	EXPECT_EQ(n, 3);
	printf("envp: %d strings, exactly as passed\n", n);
	PROP(getenv("EMPTY") && !*getenv("EMPTY"), "getenv(\"EMPTY\") is the empty string");
}

int main(int argc, char **argv, char **envp)
{
	char self[512];

	check_start();
	memset(long_env + 5, 'x', sizeof(long_env) - 6);
	if (getenv("FORKLIFT_ARGS_STAGE")) {
		printf("stage 2 (after execve of itself)\n");
		check_layout(argc, argv, envp);
		check_stage2(argc, argv, envp);
		check_auxv();
		pass();
	}
	printf("stage 1\n");
	check_layout(argc, argv, envp);
	check_auxv();

	/* Re-exec through argv[0] if it is a path, else from $FORKLIFT_BIN or /bin. */
	snprintf(self, sizeof(self), "%s", strchr(argv[0], '/') ? argv[0] : bin_path(TEST_NAME));
	char *const nargv[] = { argv[0], "alpha", "beta gamma", "", NULL };
	char *const nenv[] = { "FORKLIFT_ARGS_STAGE=2", "EMPTY=", long_env, NULL };
	execve(self, nargv, nenv);
	CHECK(0, "execve(%s): expected to run stage 2, got -1 with %s", self, errname(errno));
}
