/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* net/ip6_checksum.h - the IPv6 pseudo-header sum (RFC 8200 8.1). */
#ifndef _NET_IP6_CHECKSUM_H
#define _NET_IP6_CHECKSUM_H

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/checksum.h>

__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr, u32 len,
			u8 proto, __wsum csum);

/* Readies a TSO frame: the device fills in lengths and sums per segment. */
static inline void tcp_v6_gso_csum_prep(struct sk_buff *skb)
{
	struct ipv6hdr *ipv6h = ipv6_hdr(skb);
	struct tcphdr *th = tcp_hdr(skb);

	ipv6h->payload_len = 0;
	th->check = ~csum_ipv6_magic(&ipv6h->saddr, &ipv6h->daddr, 0, IPPROTO_TCP, 0);
}

#endif /* _NET_IP6_CHECKSUM_H */
