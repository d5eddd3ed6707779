// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A 2.6.28-style probe that fills the callbacks into struct net_device. The
 * callbacks have their current types: 0002 and 0003 test those changes.
 */
static int ring_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int ring_close(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

static netdev_tx_t ring_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static struct net_device_stats *ring_stats(struct net_device *dev)
{
	return &dev->stats;
}

static void ring_rx_mode(struct net_device *dev)
{
}

static int ring_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd)
{
	return -EOPNOTSUPP;
}

static int ring_mtu(struct net_device *dev, int new_mtu)
{
	dev->mtu = new_mtu;
	return 0;
}

static void ring_timeout(struct net_device *dev, unsigned int txqueue)
{
	netif_wake_queue(dev);
}

static int ring_vlan_add(struct net_device *dev, __be16 proto, u16 vid)
{
	return 0;
}

static int ring_init_one(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *dev = alloc_etherdev(sizeof(struct ring_priv));

	if (!dev)
		return -ENOMEM;
	dev->open = ring_open;
	dev->stop = ring_close;
	dev->hard_start_xmit = ring_xmit;
	dev->get_stats = ring_stats;
	dev->set_multicast_list = ring_rx_mode;
	dev->do_ioctl = ring_ioctl;
	dev->change_mtu = ring_mtu;
	dev->set_mac_address = eth_mac_addr;
	dev->tx_timeout = ring_timeout;
	dev->vlan_rx_add_vid = ring_vlan_add;
	dev->watchdog_timeo = 5 * HZ;
	return register_netdev(dev);
}
