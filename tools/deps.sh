#!/bin/sh
# Install the Debian packages the build and tests need, if any is missing.
# As root: apt-get installs them. Otherwise: print the exact command, stop.
set -e
need=""
have() { command -v "$1" >/dev/null 2>&1; }
have gcc || need="$need gcc"
have make || need="$need make"
have ld || need="$need binutils"
have qemu-system-x86_64 || need="$need qemu-system-x86"
have grub-mkrescue || need="$need grub-common"
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
have xorriso || need="$need xorriso"
have mformat || need="$need mtools"
have cpio || need="$need cpio"
have musl-gcc || need="$need musl-tools"
have gdb || need="$need gdb"
have timeout || need="$need coreutils"
[ -z "$need" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages. Install them with:"
	echo "  sudo apt-get install -y$need"
	exit 1
fi
echo "Installing Debian packages:$need"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends$need >/dev/null
