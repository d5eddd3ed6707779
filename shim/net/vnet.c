// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/vnet.c - the virtio-net header of a frame the host hands the driver,
 * checked and turned into the skb's checksum and GSO fields. The host gets
 * no more trust than Linux gives a tun user or a virtio guest: a header
 * passes the checks of tun and of virtio_net_hdr_to_skb(), and a GSO frame
 * also those Linux's software GSO makes before a device with TSO may have
 * such a frame, because here it goes straight to the driver's TSO, which
 * trusts every offset (e1000 writes the IP and TCP checksums where they
 * say). Called by the TAP thread only; no state of its own.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/limits.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include "net.h"
#include "../core/door.h"

/* Linux's GSO_BY_FRAGS: a gso_size that means something else to its GSO. */
#define VNET_GSO_BY_FRAGS 0xffff

struct vnet_frame {
	const u8 *data;
	unsigned int len;
	unsigned int nh; /* the network header's offset */
	__be16 outer; /* the Ethernet type */
	__be16 type; /* the type after a VLAN tag, if one */
};

/*
 * The offset of the TCP header of a frame of GSO type gso, found the way
 * Linux's GSO finds it (inet_gso_segment(), ipv6_gso_segment() and the
 * TCP callbacks under them); 0 when the headers do not fit the type.
 */
static unsigned int vnet_tcp_offset(const struct vnet_frame *f, unsigned int gso)
{
	const u8 *nh = f->data + f->nh;
	unsigned int off, hl;
	u8 next;

	if (gso & SKB_GSO_TCPV4) {
		const struct iphdr *iph = (const struct iphdr *)nh;

		if (f->type != htons(ETH_P_IP) || f->len < f->nh + sizeof(*iph))
			return 0;
		/* Linux does not look at the version; a device's TSO may. */
		if (iph->version != 4 || iph->ihl < 5 || f->len < f->nh + iph->ihl * 4u ||
		    iph->protocol != IPPROTO_TCP)
			return 0;
		return f->nh + iph->ihl * 4u;
	}
	if (f->type != htons(ETH_P_IPV6) || f->len < f->nh + sizeof(struct ipv6hdr) ||
	    ((const struct ipv6hdr *)nh)->version != 6)
		return 0;
	next = ((const struct ipv6hdr *)nh)->nexthdr;
	off = f->nh + sizeof(struct ipv6hdr);
	/* The extension headers IPv6 GSO steps over; each is 8-byte units. */
	while (next == NEXTHDR_HOP || next == NEXTHDR_ROUTING || next == NEXTHDR_DEST) {
		if (f->len < off + 8)
			return 0;
		hl = (f->data[off + 1] + 1u) * 8;
		if (f->len < off + hl)
			return 0;
		next = f->data[off];
		off += hl;
	}
	return next == NEXTHDR_TCP ? off : 0;
}

/* The skb's offsets are 16 bits from its head. */
static bool vnet_fits(const struct sk_buff *skb, unsigned int off)
{
	return skb_headroom(skb) + off < U16_MAX;
}

static int vnet_to_skb(struct sk_buff *skb, const struct uhost_vnet_hdr *vh)
{
	const bool csum = vh->flags & UHOST_VNET_F_NEEDS_CSUM;
	unsigned int start = vh->csum_start, off = vh->csum_offset, gso_size = vh->gso_size;
	unsigned int gso = 0, thlen = 0, nh_min = sizeof(struct iphdr);
	unsigned int th = 0, p_off = 0, tcplen = 0;
	struct vnet_frame f = { skb->data, skb->len, ETH_HLEN, 0, 0 };
	struct net_device *dev = skb->dev;
	struct skb_shared_info *shinfo;
	netdev_features_t want = 0;

	if (skb_is_nonlinear(skb) || f.len < ETH_HLEN)
		return -EINVAL;
	f.outer = f.type = ((const struct ethhdr *)f.data)->h_proto;
	if (eth_type_vlan(f.outer)) {
		if (f.len < VLAN_ETH_HLEN)
			return -EINVAL;
		f.type = ((const struct vlan_ethhdr *)f.data)->h_vlan_encapsulated_proto;
		f.nh = VLAN_ETH_HLEN;
	}

	/* A GSO type Linux knows, and a segment size. */
	if (vh->gso_type != UHOST_VNET_GSO_NONE) {
		switch (vh->gso_type & ~UHOST_VNET_GSO_ECN) {
		case UHOST_VNET_GSO_TCPV4:
			gso = SKB_GSO_TCPV4;
			want = NETIF_F_TSO;
			break;
		case UHOST_VNET_GSO_TCPV6:
			gso = SKB_GSO_TCPV6;
			want = NETIF_F_TSO6;
			nh_min = sizeof(struct ipv6hdr);
			break;
		default:
			/* Unknown, or UDP fragmentation, which no TAP here offers. */
			return -EINVAL;
		}
		if (vh->gso_type & UHOST_VNET_GSO_ECN) {
			gso |= SKB_GSO_TCP_ECN;
			want |= NETIF_F_TSO_ECN;
		}
		thlen = sizeof(struct tcphdr);
		if (!gso_size)
			return -EINVAL;
	}
	/*
	 * uldd's own rule: nothing here segments or checksums in software, as
	 * Linux would for a device without the offload, and the TAP offered
	 * the host only what the driver has.
	 */
	if ((dev->features & want) != want || (csum && !(dev->features & NETIF_F_CSUM_MASK)))
		return -EINVAL;
	/* tun's: the headers it is told of, the checksum's included, are in the frame. */
	if (vh->hdr_len > f.len || (csum && start + off + sizeof(__sum16) > f.len))
		return -EINVAL;

	if (csum) {
		/* The checksum, and all of a TCP header for GSO, after an IP header. */
		if (start + max_t(unsigned int, thlen, off + sizeof(__sum16)) > f.len ||
		    start < nh_min || !vnet_fits(skb, start))
			return -EINVAL;
		th = start;
		p_off = start + thlen;
	} else if (gso) {
		/* Found in the headers, which tun reads by the outer type. */
		if (f.outer != htons(gso & SKB_GSO_TCPV4 ? ETH_P_IP : ETH_P_IPV6))
			return -EINVAL;
		th = vnet_tcp_offset(&f, gso);
		if (!th || th + thlen > f.len || !vnet_fits(skb, th))
			return -EINVAL;
		p_off = th + thlen;
	}
	if (gso) {
		if (csum && off != offsetof(struct tcphdr, check))
			return -EINVAL;
		if (gso_size == VNET_GSO_BY_FRAGS)
			return -EINVAL;
		/* Not more than a segment's payload: Linux makes it a plain frame. */
		if (f.len - p_off <= gso_size)
			gso = 0;
	}
	if (gso) {
		/* What GSO checks: TCP where the headers say, whole, with payload for two segments. */
		if (vnet_tcp_offset(&f, gso) != th)
			return -EINVAL;
		tcplen = ((const struct tcphdr *)(f.data + th))->doff * 4u;
		if (tcplen < sizeof(struct tcphdr) || th + tcplen > f.len ||
		    f.len - th - tcplen <= gso_size)
			return -EINVAL;
	} else if (f.len > dev->mtu + f.nh) {
		return -EINVAL; /* uldd's: a plain frame fits the driver's MTU */
	}

	skb_reset_mac_header(skb);
	skb_set_network_header(skb, (int)f.nh);
	skb->protocol = f.outer;
	if (th)
		skb_set_transport_header(skb, (int)th);
	if (csum) {
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = (u16)(skb_headroom(skb) + start);
		skb->csum_offset = (u16)off;
	}
	if (!gso)
		return 0;
	if (!csum) {
		/* What Linux's TCP GSO does with such a frame: the pseudo-header sum. */
		struct tcphdr *t = tcp_hdr(skb);

		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = (u16)(skb_headroom(skb) + th);
		skb->csum_offset = offsetof(struct tcphdr, check);
		if (gso & SKB_GSO_TCPV4)
			t->check = ~csum_tcpudp_magic(ip_hdr(skb)->saddr, ip_hdr(skb)->daddr,
						      f.len - th, IPPROTO_TCP, 0);
		else
			t->check = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr, &ipv6_hdr(skb)->daddr,
						    f.len - th, IPPROTO_TCP, 0);
	}
	shinfo = skb_shinfo(skb);
	/* DODGY: as Linux marks a header from an untrusted source. */
	shinfo->gso_type = gso | SKB_GSO_DODGY;
	shinfo->gso_size = (unsigned short)gso_size;
	shinfo->gso_segs = (unsigned short)DIV_ROUND_UP(f.len - th - tcplen, gso_size);
	return 0;
}

int uldd_vnet_to_skb(struct sk_buff *skb, const struct uhost_vnet_hdr *vh)
{
	int err = vnet_to_skb(skb, vh);

	if (err)
		atomic_long_inc(&skb->dev->uldd->from_host_bad_vnet);
	else if (skb_is_gso(skb))
		atomic_long_inc(&skb->dev->uldd->from_host_gso);
	return err;
}
