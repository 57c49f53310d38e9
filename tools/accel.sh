#!/bin/sh
# QEMU accelerator flags for ACCEL=tcg|kvm|auto. Software emulation (tcg) is
# the default and always works; kvm only where /dev/kvm can be opened.
kvm_ok() { [ -r /dev/kvm ] && [ -w /dev/kvm ]; }
case "${1:-tcg}" in
tcg) echo "-accel tcg" ;;
kvm)
	if kvm_ok; then echo "-accel kvm -cpu host"; else
		echo "ACCEL=kvm: /dev/kvm is not usable here; use ACCEL=tcg or auto" >&2
		echo "-accel kvm"
	fi ;;
auto) if kvm_ok; then echo "-accel kvm -cpu host"; else echo "-accel tcg"; fi ;;
*) echo "ACCEL must be tcg, kvm or auto (got '$1')" >&2; echo "-accel tcg" ;;
esac
