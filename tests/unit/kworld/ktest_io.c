// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_io.c - K-world checks for test_kheaders.c: the MMIO accessors of
 * asm/io.h, on ordinary memory standing in for a BAR (the accessors are
 * plain MOVs; what a device does with them is for the guest tests): widths,
 * byte order, the big-endian and repeated forms, the copies to and from
 * device memory at odd offsets, and the split 64-bit accesses.
 */
#include <linux/io-64-nonatomic-hi-lo.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "ktest.h"

/* A fake register file, aligned as a BAR is. */
static u8 bar[64] __aligned(64);

static void fill(u8 *p, unsigned int n, u8 first)
{
	while (n--)
		*p++ = first++;
}

static int read_write_widths(void)
{
	void __iomem *regs = bar;

	fill(bar, sizeof(bar), 0);
	KCHECK(readb(regs + 1) == 0x01 && readw(regs + 2) == 0x0302);
	KCHECK(readl(regs + 4) == 0x07060504 && readq(regs + 8) == 0x0f0e0d0c0b0a0908ULL);
	KCHECK(readb_relaxed(regs + 3) == 3 && readw_relaxed(regs + 4) == 0x0504);
	KCHECK(readl_relaxed(regs + 8) == 0x0b0a0908 &&
	       readq_relaxed(regs) == 0x0706050403020100ULL);
	KCHECK(__raw_readl(regs + 12) == 0x0f0e0d0c && __raw_readb(regs + 9) == 9);
	writeb(0xaa, regs);
	writew(0xbbcc, regs + 2);
	writel(0x11223344, regs + 4);
	writeq(0x5566778899aabbccULL, regs + 8);
	KCHECK(bar[0] == 0xaa && bar[1] == 1 && bar[2] == 0xcc && bar[3] == 0xbb);
	KCHECK(bar[4] == 0x44 && bar[7] == 0x11 && bar[8] == 0xcc && bar[15] == 0x55);
	writel_relaxed(0xcafef00d, regs + 16);
	writeq_relaxed(1, regs + 24);
	writeb_relaxed(7, regs + 20);
	writew_relaxed(0x0908, regs + 22);
	__raw_writel(0x01020304, regs + 32);
	__raw_writeq(~0ULL, regs + 40);
	KCHECK(readl(regs + 16) == 0xcafef00d && readq(regs + 24) == 1);
	KCHECK(readb(regs + 20) == 7 && readw(regs + 22) == 0x0908);
	KCHECK(readl(regs + 32) == 0x01020304 && readq(regs + 40) == ~0ULL);
	/* ioread/iowrite, and their big-endian forms. */
	iowrite8(0x12, regs + 48);
	iowrite16(0x3456, regs + 50);
	iowrite32(0x789abcde, regs + 52);
	KCHECK(ioread8(regs + 48) == 0x12 && ioread16(regs + 50) == 0x3456);
	KCHECK(ioread32(regs + 52) == 0x789abcde && bar[52] == 0xde);
	iowrite32be(0x11223344, regs + 56);
	KCHECK(bar[56] == 0x11 && bar[59] == 0x44 && ioread32be(regs + 56) == 0x11223344);
	iowrite16be(0xabcd, regs + 60);
	KCHECK(bar[60] == 0xab && ioread16be(regs + 60) == 0xabcd && ioread16(regs + 60) == 0xcdab);
	iowrite64(0x0123456789abcdefULL, regs + 40);
	KCHECK(ioread64(regs + 40) == 0x0123456789abcdefULL);
	return 0;
}

static int repeat_and_copy(void)
{
	void __iomem *regs = bar;
	u8 buf[40];
	unsigned int off, len, i;

	/* Repeated access to one register (a FIFO) into an odd-aligned buffer. */
	fill(bar, sizeof(bar), 0x40);
	ioread16_rep(regs + 2, buf + 1, 3);
	KCHECK(buf[1] == 0x42 && buf[2] == 0x43 && buf[5] == 0x42 && buf[6] == 0x43);
	ioread32_rep(regs + 4, buf + 3, 2);
	KCHECK(get_unaligned_le32(buf + 3) == 0x47464544 &&
	       get_unaligned_le32(buf + 7) == 0x47464544);
	ioread8_rep(regs + 9, buf, 4);
	KCHECK(buf[0] == 0x49 && buf[3] == 0x49);
	fill(buf, sizeof(buf), 1);
	iowrite32_rep(regs + 12, buf + 1, 3);
	KCHECK(readl(regs + 12) == get_unaligned_le32(buf + 9));
	iowrite16_rep(regs + 16, buf + 1, 2);
	KCHECK(readw(regs + 16) == get_unaligned_le16(buf + 3));
	iowrite8_rep(regs + 18, buf, 5);
	KCHECK(readb(regs + 18) == buf[4]);
	/* Copies at every small offset and length, against a byte loop. */
	for (off = 0; off < 8; off++) {
		for (len = 0; len <= 24; len++) {
			fill(bar, sizeof(bar), 0x80);
			memset(buf, 0, sizeof(buf));
			memcpy_fromio(buf + 1, regs + off, len);
			for (i = 0; i < len; i++)
				KCHECK(buf[1 + i] == (u8)(0x80 + off + i));
			KCHECK(buf[0] == 0 && buf[1 + len] == 0);
			fill(buf, sizeof(buf), 0x10);
			fill(bar, sizeof(bar), 0x80);
			memcpy_toio(regs + off, buf + 3, len);
			for (i = 0; i < sizeof(bar); i++)
				KCHECK(bar[i] == (i >= off && i < off + len ? (u8)(0x13 + i - off)
									    : (u8)(0x80 + i)));
			fill(bar, sizeof(bar), 0x80);
			memset_io(regs + off, 0x5a, len);
			for (i = 0; i < sizeof(bar); i++)
				KCHECK(bar[i] ==
				       (i >= off && i < off + len ? 0x5a : (u8)(0x80 + i)));
		}
	}
	return 0;
}

static int split_64bit(void)
{
	void __iomem *regs = bar;

	lo_hi_writeq(0x1122334455667788ULL, regs + 8);
	KCHECK(readl(regs + 8) == 0x55667788 && readl(regs + 12) == 0x11223344);
	KCHECK(lo_hi_readq(regs + 8) == 0x1122334455667788ULL);
	KCHECK(hi_lo_readq(regs + 8) == 0x1122334455667788ULL);
	hi_lo_writeq(0x99aabbccddeeff00ULL, regs + 16);
	KCHECK(readq(regs + 16) == 0x99aabbccddeeff00ULL);
	lo_hi_writeq_relaxed(5, regs + 24);
	hi_lo_writeq_relaxed(6, regs + 32);
	KCHECK(lo_hi_readq_relaxed(regs + 24) == 5 && hi_lo_readq_relaxed(regs + 32) == 6);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "mmio_widths_and_order", read_write_widths },
	{ "mmio_repeat_and_copy", repeat_and_copy },
	{ "mmio_split_64bit", split_64bit },
};

int ktest_kh_io(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
