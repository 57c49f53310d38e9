#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

void serial_init(void);
void serial_putc(char c);
int serial_getc(void);

#endif
