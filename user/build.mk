# User programs: every user/NAME.c is one program, a static musl binary in
# build/user/bin/NAME that runs both on Forklift and natively on Linux (the
# oracle). Included by the top Makefile.
#
#   make user          build them all
#   make check-linux   build them and run each natively (user/check-linux.sh)
#
# user/bench.c is a benchmark, not a test: built like the others but not in
# tests.list; `make bench` and `make bench-linux` run it (tools/bench/).
#
# A few are also built as static-pie (NAME-pie), since the kernel must load
# both ET_EXEC and ET_DYN executables.
#
# `make user` also stages what the initramfs needs in build/user/rootfs:
# bin/ (every program, so /bin/sh and /bin/ps), sbin/init (moved out of
# bin/: the kernel runs /sbin/init), etc/forklift/tests.list and
# etc/forklift/expected/ (for /bin/runtests), and an empty tmp/ (several
# tests work in /tmp). The initramfs rule copies it over rootfs/.

# In build/ whatever B is: the programs do not depend on the kernel's
# configuration, so build/lockdep (make LOCKDEP=1) uses the same ones.
USER_BIN := build/user/bin
USER_ROOTFS := build/user/rootfs
MUSL_LIB ?= /usr/lib/x86_64-linux-musl
# The compiler Debian's musl-gcc wraps; called directly for static-pie.
MUSL_REALGCC ?= x86_64-linux-gnu-gcc
UCFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -Iuser/lib

USER_NAMES := $(sort $(notdir $(basename $(wildcard user/*.c))))
USER_PIE_NAMES := hello args
USER_PROGS := $(addprefix $(USER_BIN)/,$(USER_NAMES) $(addsuffix -pie,$(USER_PIE_NAMES)))
USER_HDRS := $(wildcard user/lib/*.h)

$(USER_BIN)/%-pie: user/%.c $(USER_HDRS) user/lib/static-pie.specs
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC-PIE $@")
	$(Q)$(MUSL_REALGCC) -specs $(MUSL_LIB)/musl-gcc.specs -specs user/lib/static-pie.specs \
		-static-pie -fPIE $(UCFLAGS) -DTEST_NAME='"$*-pie"' $< -o $@

$(USER_BIN)/%: user/%.c $(USER_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $@")
	$(Q)musl-gcc -static $(UCFLAGS) -DTEST_NAME='"$*"' $< -o $@

# A shell test (user/sh_NAME.c) holds its script, user/sh_NAME.sh: see
# user/lib/shtest.h. Rebuild it when the script changes.
SH_SCRIPTS := $(wildcard user/sh_*.sh)
$(SH_SCRIPTS:user/%.sh=$(USER_BIN)/%): $(USER_BIN)/%: user/%.sh

.PHONY: user check-linux
user: build/user/rootfs.stamp

# Restaged only when an input changes, so the initramfs stays byte-identical.
build/user/rootfs.stamp: $(USER_PROGS) user/tests.list $(wildcard user/expected/*.out)
	@rm -rf $(USER_ROOTFS) && mkdir -p $(USER_ROOTFS)/bin $(USER_ROOTFS)/etc/forklift/expected
	@mkdir -p -m 1777 $(USER_ROOTFS)/tmp
	@cp $(USER_PROGS) $(USER_ROOTFS)/bin/
	@mkdir -p $(USER_ROOTFS)/sbin && mv $(USER_ROOTFS)/bin/init $(USER_ROOTFS)/sbin/init
	@cp user/tests.list $(USER_ROOTFS)/etc/forklift/
	@cp user/expected/*.out $(USER_ROOTFS)/etc/forklift/expected/
	@touch $@

check-linux: user
	sh user/check-linux.sh $(USER_BIN)
