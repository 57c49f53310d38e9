/*
 * uname: the kernel presents the Linux ABI level it implements as Linux
 * does (design.md): sysname "Linux", a release that begins with three
 * numbers X.Y.Z, machine "x86_64"; every field is a terminated string. The
 * project's own name (in version) is not checked here, so this holds on
 * Linux too.
 */
#include <ctype.h>
#include <sys/utsname.h>
#include "check.h"

/* "6.1.0-forklift" and "6.18.44-fc" parse; "6.1" and "six" do not. */
static int parses_xyz(const char *s)
{
	for (int part = 0; part < 3; part++) {
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
		if (part < 2 && *s++ != '.')
			return 0;
	}
	return *s == 0 || !isdigit((unsigned char)*s);
}

/* A utsname field has its NUL within the field. */
static int terminated(const char *field)
{
	return memchr(field, 0, sizeof(((struct utsname *)0)->sysname)) != NULL;
}

int main(void)
{
	struct utsname u;

	check_start();
	OK(uname(&u));
	PROP(terminated(u.sysname) && terminated(u.nodename) && terminated(u.release) &&
	     terminated(u.version) && terminated(u.machine),
	     "every field is a NUL-terminated string");
	CHECK(!strcmp(u.sysname, "Linux"), "sysname: expected \"Linux\", got \"%s\"", u.sysname);
	printf("sysname: %s\n", u.sysname);
	CHECK(parses_xyz(u.release), "release: expected X.Y.Z..., got \"%s\"", u.release);
	printf("release parses as X.Y.Z: yes\n");
	CHECK(!strcmp(u.machine, "x86_64"), "machine: expected \"x86_64\", got \"%s\"", u.machine);
	printf("machine: %s\n", u.machine);
	PROP(u.nodename[0] != 0 && u.version[0] != 0, "nodename and version are not empty");
	pass();
}
