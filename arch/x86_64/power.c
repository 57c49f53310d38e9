/*
 * Turning the machine off, and how a run's result reaches whoever started
 * QEMU.
 *
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04)
 * ends QEMU when a value v is written to port 0xf4; QEMU's exit code is then
 * (v << 1) | 1. The kernel writes (see docs/ and README "Exit codes"):
 *
 *   v = status        init exited with status 0..63 (63 also stands for more)
 *   v = 64 + signal   init was killed by a signal
 *   v = 127           kernel panic (QEMU exits 255)
 *
 * so QEMU exits 1 when init exits 0. Without the device (real hardware,
 * other emulators) the write is ignored and we fall back to ACPI-style
 * power-off ports, then halt.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/power.h>

#define DEBUG_EXIT_PORT 0xf4

void __noreturn machine_power_off(unsigned int code)
{
	local_irq_disable();
	outb((u8)code, DEBUG_EXIT_PORT);
	outw(0x2000, 0x604);	/* QEMU q35/piix4 ACPI power-off */
	outw(0x2000, 0xb004);	/* Bochs and older QEMU */
	for (;;)
		halt();
}
