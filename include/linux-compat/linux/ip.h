/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* ip.h - the IPv4 header (RFC 791), as the skb's network header. */
#ifndef _LINUX_IP_H
#define _LINUX_IP_H

#include <asm/byteorder.h>
#include <linux/in.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct iphdr {
#if defined(__LITTLE_ENDIAN_BITFIELD)
	u8 ihl : 4, version : 4;
#else
	u8 version : 4, ihl : 4;
#endif
	u8 tos;
	__be16 tot_len;
	__be16 id;
	__be16 frag_off;
	u8 ttl;
	u8 protocol;
	__sum16 check;
	__be32 saddr;
	__be32 daddr;
};

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

static inline struct iphdr *inner_ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_inner_network_header(skb);
}

static inline unsigned int ip_hdrlen(const struct sk_buff *skb)
{
	return ip_hdr(skb)->ihl * 4;
}

#endif /* _LINUX_IP_H */
