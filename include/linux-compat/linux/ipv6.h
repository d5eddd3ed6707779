/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* ipv6.h - the IPv6 header (RFC 8200), as the skb's network header. */
#ifndef _LINUX_IPV6_H
#define _LINUX_IPV6_H

#include <asm/byteorder.h>
#include <linux/in6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/types.h>
#include <linux/udp.h>

#define NEXTHDR_HOP 0
#define NEXTHDR_TCP 6
#define NEXTHDR_UDP 17
#define NEXTHDR_ROUTING 43
#define NEXTHDR_ICMP 58
#define NEXTHDR_DEST 60

struct ipv6hdr {
#if defined(__LITTLE_ENDIAN_BITFIELD)
	u8 priority : 4, version : 4;
#else
	u8 version : 4, priority : 4;
#endif
	u8 flow_lbl[3];
	__be16 payload_len;
	u8 nexthdr;
	u8 hop_limit;
	struct in6_addr saddr;
	struct in6_addr daddr;
};

static inline struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb)
{
	return (struct ipv6hdr *)skb_network_header(skb);
}

static inline struct ipv6hdr *inner_ipv6_hdr(const struct sk_buff *skb)
{
	return (struct ipv6hdr *)skb_inner_network_header(skb);
}

#endif /* _LINUX_IPV6_H */
