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
