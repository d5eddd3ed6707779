/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * if_vlan.h - 802.1Q tags. A device that strips the tag on receive hands
 * it over out of band (__vlan_hwaccel_put_tag); the shim puts it back into
 * the frame before the host sees it.
 */
#ifndef _LINUX_IF_VLAN_H
#define _LINUX_IF_VLAN_H

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define VLAN_HLEN 4
#define VLAN_ETH_HLEN 18
#define VLAN_ETH_ZLEN 64
#define VLAN_ETH_DATA_LEN 1500
#define VLAN_ETH_FRAME_LEN 1518
#define VLAN_N_VID 4096
#define VLAN_VID_MASK 0x0fff
#define VLAN_PRIO_MASK 0xe000
#define VLAN_PRIO_SHIFT 13
#define VLAN_CFI_MASK 0x1000

struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

struct vlan_ethhdr {
	unsigned char h_dest[ETH_ALEN];
	unsigned char h_source[ETH_ALEN];
	__be16 h_vlan_proto;
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

static inline bool eth_type_vlan(__be16 ethertype)
{
	return ethertype == htons(ETH_P_8021Q) || ethertype == htons(ETH_P_8021AD);
}

static inline void __vlan_hwaccel_put_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci)
{
	skb->vlan_proto = vlan_proto;
	skb->vlan_tci = vlan_tci;
	skb->vlan_present = 1;
}

static inline void __vlan_hwaccel_clear_tag(struct sk_buff *skb)
{
	skb->vlan_present = 0;
}

#define skb_vlan_tag_present(skb) ((skb)->vlan_present)
#define skb_vlan_tag_get(skb) ((skb)->vlan_tci)
#define skb_vlan_tag_get_id(skb) ((skb)->vlan_tci & VLAN_VID_MASK)
#define skb_vlan_tag_get_prio(skb) (((skb)->vlan_tci & VLAN_PRIO_MASK) >> VLAN_PRIO_SHIFT)

/* The frame's network protocol, looking past one in-band tag. */
static inline __be16 vlan_get_protocol(const struct sk_buff *skb)
{
	__be16 type = skb->protocol;

	if (eth_type_vlan(type) && skb_headlen(skb) >= VLAN_ETH_HLEN) {
		const struct vlan_ethhdr *veh = (const struct vlan_ethhdr *)skb->data;

		type = veh->h_vlan_encapsulated_proto;
	}
	return type;
}

/*
 * More than one tag: an offloaded tag and one still in the data, or two
 * in the data. A header not in the linear part is not looked at.
 */
static inline bool skb_vlan_tagged_multi(const struct sk_buff *skb)
{
	__be16 protocol = skb->protocol;

	if (!skb_vlan_tag_present(skb)) {
		const struct vlan_ethhdr *veh = (const struct vlan_ethhdr *)skb->data;

		if (!eth_type_vlan(protocol) || skb_headlen(skb) < VLAN_ETH_HLEN)
			return false;
		protocol = veh->h_vlan_encapsulated_proto;
	}
	return eth_type_vlan(protocol);
}

/*
 * For ndo_features_check: a device that can offload one tag cannot be
 * trusted to find the headers past a second, so such a frame keeps only
 * features that need no parsing. A plain mask, not an intersection: a
 * protocol-specific checksum offload (IP_CSUM) goes too, only a generic
 * one (HW_CSUM) stays, as on Linux (the conformance case skb.
 * vlan_features_multi_tag showed it).
 */
static inline netdev_features_t vlan_features_check(struct sk_buff *skb, netdev_features_t features)
{
	if (skb_vlan_tagged_multi(skb))
		features &= NETIF_F_SG | NETIF_F_HIGHDMA | NETIF_F_HW_CSUM | NETIF_F_FRAGLIST |
			    NETIF_F_HW_VLAN_CTAG_TX;
	return features;
}

#endif /* _LINUX_IF_VLAN_H */
