// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A transmit function that still returns int, with a prototype. */
static int ring_xmit(struct sk_buff *skb, struct net_device *dev);

static const struct net_device_ops ring_ops = {
	.ndo_open = ring_open,
	.ndo_start_xmit = ring_xmit,
};

static int ring_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (!ring_tx_room(rp)) {
		netif_stop_queue(dev);
		return NETDEV_TX_BUSY;
	}
	ring_tx_queue(rp, skb);
	return NETDEV_TX_OK;
}

static int ring_open(struct net_device *dev)
{
	return 0;
}
