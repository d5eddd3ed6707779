// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A transmit watchdog with the one-argument signature of before 5.6. */
static void ring_tx_timeout(struct net_device *dev, unsigned int txqueue);

static const struct net_device_ops ring_ops = {
	.ndo_start_xmit = ring_xmit,
	.ndo_tx_timeout = ring_tx_timeout,
};

static void ring_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	struct ring_priv *rp = netdev_priv(dev);

	dev->stats.tx_errors++;
	schedule_work(&rp->reset_work);
}

static void ring_reset(struct net_device *dev)
{
	netif_wake_queue(dev);
}
