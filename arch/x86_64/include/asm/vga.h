#ifndef _ASM_VGA_H
#define _ASM_VGA_H

#include <linux/types.h>

void vga_init(void);
void vga_write(const char *s, size_t len);

#endif
