// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_byteorder.c - K-world checks for test_kheaders.c: byte swaps (as
 * constant expressions too), the CPU/little/big-endian conversions as
 * bytes in memory, and unaligned loads and stores at odd addresses.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/swab.h>
#include <linux/unaligned.h>
#include <asm/byteorder.h>
#include <asm/unaligned.h>

#include "ktest.h"

#if !defined(__LITTLE_ENDIAN) || !defined(__LITTLE_ENDIAN_BITFIELD) || defined(__BIG_ENDIAN) || \
	defined(__BIG_ENDIAN_BITFIELD)
#error "x86-64 is little-endian: __LITTLE_ENDIAN* defined, __BIG_ENDIAN* not"
#endif

static volatile u32 vword = 0x12345678;

/* The bytes of a value as it sits in memory, first byte in the top digits. */
static u64 bytes_of(const void *p, unsigned int n)
{
	const u8 *b = p;
	u64 v = 0;

	while (n--)
		v = v << 8 | *b++;
	return v;
}

/* A protocol switch as network drivers write it: case labels in network order. */
static int protocol(__be16 proto)
{
	switch (proto) {
	case htons(0x0800):
		return 4;
	case cpu_to_be16(0x86dd):
		return 6;
	}
	return 0;
}

static int swabs(void)
{
	u16 h = 0x1234;
	u32 w = 0x12345678;
	u64 q = 0x0102030405060708ULL;

	static_assert(swab32(1) == 0x01000000, "a swap of a constant is a constant");
	KCHECK(swab16(0x1234) == 0x3412 && swab32(0x12345678) == 0x78563412);
	KCHECK(swab64(0x0102030405060708ULL) == 0x0807060504030201ULL);
	KCHECK(swab32(vword) == 0x78563412 && swab16((u16)vword) == 0x7856);
	KCHECK(swahw32(0x12345678) == 0x56781234 && swahb32(0x12345678) == 0x34127856);
	KCHECK(swab16p(&h) == 0x3412 && swab32p(&w) == 0x78563412);
	KCHECK(swab64p(&q) == 0x0807060504030201ULL);
	swab16s(&h);
	swab32s(&w);
	swab64s(&q);
	KCHECK(h == 0x3412 && w == 0x78563412 && q == 0x0807060504030201ULL);
	KCHECK(__swab(0x0102030405060708UL) == 0x0807060504030201UL);
	return 0;
}

static int conversions(void)
{
	__le16 l16 = cpu_to_le16(0x1234);
	__be16 b16 = cpu_to_be16(0x1234);
	__le32 l32 = cpu_to_le32(0x12345678);
	__be32 b32 = cpu_to_be32(0x12345678);
	__le64 l64 = cpu_to_le64(0x0102030405060708ULL);
	__be64 b64 = cpu_to_be64(0x0102030405060708ULL);
	u32 host = 0x12345678, arr[2] = { 0x11223344, 0x55667788 };
	__be32 net[2];
	u16 h16 = 0x1234;

	KCHECK(bytes_of(&l16, 2) == 0x3412 && bytes_of(&b16, 2) == 0x1234);
	KCHECK(bytes_of(&l32, 4) == 0x78563412 && bytes_of(&b32, 4) == 0x12345678);
	KCHECK(bytes_of(&l64, 8) == 0x0807060504030201ULL &&
	       bytes_of(&b64, 8) == 0x0102030405060708ULL);
	KCHECK(le16_to_cpu(l16) == 0x1234 && be16_to_cpu(b16) == 0x1234);
	KCHECK(le32_to_cpu(l32) == 0x12345678 && be32_to_cpu(b32) == 0x12345678);
	KCHECK(le64_to_cpu(l64) == 0x0102030405060708ULL &&
	       be64_to_cpu(b64) == 0x0102030405060708ULL);
	KCHECK(le32_to_cpup(&l32) == 0x12345678 && be32_to_cpup(&b32) == 0x12345678);
	KCHECK(le16_to_cpup(&l16) == 0x1234 && be16_to_cpup(&b16) == 0x1234);
	KCHECK(le64_to_cpup(&l64) == 0x0102030405060708ULL &&
	       be64_to_cpup(&b64) == 0x0102030405060708ULL);
	KCHECK(cpu_to_le32p(&host) == l32 && cpu_to_be32p(&host) == b32);
	KCHECK(cpu_to_le16p(&h16) == l16 && cpu_to_be16p(&h16) == b16);
	KCHECK(htons(0x0800) == cpu_to_be16(0x0800) &&
	       bytes_of((__be16[]){ htons(0x0800) }, 2) == 0x0800);
	KCHECK(ntohs(htons(0xabcd)) == 0xabcd && ntohl(htonl(0xdeadbeef)) == 0xdeadbeef);
	KCHECK(protocol(htons(0x0800)) == 4 && protocol(htons(0x86dd)) == 6 && protocol(0) == 0);
	KCHECK(__constant_htons(0x0800) == htons(0x0800) &&
	       __constant_cpu_to_le32(5) == cpu_to_le32(5));
	/* In-place forms: nothing for little-endian, a swap for big-endian. */
	le32_to_cpus(&host);
	cpu_to_le16s(&h16);
	KCHECK(host == 0x12345678 && h16 == 0x1234);
	cpu_to_be32s(&host);
	be16_to_cpus(&h16);
	KCHECK(host == 0x78563412 && h16 == 0x3412);
	/* Adding to a stored value. */
	le32_add_cpu(&l32, 0x10);
	be32_add_cpu(&b32, 0x10);
	le16_add_cpu(&l16, 1);
	be64_add_cpu(&b64, 1);
	KCHECK(le32_to_cpu(l32) == 0x12345688 && be32_to_cpu(b32) == 0x12345688);
	KCHECK(le16_to_cpu(l16) == 0x1235 && be64_to_cpu(b64) == 0x0102030405060709ULL);
	cpu_to_be32_array(net, arr, 2);
	KCHECK(bytes_of(net, 8) == 0x1122334455667788ULL);
	be32_to_cpu_array(arr, net, 2);
	KCHECK(arr[0] == 0x11223344 && arr[1] == 0x55667788);
	cpu_to_le32_array(arr, 2);
	le32_to_cpu_array(arr, 2);
	KCHECK(arr[0] == 0x11223344);
	return 0;
}

static int unaligned(void)
{
	u8 buf[24];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (u8)i;
	KCHECK(get_unaligned_le16(buf + 1) == 0x0201 && get_unaligned_be16(buf + 1) == 0x0102);
	KCHECK(get_unaligned_le32(buf + 3) == 0x06050403 &&
	       get_unaligned_be32(buf + 3) == 0x03040506);
	KCHECK(get_unaligned_le64(buf + 1) == 0x0807060504030201ULL);
	KCHECK(get_unaligned_be64(buf + 5) == 0x05060708090a0b0cULL);
	KCHECK(get_unaligned((const u32 *)(buf + 1)) == 0x04030201);
	KCHECK(get_unaligned((const u16 *)(buf + 7)) == 0x0807);
	KCHECK(get_unaligned((const u64 *)(buf + 3)) == 0x0a09080706050403ULL);
	KCHECK(get_unaligned_le24(buf + 1) == 0x030201 && get_unaligned_be24(buf + 1) == 0x010203);
	put_unaligned_le16(0xbeef, buf + 5);
	KCHECK(buf[4] == 4 && buf[5] == 0xef && buf[6] == 0xbe && buf[7] == 7);
	put_unaligned_be16(0xbeef, buf + 5);
	KCHECK(buf[5] == 0xbe && buf[6] == 0xef);
	put_unaligned_le32(0xdeadbeef, buf + 9);
	KCHECK(bytes_of(buf + 8, 6) == 0x08efbeadde0dULL);
	put_unaligned_be32(0xdeadbeef, buf + 9);
	KCHECK(bytes_of(buf + 9, 4) == 0xdeadbeef);
	put_unaligned_le64(0x1122334455667788ULL, buf + 3);
	KCHECK(bytes_of(buf + 3, 8) == 0x8877665544332211ULL && buf[2] == 2 && buf[11] == 0xbe);
	put_unaligned_be64(0x1122334455667788ULL, buf + 13);
	KCHECK(bytes_of(buf + 13, 8) == 0x1122334455667788ULL && buf[21] == 21);
	put_unaligned((u32)0xcafef00d, (u32 *)(buf + 1));
	KCHECK(get_unaligned_le32(buf + 1) == 0xcafef00d);
	put_unaligned((u16)0x1234, (u16 *)(buf + 15));
	KCHECK(buf[15] == 0x34 && buf[16] == 0x12);
	put_unaligned_le24(0xabcdef, buf + 17);
	KCHECK(bytes_of(buf + 17, 3) == 0xefcdab && get_unaligned_le24(buf + 17) == 0xabcdef);
	put_unaligned_be24(0xabcdef, buf + 17);
	KCHECK(bytes_of(buf + 17, 3) == 0xabcdef && get_unaligned_be24(buf + 17) == 0xabcdef);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "swab", swabs },
	{ "conversions", conversions },
	{ "unaligned_odd_addresses", unaligned },
};

int ktest_kh_byteorder(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
