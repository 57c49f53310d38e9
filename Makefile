# Forklift: a teaching kernel for x86-64. `make help` lists the targets.
#
# Build outputs go to build/: kernel.elf (with symbols, for GDB), kernel.asm
# and kernel.sym (disassembly and symbol list, to look up a crash address by
# hand), initramfs.cpio, and os.iso (GRUB + kernel + initramfs).

# Use an x86_64-elf cross compiler when there is one, else the host gcc with
# freestanding flags (fine on an x86-64 Linux host).
CROSS_COMPILE ?= $(if $(shell command -v x86_64-elf-gcc 2>/dev/null),x86_64-elf-,)
CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
NM := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump

# make LOCKDEP=1 builds the lock debugging kernel (docs/locking.md) in a
# directory of its own, so the two builds do not undo each other.
B := $(if $(filter 1,$(LOCKDEP)),build/lockdep,build)

# Run-time knobs (see README): memory, CPUs, accelerator, kernel command line,
# and a folder of extra files for the initramfs.
MEM ?= 512M
SMP ?= 1
ACCEL ?= tcg
CMDLINE ?=
EXTRA_ROOTFS ?=

# Kernel code: no SSE/x87/MMX (their registers are not saved on entry), no
# red zone (interrupts write below RSP), the kernel code model (-2 GiB),
# frame pointers for backtraces.
KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-ffreestanding -fno-builtin -nostdinc -fno-pic -fno-pie -fno-common \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-mno-mmx -mno-sse -mno-sse2 -mno-80387 \
	-fno-stack-protector -fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fcf-protection=none -fno-asynchronous-unwind-tables \
	-Iinclude -Iarch/x86_64/include -I$(B)/include -MMD -MP
KASFLAGS := -g -Wa,--fatal-warnings -Iinclude -Iarch/x86_64/include -I$(B)/include -D__ASSEMBLY__ -MMD -MP
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

KSRC := $(filter-out arch/x86_64/asm-offsets.c,\
	$(sort $(shell find boot arch kernel mm lib init fs drivers -name '*.c' -o -name '*.S' 2>/dev/null)))
# make LOCKDEP=1: the lock debugging kernel (docs/locking.md).
ifeq ($(LOCKDEP),1)
KCFLAGS += -DCONFIG_LOCKDEP
else
KSRC := $(filter-out kernel/locking/lockdep%.c,$(KSRC))
endif
KOBJ := $(patsubst %,$(B)/%.o,$(basename $(KSRC)))

.PHONY: all iso run debug debug-qemu test bench bench-linux clean help deps FORCE
all: iso

# V=1 shows the full commands.
Q := $(if $(V),,@)

# Every compile waits for `deps` (tools/deps.sh), so on a fresh machine the
# missing packages are reported (or installed) before gcc is needed.
$(B)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.S | deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

# Structure offsets for assembly (Linux's asm-offsets): compile to assembly,
# keep the "->NAME value" markers as #defines.
$(B)/include/generated/asm-offsets.h: arch/x86_64/asm-offsets.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(CC) $(filter-out -MMD -MP,$(KCFLAGS)) -MMD -MP -MT $@ -MF $(B)/asm-offsets.d \
		-S $< -o $(B)/asm-offsets.s
	$(Q)sed -n 's/.*->\([A-Za-z_0-9]*\) \$$\{0,1\}\([0-9]*\).*/#define \1 \2/p' $(B)/asm-offsets.s > $@
$(KOBJ): | $(B)/include/generated/asm-offsets.h

# Two links, as Linux's kallsyms: the first finds where every function is;
# its symbol table goes into the .kallsyms section of the second. .kallsyms
# comes after text and rodata (linker.ld), so no function moves between the
# two links; the build checks that.
$(B)/kallsyms0.S: tools/kallsyms.sh
	@mkdir -p $(B)
	sh tools/kallsyms.sh $(NM) > $@
$(B)/kernel0.elf: $(KOBJ) $(B)/kallsyms0.o linker.ld
	$(LD) $(KLDFLAGS) -T linker.ld -o $@ $(KOBJ) $(B)/kallsyms0.o
$(B)/kallsyms.S: $(B)/kernel0.elf tools/kallsyms.sh
	sh tools/kallsyms.sh $(NM) $< > $@
$(B)/kernel.elf: $(KOBJ) $(B)/kallsyms.o linker.ld
	$(LD) $(KLDFLAGS) -T linker.ld -o $@ $(KOBJ) $(B)/kallsyms.o
	@$(NM) -n $(B)/kernel0.elf | grep ' [tT] ' > $(B)/syms0.txt
	@$(NM) -n $@ | grep ' [tT] ' > $(B)/syms1.txt
	@cmp -s $(B)/syms0.txt $(B)/syms1.txt || { echo "kallsyms: functions moved between links"; exit 1; }
	$(OBJDUMP) -d -M att $@ > $(B)/kernel.asm
	$(NM) -n $@ > $(B)/kernel.sym
	@# No SSE/x87 arithmetic in kernel code (see KCFLAGS); saving and restoring
	@# the user's registers (fxsave64/fxrstor64, arch/x86_64/fpu.c) is allowed.
	@! grep -nE '%[xy]mm[0-9]|\bf(ld|st|add|sub|mul|div)' $(B)/kernel.asm | head -5 | grep . \
		|| { echo "kernel.elf contains SSE/x87 instructions"; exit 1; }

# The initramfs: rootfs/ from the tree, the user programs (user/build.mk),
# then EXTRA_ROOTFS on top.
$(B)/initramfs.cpio: FORCE user
	@rm -rf $(B)/rootfs && mkdir -p $(B)/rootfs
	@cp -a rootfs/. $(B)/rootfs/
	@cp -a $(USER_ROOTFS)/. $(B)/rootfs/
	@if [ -n "$(EXTRA_ROOTFS)" ]; then cp -a "$(EXTRA_ROOTFS)"/. $(B)/rootfs/; fi
	@cd $(B)/rootfs && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 > ../initramfs.cpio.new
	@cmp -s $@.new $@ 2>/dev/null && rm $@.new || mv $@.new $@

# The GRUB configuration carries the command line; rewritten only when it changes.
$(B)/grub.cfg: FORCE
	@mkdir -p $(B)
	@sed 's|@CMDLINE@|$(CMDLINE)|' boot/grub.cfg > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

# ISO= names the image to write (tests/run.sh writes one per command line).
ISO ?= $(B)/os.iso

$(ISO): $(B)/kernel.elf $(B)/initramfs.cpio $(B)/grub.cfg | deps
	@rm -rf $(B)/isodir && mkdir -p $(B)/isodir/boot/grub $(dir $@)
	$(OBJCOPY) --strip-debug $(B)/kernel.elf $(B)/isodir/boot/kernel.elf
	cp $(B)/initramfs.cpio $(B)/isodir/boot/initramfs.cpio
	cp $(B)/grub.cfg $(B)/isodir/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(B)/isodir 2>$(B)/grub-mkrescue.log || { cat $(B)/grub-mkrescue.log; exit 1; }

iso: $(ISO)

deps:
	@tools/deps.sh

QEMU_ACCEL = $(shell tools/accel.sh $(ACCEL))
QEMU_FLAGS = -M pc $(QEMU_ACCEL) -m $(MEM) -smp $(SMP) -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04

run: iso
	@echo "Booting in QEMU (serial console on this terminal). Quit: Ctrl-A then X."
	qemu-system-x86_64 $(QEMU_FLAGS) -cdrom $(ISO) -display none -serial mon:stdio; \
		tools/exit-status.sh $$?

# make debug: QEMU waits for GDB, which starts with the kernel's symbols, the
# helpers of tools/gdb/ and a breakpoint on copy_process; make debug-qemu: QEMU
# alone, waiting for your debugger (docs/debugging.md). GDBPORT= picks the
# gdbstub's port; the default differs per user, so users sharing a machine
# do not collide.
GDBPORT ?= $(shell echo $$((1234 + $$(id -u) % 1000)))

debug: iso
	@ISO="$(ISO)" QEMU_FLAGS="$(QEMU_FLAGS)" GDBPORT="$(GDBPORT)" tools/gdb/debug.sh gdb

debug-qemu: iso
	@ISO="$(ISO)" QEMU_FLAGS="$(QEMU_FLAGS)" GDBPORT="$(GDBPORT)" tools/gdb/debug.sh qemu

# TESTS= runs only the named tests of tests/boot.list (e.g. TESTS="ktest boot").
# The harness runs $(MAKE) itself, to build one ISO per command line.
test: deps
	@MAKE="$(MAKE)" ACCEL="$(ACCEL)" MEM="$(MEM)" SMP="$(SMP)" V="$(V)" JOBS="$(JOBS)" tests/run.sh $(TESTS)

# make bench: user/bench booted as init under QEMU -icount shift=0; make
# bench-linux: that, then the same binary as /init under Debian's Linux in the
# same QEMU set-up, side by side (docs/benchmarks.md). 1G of guest memory
# unless MEM= is given: the 256 MiB row needs room.
BENCH_MEM = $(if $(filter command line environment,$(origin MEM)),$(MEM),1G)

bench: deps
	@MAKE="$(MAKE)" BENCH_MEM="$(BENCH_MEM)" V="$(V)" tools/bench/forklift.sh

bench-linux: bench
	@BENCH_MEM="$(BENCH_MEM)" V="$(V)" tools/bench/linux.sh

clean:
	rm -rf $(B)

help:
	@echo "make            build build/kernel.elf, build/initramfs.cpio and build/os.iso"
	@echo "make run        boot in QEMU, serial console on the terminal (quit: Ctrl-A X)"
	@echo "make debug      QEMU waiting for GDB; GDB with the helpers, a breakpoint on copy_process"
	@echo "make debug-qemu QEMU alone, waiting for a debugger (prints how to attach)"
	@echo "make test       build and run the whole test suite (QEMU, headless)"
	@echo "make user       build the user programs into build/user/bin (user/build.mk)"
	@echo "make check-linux  run the user tests natively on this Linux host (the oracle)"
	@echo "make bench      time fork, vfork, clone, faults, getpid in QEMU -icount (user/bench)"
	@echo "make bench-linux  the same under Debian's Linux kernel, side by side with ratios"
	@echo "make clean      remove build/"
	@echo "Variables: MEM=$(MEM) SMP=$(SMP) ACCEL=tcg|kvm|auto CMDLINE='...' EXTRA_ROOTFS=dir"
	@echo "           V=1 (show commands)  ISO=$(ISO)  TESTS='name ...' (make test)"
	@echo "           GDBPORT=$(GDBPORT) (make debug, debug-qemu)"
	@echo "           LOCKDEP=1 (the lock debugging kernel, in build/lockdep/: docs/locking.md)"

-include $(KOBJ:.o=.d) $(B)/asm-offsets.d

# User programs (user/build.mk): make user, make check-linux.
include user/build.mk
