// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Exact-match filter slots filled in list order, after 0005 has run. */
static void ring_set_rx_mode(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);
	struct netdev_hw_addr *mc;
	int i;

	for (i = 0, mc = dev->mc_list; i < netdev_mc_count(dev); i++, mc = mc->next)
		ring_write_slot(rp, i, mc->addr);
	for (i = 0, mc = dev->mc_list; mc && i < netdev_mc_count(dev); i++, mc = mc->next) {
		if (i >= RING_SLOTS)
			break;
		writel(get_unaligned_le32(mc->addr), rp->regs + RING_SLOT(i));
	}
	writel(i, rp->regs + RING_SLOT_COUNT);
}
