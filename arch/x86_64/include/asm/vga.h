#ifndef _ASM_VGA_H
#define _ASM_VGA_H

void vga_init(void);

#endif
