// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* An identify callback from before 3.0: blink for 'data' seconds, then restore. */
static int ring_phys_id(struct net_device *dev, u32 data)
{
	struct ring_priv *rp = netdev_priv(dev);
	u32 i;

	if (!data || data > 300)
		data = 300;
	for (i = 0; i < data * 2 && !signal_pending(current); i++) {
		writel(i & 1 ? RING_LED_ON : RING_LED_OFF, rp->regs + RING_LED);
		msleep_interruptible(500);
	}
	writel(RING_LED_NORMAL, rp->regs + RING_LED);
	return 0;
}

static const struct ethtool_ops ring_ethtool_ops = {
	.get_link = ethtool_op_get_link,
	.phys_id = ring_phys_id,
};
