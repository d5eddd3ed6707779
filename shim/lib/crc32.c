// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/crc32.c - CRC-32, one bit at a time: drivers take it over a few
 * multicast addresses when they program a hash filter, so a table would
 * buy nothing. Pure functions, safe anywhere.
 */
#include <linux/crc32.h>

#define CRC32_POLY_BE 0x04c11db7u
#define CRC32_POLY_LE 0xedb88320u /* the same polynomial, bits reversed */

u32 crc32_le(u32 crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (crc & 1 ? CRC32_POLY_LE : 0);
	}
	return crc;
}

u32 crc32_be(u32 crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= (u32)*p++ << 24;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc << 1) ^ (crc & 0x80000000u ? CRC32_POLY_BE : 0);
	}
	return crc;
}
