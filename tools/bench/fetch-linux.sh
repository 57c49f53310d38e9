#!/bin/sh
# Fetch Debian's own Linux kernel once, for make bench-linux: the package
# linux-image-amd64 only depends on the versioned one (linux-image-6.1.0-N-
# amd64 on Debian 12), whose vmlinuz is taken out of the .deb with dpkg-deb
# (no install: only ./boot/vmlinuz-* is unpacked, not the modules).
#
#   tools/bench/fetch-linux.sh DIR     prints the path of DIR/vmlinuz
# DIR/vmlinuz and DIR/package (the package it came from) are the cache;
# delete DIR to fetch again. Needs apt-get, apt-cache, dpkg-deb, tar.
set -eu
dir=$1
if [ -s "$dir/vmlinuz" ]; then
	echo "$dir/vmlinuz"
	exit 0
fi
mkdir -p "$dir/deb"

# The versioned package the meta-package depends on.
versioned() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'
}
pkg=$(versioned)
if [ -z "$pkg" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "fetch-linux: apt knows no linux-image-amd64; run: sudo apt-get update" >&2
		exit 1
	fi
	echo "fetch-linux: apt-get update (apt knows no linux-image-amd64 yet)" >&2
	apt-get update -qq >&2
	pkg=$(versioned)
	[ -n "$pkg" ] || { echo "fetch-linux: no linux-image-amd64 in apt's sources" >&2; exit 1; }
fi

echo "fetch-linux: apt-get download $pkg (once; cached in $dir)" >&2
# As root, apt's download sandbox (user _apt) must be able to write here.
chmod 777 "$dir/deb" 2>/dev/null || true
(cd "$dir/deb" && apt-get download -q "$pkg" >&2)
deb=$(ls "$dir/deb/${pkg}"_*.deb | head -n 1)
rm -rf "$dir/root" && mkdir -p "$dir/root"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir/root" --wildcards './boot/vmlinuz-*'
cp "$dir"/root/boot/vmlinuz-* "$dir/vmlinuz"
echo "$(basename "$deb")" >"$dir/package"
rm -rf "$dir/root" "$dir/deb"	# the .deb is mostly modules: keep only the kernel
echo "$dir/vmlinuz"
