// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Multicast filters from the 2.6.34-and-older list, in three walks. */
static void ring_set_rx_mode(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);
	struct dev_mc_list *mc;
	u32 hash[2] = { 0, 0 };
	int i;

	if ((dev->flags & IFF_ALLMULTI) || dev->mc_count > RING_MAX_MC) {
		writel(~0u, rp->regs + RING_MAR0);
		writel(~0u, rp->regs + RING_MAR1);
		return;
	}
	for (mc = dev->mc_list; mc; mc = mc->next) {
		u32 bit = ether_crc(ETH_ALEN, mc->dmi_addr) >> 26;

		hash[bit >> 5] |= 1 << (bit & 31);
	}
	for (i = 0, mc = dev->mc_list; mc && i < dev->mc_count; i++, mc = mc->next)
		pr_debug("%s: joined %pM\n", dev->name, mc->dmi_addr);
	for (i = 0, mc = dev->mc_list; i < dev->mc_count; i++, mc = mc->next)
		rp->last_group = mc->dmi_addr[5];
	writel(hash[0], rp->regs + RING_MAR0);
	writel(hash[1], rp->regs + RING_MAR1);
}
