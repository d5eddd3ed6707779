// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Modern driver code that no patch in coccinelle/ may change: current APIs,
 * and look-alikes of the old ones (a ->priv, ->open or ->page member of a
 * struct of the driver's own, a queue's trans_start, memcpy into perm_addr).
 */
struct ring_ctx {
	void *priv;
	int (*open)(struct ring_ctx *ctx);
	struct page *page;
	unsigned long data;
	struct timer_list watchdog;
};

static netdev_tx_t ring_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ring_ctx *ctx = netdev_priv(dev);

	netif_trans_update(dev);
	ctx->data = jiffies;
	return ctx->open(ctx) ? NETDEV_TX_BUSY : NETDEV_TX_OK;
}

static void ring_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	struct netdev_queue *txq = netdev_get_tx_queue(dev, txqueue);

	txq->trans_start = jiffies;
}

static const struct net_device_ops ring_ops = {
	.ndo_start_xmit = ring_xmit,
	.ndo_tx_timeout = ring_tx_timeout,
};

static void ring_watchdog(struct timer_list *t)
{
	struct ring_ctx *ctx = from_timer(ctx, t, watchdog);

	ctx->page = NULL;
}

static int ring_poll(struct napi_struct *napi, int budget)
{
	napi_complete_done(napi, 0);
	return 0;
}

static void ring_setup(struct net_device *dev, struct ring_ctx *ctx, const u8 *mac)
{
	struct netdev_hw_addr *ha;

	dev->netdev_ops = &ring_ops;
	ctx->priv = dev;
	timer_setup(&ctx->watchdog, ring_watchdog, 0);
	netif_napi_add(dev, &ctx->napi, ring_poll);
	eth_hw_addr_set(dev, mac);
	memcpy(dev->perm_addr, mac, ETH_ALEN);
	netdev_for_each_mc_addr(ha, dev)
		ctx->data += ha->addr[5];
	if (netdev_mc_count(dev) > 4)
		ctx->data = 0;
}

static int ring_vid_add(struct net_device *dev, __be16 proto, u16 vid)
{
	struct ring_ctx *ctx = netdev_priv(dev);

	if (!ctx->priv)
		return 0;
	ctx->data |= vid;
	return 0;
}

static int ring_set_features(struct net_device *dev, netdev_features_t features)
{
	struct ring_ctx *ctx = netdev_priv(dev);

	if ((dev->features ^ features) & NETIF_F_RXCSUM)
		ctx->data = !!(features & NETIF_F_RXCSUM);
	return 0;
}

static const struct net_device_ops ring_vlan_ops = {
	.ndo_vlan_rx_add_vid = ring_vid_add,
	.ndo_vlan_rx_kill_vid = ring_vid_add,
	.ndo_set_features = ring_set_features,
};

static int ring_set_phys_id(struct net_device *dev, enum ethtool_phys_id_state state)
{
	return state == ETHTOOL_ID_ACTIVE ? 2 : 0;
}

static const struct ethtool_ops ring_ethtool_ops = {
	.set_phys_id = ring_set_phys_id,
	.get_link = ethtool_op_get_link,
};

static void ring_rx_tagged(struct ring_ctx *ctx, struct net_device *dev, struct sk_buff *skb,
			   u16 tag)
{
	struct netdev_hw_addr *ha;
	int i = 0;

	dev->ethtool_ops = &ring_ethtool_ops;
	dev->hw_features |= NETIF_F_RXCSUM;
	if (ctx->priv && tag)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tag);
	netif_receive_skb(skb);
	netdev_for_each_mc_addr(ha, dev)
		ctx->data += ha->addr[i++ % ETH_ALEN];
}
