// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Exact-match filter slots filled in list order, after 0005 has run. */
static void ring_set_rx_mode(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);
	struct netdev_hw_addr *mc;
	int i;

	i = 0;
	netdev_for_each_mc_addr (mc, dev) {
		ring_write_slot(rp, i, mc->addr);
		i++;
	}
	i = 0;
	netdev_for_each_mc_addr(mc, dev) {
		if (i >= RING_SLOTS)
			break;
		writel(get_unaligned_le32(mc->addr), rp->regs + RING_SLOT(i));
		i++;
	}
	writel(i, rp->regs + RING_SLOT_COUNT);
}
