/*
 * The VGA text screen (80x25 at physical 0xb8000): a mirror of the console
 * for when there is a screen. Scrolls; no cursor-addressing escapes.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/vga.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x07	/* light grey on black */

static u16 *vga_mem;
static int vga_row, vga_col;

static void vga_scroll(void)
{
	memmove(vga_mem, vga_mem + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	for (int i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR << 8 | ' ';
	vga_row = VGA_ROWS - 1;
}

static void vga_putc(char c)
{
	if (c == '\n') {
		vga_col = 0;
		vga_row++;
	} else if (c == '\r') {
		vga_col = 0;
	} else if (c == '\b') {
		if (vga_col)
			vga_col--;
	} else {
		vga_mem[vga_row * VGA_COLS + vga_col] = VGA_ATTR << 8 | (u8)c;
		if (++vga_col == VGA_COLS) {
			vga_col = 0;
			vga_row++;
		}
	}
	if (vga_row == VGA_ROWS)
		vga_scroll();
}

/* Move the hardware cursor to where the next character goes. */
static void vga_update_cursor(void)
{
	u16 pos = (u16)(vga_row * VGA_COLS + vga_col);

	outb(0x0f, 0x3d4);
	outb((u8)pos, 0x3d5);
	outb(0x0e, 0x3d4);
	outb((u8)(pos >> 8), 0x3d5);
}

/* Write to the screen (printk's console, and the console tty's mirror). */
void vga_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_update_cursor();
}

static struct console vga_console = { .name = "vga", .write = vga_write };

void vga_init(void)
{
	vga_mem = __va(0xb8000);
	for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = VGA_ATTR << 8 | ' ';
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
