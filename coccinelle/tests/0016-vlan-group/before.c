// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* VLAN offload the 2.6.3x way: a group from the 8021q core, kept in the driver. */
struct ring_priv {
	void __iomem *regs;
	struct vlan_group *vlgrp;
	u32 rx_csum;
};

static void ring_vlan_rx_register(struct net_device *dev, struct vlan_group *grp)
{
	struct ring_priv *rp = netdev_priv(dev);

	rp->vlgrp = grp;
	if (grp)
		writel(RING_CTRL_VLAN_STRIP, rp->regs + RING_CTRL);
	else
		writel(0, rp->regs + RING_CTRL);
}

static void ring_vlan_rx_add_vid(struct net_device *dev, unsigned short vid)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (vid >= RING_MAX_VID)
		return;
	writel(vid, rp->regs + RING_VID_ADD);
}

static void ring_vlan_rx_kill_vid(struct net_device *dev, unsigned short vid)
{
	struct ring_priv *rp = netdev_priv(dev);

	vlan_group_set_device(rp->vlgrp, vid, NULL);
	writel(vid, rp->regs + RING_VID_KILL);
}

static void ring_restore_vlan(struct net_device *dev)
{
	struct ring_priv *rp = netdev_priv(dev);

	ring_vlan_rx_register(dev, rp->vlgrp);
}

static void ring_rx(struct ring_priv *rp, struct sk_buff *skb, u32 status, u16 tag)
{
	if (rp->vlgrp && (status & RING_RX_VLAN))
		vlan_hwaccel_rx(skb, rp->vlgrp, tag);
	else
		netif_rx(skb);
}

static int ring_poll_one(struct ring_priv *rp, struct sk_buff *skb, u32 status, u16 tag)
{
	if ((status & RING_RX_VLAN) && rp->vlgrp) {
		vlan_hwaccel_receive_skb(skb, rp->vlgrp, le16_to_cpu(tag));
		return 1;
	}
	netif_receive_skb(skb);
	return 1;
}

static const struct net_device_ops ring_ops = {
	.ndo_open = ring_open,
	.ndo_vlan_rx_register = ring_vlan_rx_register,
	.ndo_vlan_rx_add_vid = ring_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid = ring_vlan_rx_kill_vid,
};
