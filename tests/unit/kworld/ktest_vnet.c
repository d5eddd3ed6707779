// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_vnet.c - the virtio-net headers the host hands the driver
 * (shim/net/vnet.c): a table of frames, each built here, perhaps broken
 * in one byte or cut short, with the header the host sent. A bad one must
 * be refused and counted with the frame untouched; a good one must give
 * the skb fields a driver's TSO and checksum offload trust, every offset
 * of them inside the frame. test_net.c runs the table.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include "../../../shim/entry.h"
#include "../../../shim/net/net.h"
#include "ktest.h"
#include "uhost_tap.h"

/* Frame kinds: IPv4 with TCP or UDP, IPv6 with TCP, ARP. */
enum { V_TCP4, V_UDP4, V_TCP6, V_ARP };

/* Offsets in an untagged frame without options. */
#define NH 14
#define TH4 34 /* the TCP/UDP header after IPv4 */
#define TH6 54 /* ... after IPv6 */
#define DOFF4 (TH4 + 12) /* the byte of the TCP data offset */
#define LEN4(payload) (TH4 + 20 + (payload))
#define CANARY 64 /* bytes after the frame that nobody may write */

#define NEEDS_CSUM UHOST_VNET_F_NEEDS_CSUM
#define TCPV4 UHOST_VNET_GSO_TCPV4
#define TCPV6 UHOST_VNET_GSO_TCPV6

struct vnet_case {
	const char *name;
	u8 kind;
	bool vlan; /* an 802.1Q tag before the type */
	u8 opts; /* IPv4: option words (ihl 5 + opts); IPv6: one 8-byte hop-by-hop header */
	u16 payload; /* after the TCP or UDP header; ARP: bytes of padding */
	u16 cut; /* the frame cut to this length (0: not) */
	u16 patch_at; /* one byte set to patch after building (0: none) */
	u8 patch;
	unsigned int mtu; /* 0: 1500 */
	netdev_features_t strip; /* offloads this device lacks */
	struct uhost_vnet_hdr vh;
	bool bad; /* refused and counted; else taken as below */
	u8 summed;
	u16 start, off; /* checksum start (from the frame) and offset */
	u16 nh; /* 0: 14 */
	unsigned int gso_type; /* SKB_GSO_*, DODGY included */
	u16 gso_size, gso_segs;
};

#define DODGY SKB_GSO_DODGY

static const struct vnet_case vnet_cases[] = {
	/* Taken. */
	{ "plain", V_TCP4, .payload = 100 },
	{ "csum_tcp4", V_TCP4, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = TH4, .csum_offset = 16 }, .summed = CHECKSUM_PARTIAL,
	  .start = TH4, .off = 16 },
	{ "csum_udp4", V_UDP4, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = TH4, .csum_offset = 6 }, .summed = CHECKSUM_PARTIAL,
	  .start = TH4, .off = 6 },
	{ "csum_vlan", V_TCP4, .vlan = true, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = TH4 + 4, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4 + 4, .off = 16, .nh = NH + 4 },
	{ "tso4", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4, .off = 16, .gso_type = SKB_GSO_TCPV4 | DODGY,
	  .gso_size = 1448, .gso_segs = 3 },
	{ "tso4_ecn", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4 | UHOST_VNET_GSO_ECN, .gso_size = 1000, .csum_start = TH4,
		  .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4, .off = 16,
	  .gso_type = SKB_GSO_TCPV4 | SKB_GSO_TCP_ECN | DODGY, .gso_size = 1000, .gso_segs = 3 },
	{ "tso4_ip_options", V_TCP4, .opts = 1, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4 + 4, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4 + 4, .off = 16,
	  .gso_type = SKB_GSO_TCPV4 | DODGY, .gso_size = 1448, .gso_segs = 3 },
	{ "tso4_vlan", V_TCP4, .vlan = true, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4 + 4, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4 + 4, .off = 16, .nh = NH + 4,
	  .gso_type = SKB_GSO_TCPV4 | DODGY, .gso_size = 1448, .gso_segs = 3 },
	{ "tso6", V_TCP6, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 1440, .csum_start = TH6, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH6, .off = 16, .gso_type = SKB_GSO_TCPV6 | DODGY,
	  .gso_size = 1440, .gso_segs = 3 },
	{ "tso6_hop_by_hop", V_TCP6, .opts = 1, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 1440, .csum_start = TH6 + 8, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH6 + 8, .off = 16,
	  .gso_type = SKB_GSO_TCPV6 | DODGY, .gso_size = 1440, .gso_segs = 3 },
	/* As Linux's GSO does: the checksum is set up from the headers found. */
	{ "tso4_without_needs_csum", V_TCP4, .payload = 3000, .vh = { 0, TCPV4, .gso_size = 1448 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4, .off = 16, .gso_type = SKB_GSO_TCPV4 | DODGY,
	  .gso_size = 1448, .gso_segs = 3 },
	{ "tso6_without_needs_csum", V_TCP6, .payload = 3000, .vh = { 0, TCPV6, .gso_size = 1440 },
	  .summed = CHECKSUM_PARTIAL, .start = TH6, .off = 16, .gso_type = SKB_GSO_TCPV6 | DODGY,
	  .gso_size = 1440, .gso_segs = 3 },
	/* No more payload than one segment: Linux takes it as a plain frame. */
	{ "gso_one_segment_is_plain", V_TCP4, .payload = 1448,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .summed = CHECKSUM_PARTIAL, .start = TH4, .off = 16 },

	/* Refused. e1000's TSO writes the TCP checksum 14 bytes past the frame. */
	{ "gso_csum_start_near_end", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = LEN4(3000) - 4 },
	  .bad = true },
	{ "tcp_doff_beyond_frame", V_TCP4, .payload = 20, .patch_at = DOFF4, .patch = 15 << 4,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 10, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "gso_on_arp", V_ARP, .payload = 200,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 100, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "tcpv6_gso_on_ipv4", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	/* The same with the checksum where a TCP header after IPv6 could be. */
	{ "tcpv6_gso_on_ipv4_options", V_TCP4, .opts = 5, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 1448, .csum_start = TH4 + 20, .csum_offset = 16 },
	  .bad = true },
	{ "tcpv6_gso_on_ipv4_without_csum", V_TCP4, .payload = 3000,
	  .vh = { 0, TCPV6, .gso_size = 1448 }, .bad = true },
	{ "tcpv4_gso_on_ipv6", V_TCP6, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH6, .csum_offset = 16 },
	  .bad = true },
	{ "gso_size_zero", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 0, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	/* Refused, though the MTU would take it as a plain frame. */
	{ "gso_size_by_frags", V_TCP4, .payload = 3000, .mtu = 65535,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 0xffff, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "gso_type_unknown", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, 2, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "gso_type_udp_never_offered", V_UDP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, UHOST_VNET_GSO_UDP, .gso_size = 1448, .csum_start = TH4,
		  .csum_offset = 6 },
	  .bad = true },
	{ "gso_type_ecn_alone", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, UHOST_VNET_GSO_ECN, .gso_size = 1448, .csum_start = TH4,
		  .csum_offset = 16 },
	  .bad = true },
	{ "csum_offset_beyond_frame", V_TCP4, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = TH4, .csum_offset = 20 + 100 - 1 }, .bad = true },
	{ "csum_start_beyond_frame", V_TCP4, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = LEN4(100), .csum_offset = 0 }, .bad = true },
	{ "csum_start_in_ethernet_header", V_TCP4, .payload = 100,
	  .vh = { NEEDS_CSUM, .csum_start = 10, .csum_offset = 0 }, .bad = true },
	/* Past what skb->csum_start (16 bits, from the buffer's head) holds. */
	{ "csum_start_past_16_bits", V_TCP4, .payload = 65466, .mtu = 65535,
	  .vh = { NEEDS_CSUM, .csum_start = 65500, .csum_offset = 0 }, .bad = true },
	{ "gso_csum_offset_not_tcp_check", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 6 },
	  .bad = true },
	{ "gso_csum_start_not_tcp_header", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4 + 4, .csum_offset = 16 },
	  .bad = true },
	{ "ipv4_ihl_below_5", V_TCP4, .payload = 3000, .patch_at = NH, .patch = 0x44,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "ipv4_ihl_beyond_frame", V_TCP4, .payload = 10, .patch_at = NH, .patch = 0x4f,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 5, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "ipv4_version_not_4", V_TCP4, .payload = 3000, .patch_at = NH, .patch = 0x65,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "ipv4_header_truncated", V_TCP4, .payload = 3000, .cut = NH + 10,
	  .vh = { 0, TCPV4, .gso_size = 1448 }, .bad = true },
	{ "udp_with_tcp_gso", V_UDP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "tcp_doff_below_5", V_TCP4, .payload = 3000, .patch_at = DOFF4, .patch = 4 << 4,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 1448, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	/* 60 bytes of TCP header leave 30 of payload: not more than gso_size. */
	{ "gso_payload_within_one_segment", V_TCP4, .payload = 70, .patch_at = DOFF4,
	  .patch = 15 << 4,
	  .vh = { NEEDS_CSUM, TCPV4, .gso_size = 50, .csum_start = TH4, .csum_offset = 16 },
	  .bad = true },
	{ "ipv6_hop_by_hop_beyond_frame", V_TCP6, .opts = 1, .payload = 100, .patch_at = TH6 + 1,
	  .patch = 255,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 50, .csum_start = TH6 + 8, .csum_offset = 16 },
	  .bad = true },
	{ "hdr_len_beyond_frame", V_TCP4, .payload = 3000,
	  .vh = { NEEDS_CSUM, TCPV4, .hdr_len = LEN4(3000) + 1, .gso_size = 1448, .csum_start = TH4,
		  .csum_offset = 16 },
	  .bad = true },
	/* Linux's tun takes the protocol from the outer Ethernet type here. */
	{ "gso_vlan_without_csum", V_TCP4, .vlan = true, .payload = 3000,
	  .vh = { 0, TCPV4, .gso_size = 1448 }, .bad = true },
	{ "vlan_truncated", V_TCP4, .vlan = true, .payload = 100, .cut = NH + 2, .bad = true },
	{ "plain_over_mtu", V_TCP4, .payload = 1500 - 40 + 1, .bad = true },
	{ "tso6_not_offered", V_TCP6, .payload = 3000, .strip = NETIF_F_TSO6,
	  .vh = { NEEDS_CSUM, TCPV6, .gso_size = 1440, .csum_start = TH6, .csum_offset = 16 },
	  .bad = true },
	{ "tso_ecn_not_offered", V_TCP4, .payload = 3000, .strip = NETIF_F_TSO_ECN,
	  .vh = { NEEDS_CSUM, TCPV4 | UHOST_VNET_GSO_ECN, .gso_size = 1448, .csum_start = TH4,
		  .csum_offset = 16 },
	  .bad = true },
	{ "csum_not_offered", V_TCP4, .payload = 100, .strip = NETIF_F_CSUM_MASK,
	  .vh = { NEEDS_CSUM, .csum_start = TH4, .csum_offset = 16 }, .bad = true },
};

static const u8 vnet_dst[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x02 };
static const u8 vnet_src[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 };

static void put16(u8 *p, unsigned int v)
{
	p[0] = (u8)(v >> 8);
	p[1] = (u8)v;
}

static u16 vnet_type(const struct vnet_case *c)
{
	if (c->kind == V_TCP6)
		return ETH_P_IPV6;
	return c->kind == V_ARP ? ETH_P_ARP : ETH_P_IP;
}

/* The case's frame into buf (room enough); returns its length. */
static unsigned int vnet_build(const struct vnet_case *c, u8 *buf)
{
	unsigned int n = 2 * ETH_ALEN, nh, l4, l4len, len;
	u16 type = vnet_type(c);

	memcpy(buf, vnet_dst, ETH_ALEN);
	memcpy(buf + ETH_ALEN, vnet_src, ETH_ALEN);
	if (c->vlan) {
		put16(buf + n, ETH_P_8021Q);
		put16(buf + n + 2, 7);
		n += 4;
	}
	put16(buf + n, type);
	nh = n + 2;
	if (c->kind == V_ARP) {
		/* Ethernet/IPv4, a request; then padding. */
		memset(buf + nh, 0, 28 + c->payload);
		put16(buf + nh, 1);
		put16(buf + nh + 2, ETH_P_IP);
		buf[nh + 4] = ETH_ALEN;
		buf[nh + 5] = 4;
		put16(buf + nh + 6, 1);
		return nh + 28 + c->payload;
	}
	l4len = (c->kind == V_UDP4 ? 8 : 20) + c->payload;
	if (c->kind == V_TCP6) {
		l4 = nh + 40 + (c->opts ? 8 : 0);
		memset(buf + nh, 0, l4 - nh);
		buf[nh] = 0x60;
		put16(buf + nh + 4, l4 - nh - 40 + l4len);
		buf[nh + 6] = c->opts ? NEXTHDR_HOP : NEXTHDR_TCP;
		buf[nh + 7] = 64;
		buf[nh + 8] = 0xfd;
		buf[nh + 23] = 1;
		buf[nh + 24] = 0xfd;
		buf[nh + 39] = 2;
		if (c->opts) {
			buf[nh + 40] = NEXTHDR_TCP;
			buf[nh + 41] = 0; /* 8 bytes: two of header, a PadN option of 6 */
			buf[nh + 42] = 1;
			buf[nh + 43] = 4;
		}
	} else {
		l4 = nh + 20 + 4 * c->opts;
		memset(buf + nh, 0, l4 - nh);
		buf[nh] = (u8)(0x40 | (5 + c->opts));
		put16(buf + nh + 2, l4 - nh + l4len);
		put16(buf + nh + 6, 0x4000); /* DF */
		buf[nh + 8] = 64;
		buf[nh + 9] = c->kind == V_UDP4 ? IPPROTO_UDP : IPPROTO_TCP;
		memcpy(buf + nh + 12, "\x0a\x09\x00\x01\x0a\x09\x00\x02", 8);
		for (unsigned int i = 0; i < 4u * c->opts; i++)
			buf[nh + 20 + i] = 1; /* no-operation options */
		*(__sum16 *)(buf + nh + 10) = ip_fast_csum(buf + nh, 5 + c->opts);
	}
	memset(buf + l4, 0, l4len - c->payload);
	put16(buf + l4, 40000);
	put16(buf + l4 + 2, 5201);
	if (c->kind == V_UDP4) {
		put16(buf + l4 + 4, l4len);
	} else {
		put16(buf + l4 + 4, 0x1234);
		buf[l4 + 12] = 5 << 4;
		buf[l4 + 13] = 0x10; /* ACK */
		put16(buf + l4 + 14, 512);
	}
	len = l4 + l4len;
	for (unsigned int i = len - c->payload; i < len; i++)
		buf[i] = (u8)(i * 7);
	if (c->patch_at)
		buf[c->patch_at] = c->patch;
	return c->cut ? c->cut : len;
}

/* What a driver trusts of a taken skb lies inside the frame. */
static int vnet_in_frame(const struct sk_buff *skb, unsigned int len)
{
	const struct tcphdr *th;
	unsigned int thoff;

	KCHECK(skb->len == len && !skb_is_nonlinear(skb));
	KCHECK(skb_mac_header(skb) == skb->data && skb_network_offset(skb) <= (int)len);
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		KCHECK(skb_checksum_start_offset(skb) >= 0);
		KCHECK(skb_checksum_start_offset(skb) + skb->csum_offset + 2u <= len);
	}
	if (!skb_is_gso(skb))
		return 0;
	/* TSO rewrites the IP header and the TCP checksum, and sends doff * 4. */
	KCHECK(skb->ip_summed == CHECKSUM_PARTIAL);
	thoff = (unsigned int)skb_transport_offset(skb);
	KCHECK(skb_checksum_start_offset(skb) == (int)thoff);
	KCHECK(thoff >=
	       (unsigned int)skb_network_offset(skb) +
		       (skb_is_gso_v6(skb) ? sizeof(struct ipv6hdr) : sizeof(struct iphdr)));
	KCHECK(thoff + sizeof(struct tcphdr) <= len);
	th = tcp_hdr(skb);
	KCHECK(th->doff >= 5 && thoff + th->doff * 4u < len);
	KCHECK(skb_tcp_all_headers(skb) == (int)(thoff + th->doff * 4u));
	return 0;
}

/* The pseudo-header sum Linux's GSO seeds the TCP checksum with. */
static __sum16 vnet_pseudo(const struct sk_buff *skb)
{
	unsigned int l4len = skb->len - (unsigned int)skb_transport_offset(skb);

	if (skb_is_gso_v6(skb))
		return ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr, &ipv6_hdr(skb)->daddr, l4len,
					IPPROTO_TCP, 0);
	return ~csum_tcpudp_magic(ip_hdr(skb)->saddr, ip_hdr(skb)->daddr, l4len, IPPROTO_TCP, 0);
}

static int vnet_run(const struct vnet_case *c)
{
	struct net_device *dev = alloc_etherdev(0);
	unsigned int len, room = 65536 + VLAN_ETH_HLEN;
	struct skb_shared_info *shinfo;
	struct uhost_vnet_hdr vh = c->vh;
	u8 *frame = kmalloc(room, GFP_KERNEL);
	struct sk_buff *skb = NULL;
	bool rewritten;
	long bad, gso;
	int err, ret = 0;

	if (!dev || !frame) {
		ret = __LINE__;
		goto out;
	}
	dev->features =
		(NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_TSO_ECN) &
		~c->strip;
	dev->mtu = c->mtu ? c->mtu : ETH_DATA_LEN;
	len = vnet_build(c, frame);
	skb = netdev_alloc_skb(dev, len + CANARY);
	if (!skb) {
		ret = __LINE__;
		goto out;
	}
	skb_put_data(skb, frame, len);
	memset(skb_tail_pointer(skb), 0xa5, CANARY);
	bad = atomic_long_read(&dev->uldd->from_host_bad_vnet);
	gso = atomic_long_read(&dev->uldd->from_host_gso);
	err = uldd_vnet_to_skb(skb, &vh);
	/* Nothing written past the frame ... */
	for (unsigned int i = 0; i < CANARY && !ret; i++)
		if (skb_tail_pointer(skb)[i] != 0xa5)
			ret = __LINE__;
	if (ret)
		goto out;
	/* ... nor in it, but the TCP checksum where Linux's GSO would seed it. */
	rewritten = !err && skb_is_gso(skb) && !(c->vh.flags & NEEDS_CSUM);
	if (!rewritten && memcmp(skb->data, frame, len)) {
		ret = __LINE__;
		goto out;
	}
	if (c->bad) {
		if (err != -EINVAL)
			ret = __LINE__;
		else if (atomic_long_read(&dev->uldd->from_host_bad_vnet) != bad + 1)
			ret = __LINE__;
		goto out;
	}
	shinfo = skb_shinfo(skb);
	if (err || atomic_long_read(&dev->uldd->from_host_bad_vnet) != bad)
		ret = __LINE__;
	else if (atomic_long_read(&dev->uldd->from_host_gso) != gso + !!c->gso_type)
		ret = __LINE__;
	else if (skb->ip_summed != c->summed || skb_network_offset(skb) != (c->nh ? c->nh : NH))
		ret = __LINE__;
	else if (skb->protocol != htons(c->vlan ? ETH_P_8021Q : vnet_type(c)))
		ret = __LINE__;
	else if (c->summed == CHECKSUM_PARTIAL &&
		 (skb_checksum_start_offset(skb) != c->start || skb->csum_offset != c->off ||
		  skb_transport_offset(skb) != c->start))
		ret = __LINE__;
	else if (shinfo->gso_type != c->gso_type || shinfo->gso_size != c->gso_size ||
		 shinfo->gso_segs != c->gso_segs)
		ret = __LINE__;
	else if (rewritten && tcp_hdr(skb)->check != vnet_pseudo(skb))
		ret = __LINE__;
	else
		ret = vnet_in_frame(skb, len);
out:
	kfree_skb(skb);
	kfree(frame);
	free_netdev(dev);
	return ret;
}

int KTEST(ktest_vnet_setup)(unsigned int nr_vcpus)
{
	return uldd_sched_init(nr_vcpus ? nr_vcpus : 1);
}

int KTEST(ktest_vnet_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(vnet_cases))
		return -1;
	*name = vnet_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("vnetcase");
	ret = vnet_run(&vnet_cases[i]);
	uldd_exit();
	return ret;
}
