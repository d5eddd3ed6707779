// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Offload toggles of the driver's own, from before 2.6.39's hw_features. */
static int ring_set_rx_csum(struct net_device *dev, u32 data)
{
	struct ring_priv *rp = netdev_priv(dev);

	rp->rx_csum = data;
	writel(data ? RING_CTRL_RXCSUM : 0, rp->regs + RING_CTRL);
	return 0;
}

static u32 ring_get_rx_csum(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);

	return rp->rx_csum;
}

static int ring_set_tso(struct net_device *dev, u32 data)
{
	if (data)
		dev->features |= NETIF_F_TSO;
	else
		dev->features &= ~NETIF_F_TSO;
	return 0;
}

static const struct ethtool_ops ring_ethtool_ops = {
	.get_link = ethtool_op_get_link,
	.get_rx_csum = ring_get_rx_csum,
	.set_rx_csum = ring_set_rx_csum,
	.get_tso = ethtool_op_get_tso,
	.set_tso = ring_set_tso,
};

static const struct net_device_ops ring_probe_netdev_ops = {
	.ndo_open = ring_open,
};

static int ring_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *dev = alloc_etherdev(sizeof(struct ring_priv));

	dev->netdev_ops = &ring_probe_netdev_ops;
	SET_ETHTOOL_OPS(dev, &ring_ethtool_ops);
	return register_netdev(dev);
}
