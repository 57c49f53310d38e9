/*
 * What uname(2) reports. This kernel speaks Linux 6.1's system-call ABI, so
 * it says "Linux" and a 6.1 release, as programs and test suites check;
 * its own name is in the release suffix and in `version`.
 * Linux: include/uapi/linux/utsname.h struct new_utsname.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

#define UTS_SYSNAME "Linux"
#define UTS_RELEASE "6.1.0-forklift"
#define UTS_VERSION "#1 Forklift teaching kernel"
#define UTS_MACHINE "x86_64"

#endif
