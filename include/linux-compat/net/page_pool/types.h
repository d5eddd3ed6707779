/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/page_pool/types.h - a receive queue's page pool: pages allocated,
 * DMA-mapped once and recycled by the queue's NAPI poll instead of going
 * back to the page allocator each time.
 *
 * Emulation notes: the recycling cache is only the "direct" one (the
 * pool's own NAPI context, no lock); a page put back elsewhere goes to
 * the page allocator. A page still in an skb when the pool is destroyed
 * is freed by the skb as a plain page: its DMA mapping is the arena's,
 * which outlives it, so nothing leaks.
 */
#ifndef _NET_PAGE_POOL_TYPES_H
#define _NET_PAGE_POOL_TYPES_H

#include <linux/bits.h>
#include <linux/dma-direction.h>
#include <linux/err.h>
#include <linux/gfp_types.h>
#include <linux/types.h>

struct device;
struct napi_struct;
struct net_device;
struct page;

/* Map pages for DMA when they enter the pool; page_pool_get_dma_addr() gives it. */
#define PP_FLAG_DMA_MAP BIT(0)
/* Sync [offset, offset + max_len) for the device whenever a page is handed out. */
#define PP_FLAG_DMA_SYNC_DEV BIT(1)
#define PP_FLAG_SYSTEM_POOL BIT(2)
#define PP_FLAG_ALL (PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV | PP_FLAG_SYSTEM_POOL)

struct page_pool_params {
	unsigned int order;
	unsigned int pool_size;
	int nid;
	struct device *dev;
	struct napi_struct *napi;
	enum dma_data_direction dma_dir;
	unsigned int max_len;
	unsigned int offset;
	struct net_device *netdev;
	unsigned int flags;
	unsigned int queue_idx;
};

/* The pages kept for reuse by the pool's NAPI context. */
#define ULDD_PP_CACHE 128

struct page_pool {
	struct page_pool_params p;
	unsigned int cache_count;
	struct page *cache[ULDD_PP_CACHE];
};

/* A pool, or ERR_PTR(-EINVAL or -ENOMEM). Process context. */
struct page_pool *page_pool_create(const struct page_pool_params *params);
/* Frees the pool and the pages it keeps; NULL is allowed. */
void page_pool_destroy(struct page_pool *pool);

/* A page of the pool's order, mapped if PP_FLAG_DMA_MAP; NULL when memory is short. */
struct page *page_pool_alloc_pages(struct page_pool *pool, gfp_t gfp);
/*
 * The page goes back to the pool (allow_direct: from the pool's NAPI
 * context, so into its cache) or, past the cache, to the page allocator.
 */
void page_pool_put_full_page(struct page_pool *pool, struct page *page, bool allow_direct);

#endif /* _NET_PAGE_POOL_TYPES_H */
