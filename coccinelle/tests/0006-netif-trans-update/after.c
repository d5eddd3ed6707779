// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* trans_start stamped by hand, read by a watchdog; a queue's own stamp. */
static int ring_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);

	ring_tx_queue(rp, skb);
	netif_trans_update(dev);
	return NETDEV_TX_OK;
}

static void ring_watchdog(struct net_device *dev)
{
	if (time_after(jiffies, dev_trans_start(dev) + 5 * HZ))
		netdev_warn(dev, "transmit stalled\n");
}

static void ring_queue_kick(struct netdev_queue *txq)
{
	txq->trans_start = jiffies;
}
