// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* dev->priv reads, and one store that must stay as it is. */
static irqreturn_t ring_interrupt(int irq, void *dev_id)
{
	struct net_device *dev = dev_id;
	struct ring_priv *rp = dev->priv;
	u32 status = readl(rp->regs + RING_ISR);

	if (!status)
		return IRQ_NONE;
	writel(status, ((struct ring_priv *)dev->priv)->regs + RING_ISR);
	return IRQ_HANDLED;
}

static void ring_attach(struct net_device *dev, struct ring_priv *external)
{
	dev->priv = external;
}
