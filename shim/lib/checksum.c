// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/checksum.c - the Internet checksum (RFC 1071). Sums are taken over
 * the bytes as the CPU loads them (little-endian 16-bit words); folding
 * gives the checksum in memory order, which is what goes in the header.
 * A 64-bit accumulator takes 32-bit halves, carries folded at the end.
 */
#include <linux/in6.h>
#include <linux/string.h>
#include <linux/types.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

static u32 fold64(u64 s)
{
	s = (s & 0xffffffff) + (s >> 32);
	s = (s & 0xffffffff) + (s >> 32);
	return (u32)s;
}

__wsum csum_partial(const void *buf, int len, __wsum sum)
{
	const unsigned char *p = buf;
	u64 s = (__force u32)sum, w;
	u32 w4;

	/* Two 32-bit halves a load: no carry lost in the 64-bit sum. */
	for (; len >= 8; len -= 8, p += 8) {
		__builtin_memcpy(&w, p, 8);
		s += (w & 0xffffffff) + (w >> 32);
	}
	if (len >= 4) {
		__builtin_memcpy(&w4, p, 4);
		s += w4;
		p += 4;
		len -= 4;
	}
	if (len >= 2) {
		s += (u32)p[0] | (u32)p[1] << 8;
		p += 2;
		len -= 2;
	}
	if (len)
		s += p[0];
	return (__force __wsum)fold64(s);
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, (int)ihl * 4, 0));
}

__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr, u32 len,
			u8 proto, __wsum csum)
{
	u64 s = (__force u32)csum;

	for (int i = 0; i < 4; i++)
		s += (__force u32)saddr->s6_addr32[i] + (u64)(__force u32)daddr->s6_addr32[i];
	s += (__force u32)htonl(len);
	s += (__force u32)htonl(proto);
	return csum_fold((__force __wsum)fold64(s));
}
