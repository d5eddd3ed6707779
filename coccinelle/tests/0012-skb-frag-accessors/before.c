// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Fragments mapped for transmit through skb_frag_t's old members. */
static int ring_map_frags(struct ring_priv *rp, struct sk_buff *skb)
{
	unsigned int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		unsigned int len = frag->size;

		rp->tx_dma[i] = dma_map_page(&rp->pdev->dev, frag->page, frag->page_offset, len,
					     DMA_TO_DEVICE);
	}
	return skb_shinfo(skb)->frags[0].size;
}
