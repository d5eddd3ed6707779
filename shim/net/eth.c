// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* net/eth.c - Ethernet: device set-up, frame classification, addresses. */
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

void ether_setup(struct net_device *dev)
{
	dev->type = 1; /* ARPHRD_ETHER */
	dev->hard_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	dev->priv_flags |= IFF_TX_SKB_SHARING;
	eth_broadcast_addr(dev->broadcast);
}

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs)
{
	return alloc_netdev_mqs(sizeof_priv, "eth%d", NET_NAME_ENUM, ether_setup, txqs, rxqs);
}

/* The devres holds the net_device pointer; freeing happens after remove(). */
static void devm_netdev_release(struct device *dev, void *res)
{
	(void)dev;
	free_netdev(*(struct net_device **)res);
}

struct net_device *devm_alloc_etherdev_mqs(struct device *dev, int sizeof_priv, unsigned int txqs,
					   unsigned int rxqs)
{
	struct net_device **res, *ndev;

	res = devres_alloc(devm_netdev_release, sizeof(*res), GFP_KERNEL);
	if (!res)
		return NULL;
	ndev = alloc_etherdev_mqs(sizeof_priv, txqs, rxqs);
	if (!ndev) {
		devres_free(res);
		return NULL;
	}
	*res = ndev;
	devres_add(dev, res);
	return ndev;
}

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN)))
		return htons(ETH_P_802_3);
	eth = (const struct ethhdr *)skb->data;
	__skb_pull(skb, ETH_HLEN);
	if (unlikely(is_multicast_ether_addr(eth->h_dest)))
		skb->pkt_type =
			is_broadcast_ether_addr(eth->h_dest) ? PACKET_BROADCAST : PACKET_MULTICAST;
	else if (unlikely(!ether_addr_equal(eth->h_dest, dev->dev_addr)))
		skb->pkt_type = PACKET_OTHERHOST;
	else
		skb->pkt_type = PACKET_HOST;
	if (likely(ntohs(eth->h_proto) >= ETH_P_802_3_MIN))
		return eth->h_proto;
	/* A length, not a type: raw 802.3 (Novell) or 802.2 LLC. */
	if (skb_headlen(skb) >= 2 && *(const u16 *)skb->data == 0xFFFF)
		return htons(ETH_P_802_3);
	return htons(ETH_P_802_2);
}

int eth_validate_addr(struct net_device *dev)
{
	return is_valid_ether_addr(dev->dev_addr) ? 0 : -EADDRNOTAVAIL;
}

int eth_mac_addr(struct net_device *dev, void *p)
{
	const struct sockaddr *addr = p;

	if (netif_running(dev) && !(dev->priv_flags & IFF_LIVE_ADDR_CHANGE))
		return -EBUSY;
	if (!is_valid_ether_addr((const u8 *)addr->sa_data))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(dev, (const u8 *)addr->sa_data);
	return 0;
}
