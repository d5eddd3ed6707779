/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/checksum.h - the Internet checksum (RFC 1071): 32-bit partial sums
 * (__wsum) folded into the 16-bit ones' complement (__sum16), and the
 * TCP/UDP pseudo-header sums that offloading drivers seed.
 */
#ifndef _NET_CHECKSUM_H
#define _NET_CHECKSUM_H

#include <asm/byteorder.h>
#include <linux/types.h>

/* shim/lib/checksum.c */
__wsum csum_partial(const void *buf, int len, __wsum sum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);

static inline __wsum csum_add(__wsum csum, __wsum addend)
{
	u32 res = (__force u32)csum + (__force u32)addend;

	return (__force __wsum)(res + (res < (__force u32)addend));
}

static inline __wsum csum_sub(__wsum csum, __wsum addend)
{
	return csum_add(csum, (__force __wsum) ~(__force u32)addend);
}

static inline __sum16 csum_fold(__wsum csum)
{
	u32 sum = (__force u32)csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__force __sum16)(u16)~sum;
}

static inline __wsum csum_unfold(__sum16 n)
{
	return (__force __wsum)(u32)(__force u16)n;
}

/* The pseudo-header sum: addresses, protocol and length, not folded. */
static inline __wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
	u64 s = (__force u32)sum;

	s += (__force u32)saddr;
	s += (__force u32)daddr;
	/*
	 * In network order, as the rest: the protocol byte follows a zero.
	 * Each term goes into the 64-bit sum alone: added as two u32s first,
	 * a length such as 1020 (fc 03 00 00 beside 00 00 00 06) lost a carry.
	 */
	s += (__force u32)htonl(proto);
	s += (__force u32)htonl(len);
	s = (s & 0xffffffff) + (s >> 32);
	s = (s & 0xffffffff) + (s >> 32);
	return (__force __wsum)(u32)s;
}

static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

#define CSUM_MANGLED_0 ((__force __sum16)0xffff)

#endif /* _NET_CHECKSUM_H */
