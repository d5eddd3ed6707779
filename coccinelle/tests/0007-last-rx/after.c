// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The receive stamp that nothing reads any more. */
static void ring_rx_one(struct net_device *dev, struct sk_buff *skb)
{
	skb->protocol = eth_type_trans(skb, dev);
	netif_receive_skb(skb);
	dev->stats.rx_packets++;
}
