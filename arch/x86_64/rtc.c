/*
 * The battery-backed real-time clock (CMOS RTC, MC146818), read once at
 * boot for the wall-clock time. Linux: arch/x86/kernel/rtc.c mach_get_cmos_time().
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/rtc.h>

#define RTC_PORT_INDEX 0x70
#define RTC_PORT_DATA 0x71

static unsigned int cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/*
 * Seconds from 1970-01-01 00:00 to a UTC date (Gauss's method): count the
 * year from March, so the leap day falls at the end of a counted year.
 * Linux: kernel/time/time.c mktime64().
 */
static u64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
		    unsigned int min, unsigned int sec)
{
	int m = (int)mon - 2;	/* March = 1 ... February = 12 */

	if (m <= 0) {
		m += 12;
		year -= 1;
	}
	u64 days = year / 4 - year / 100 + year / 400 + 367 * (unsigned int)m / 12 + day +
		   (u64)year * 365 - 719499;
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

/* Seconds since the Unix epoch, from the RTC (UTC, as QEMU's -rtc base=utc). */
u64 read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, status_b;

	while (cmos_read(0x0a) & 0x80)	/* an update is in progress: wait it out */
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	status_b = cmos_read(0x0b);
	if (!(status_b & 0x04)) {	/* BCD, not binary */
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
	}
	if (!(status_b & 0x02) && (hour & 0x80))	/* 12-hour clock, PM */
		hour = ((hour & 0x7f) % 12) + 12;
	return mktime64(year + 2000, mon, day, hour & 0x7f, min, sec);
}
