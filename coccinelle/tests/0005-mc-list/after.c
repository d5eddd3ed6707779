// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Multicast filters from the 2.6.34-and-older list, in three walks. */
static void ring_set_rx_mode(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);
	struct netdev_hw_addr *mc;
	u32 hash[2] = { 0, 0 };
	int i;

	if ((dev->flags & IFF_ALLMULTI) || netdev_mc_count(dev) > RING_MAX_MC) {
		writel(~0u, rp->regs + RING_MAR0);
		writel(~0u, rp->regs + RING_MAR1);
		return;
	}
	netdev_for_each_mc_addr(mc, dev) {
		u32 bit = ether_crc(ETH_ALEN, mc->addr) >> 26;

		hash[bit >> 5] |= 1 << (bit & 31);
	}
	netdev_for_each_mc_addr(mc, dev)
		pr_debug("%s: joined %pM\n", dev->name, mc->addr);
	netdev_for_each_mc_addr(mc, dev)
		rp->last_group = mc->addr[5];
	writel(hash[0], rp->regs + RING_MAR0);
	writel(hash[1], rp->regs + RING_MAR1);
}
