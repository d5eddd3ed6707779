// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/hexdump.c - hex digits to bytes (hex_to_bin, hex2bin) and
 * print_hex_dump(): bytes as hex and ASCII, a row a line.
 */
#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/types.h>

int hex_to_bin(unsigned char ch)
{
	unsigned char lower = ch | 0x20; /* 'A'-'F' to 'a'-'f'; digits keep their value */

	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (lower >= 'a' && lower <= 'f')
		return lower - 'a' + 10;
	return -1;
}

int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++), lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (u8)(hi << 4 | lo);
	}
	return 0;
}

static u64 load(const u8 *p, int size)
{
	u64 v = 0;

	/* Little-endian groups, as the CPU would read them. */
	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type, int rowsize,
		    int groupsize, const void *buf, size_t len, bool ascii)
{
	const u8 *p = buf;
	char line[200];

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8)
		groupsize = 1;
	for (size_t off = 0; off < len; off += rowsize) {
		int n = (int)min_t(size_t, rowsize, len - off), used = 0, g;

		if (n % groupsize)
			groupsize = 1;
		for (g = 0; g < n; g += groupsize)
			used += scnprintf(line + used, sizeof(line) - used, "%s%0*llx",
					  g ? " " : "", groupsize * 2,
					  (unsigned long long)load(p + off + g, groupsize));
		if (ascii) {
			used += scnprintf(line + used, sizeof(line) - used, "%*s",
					  (rowsize - n) / groupsize * (groupsize * 2 + 1) + 2, "");
			for (g = 0; g < n; g++) {
				u8 c = p[off + g];

				used += scnprintf(line + used, sizeof(line) - used, "%c",
						  c >= 0x20 && c < 0x7f ? c : '.');
			}
		}
		if (prefix_type == DUMP_PREFIX_ADDRESS)
			printk("%s%s%p: %s\n", level, prefix_str, p + off, line);
		else if (prefix_type == DUMP_PREFIX_OFFSET)
			printk("%s%s%.8zx: %s\n", level, prefix_str, off, line);
		else
			printk("%s%s%s\n", level, prefix_str, line);
	}
}
