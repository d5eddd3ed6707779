// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* netif_napi_add with a weight: the default one, and a smaller one. */
static void ring_setup_napi(struct net_device *dev, struct ring_priv *rp)
{
	netif_napi_add(dev, &rp->rx_napi, ring_rx_poll);
	netif_napi_add(dev, &rp->big_napi, ring_rx_poll);
	netif_napi_add_weight(dev, &rp->tx_napi, ring_tx_poll, 16);
}
