// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* VLAN offload the 2.6.3x way: a group from the 8021q core, kept in the driver. */
struct ring_priv {
	void __iomem *regs;
	u32 rx_csum;
};

static void ring_vlan_rx_register(struct net_device *dev, bool grp)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (grp)
		writel(RING_CTRL_VLAN_STRIP, rp->regs + RING_CTRL);
	else
		writel(0, rp->regs + RING_CTRL);
}

static int ring_vlan_rx_add_vid(struct net_device *dev, __be16 proto,
				unsigned short vid)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (vid >= RING_MAX_VID)
		return 0;
	writel(vid, rp->regs + RING_VID_ADD);
	return 0;
}

static int ring_vlan_rx_kill_vid(struct net_device *dev, __be16 proto,
				 unsigned short vid)
{
	struct ring_priv *rp = netdev_priv(dev);

	writel(vid, rp->regs + RING_VID_KILL);
	return 0;
}

static void ring_restore_vlan(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);

	ring_vlan_rx_register(dev, true);
}

static void ring_rx(struct ring_priv *rp, struct sk_buff *skb, u32 status, u16 tag)
{
	if ((status & RING_RX_VLAN)) {
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tag);
		netif_rx(skb);
	}
	else
		netif_rx(skb);
}

static int ring_poll_one(struct ring_priv *rp, struct sk_buff *skb, u32 status, u16 tag)
{
	if ((status & RING_RX_VLAN)) {
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
				       le16_to_cpu(tag));
		netif_receive_skb(skb);
		return 1;
	}
	netif_receive_skb(skb);
	return 1;
}

static const struct net_device_ops ring_ops = {
	.ndo_open = ring_open,
	.ndo_vlan_rx_add_vid = ring_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid = ring_vlan_rx_kill_vid,
};
