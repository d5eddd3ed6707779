// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/vnet.c - the virtio-net header of a frame the host hands the driver,
 * turned into the skb's checksum and GSO fields. Called by the TAP thread
 * only; no state of its own.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>

#include "net.h"
#include "uhost.h"

static int vnet_to_skb(struct sk_buff *skb, const struct uhost_vnet_hdr *vh)
{
	unsigned int len = skb->len, nh = ETH_HLEN;
	struct net_device *dev = skb->dev;
	struct skb_shared_info *shinfo;
	__be16 proto;

	if (len < ETH_HLEN)
		return -EINVAL;
	proto = ((const struct ethhdr *)skb->data)->h_proto;
	if (eth_type_vlan(proto))
		nh = VLAN_ETH_HLEN;
	if (len < nh || (vh->gso_type == UHOST_VNET_GSO_NONE && len > dev->mtu + nh))
		return -EINVAL;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, (int)nh);
	skb->protocol = proto;
	if (vh->flags & UHOST_VNET_F_NEEDS_CSUM) {
		if ((unsigned int)vh->csum_start + vh->csum_offset + 2 > len)
			return -EINVAL;
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = (u16)(skb_headroom(skb) + vh->csum_start);
		skb->csum_offset = vh->csum_offset;
		skb_set_transport_header(skb, vh->csum_start);
	}
	if (vh->gso_type != UHOST_VNET_GSO_NONE) {
		shinfo = skb_shinfo(skb);
		switch (vh->gso_type & ~UHOST_VNET_GSO_ECN) {
		case UHOST_VNET_GSO_TCPV4:
			shinfo->gso_type = SKB_GSO_TCPV4;
			break;
		case UHOST_VNET_GSO_TCPV6:
			shinfo->gso_type = SKB_GSO_TCPV6;
			break;
		default:
			return -EINVAL; /* UDP fragmentation was never offered */
		}
		if (vh->gso_type & UHOST_VNET_GSO_ECN)
			shinfo->gso_type |= SKB_GSO_TCP_ECN;
		if (skb->ip_summed != CHECKSUM_PARTIAL || !vh->gso_size)
			return -EINVAL;
		shinfo->gso_size = vh->gso_size;
		shinfo->gso_segs = (u16)DIV_ROUND_UP(len - skb_tcp_all_headers(skb), vh->gso_size);
	}
	return 0;
}

int uldd_vnet_to_skb(struct sk_buff *skb, const struct uhost_vnet_hdr *vh)
{
	int err = vnet_to_skb(skb, vh);

	if (err)
		atomic_long_inc(&skb->dev->uldd->from_host_bad_vnet);
	return err;
}
