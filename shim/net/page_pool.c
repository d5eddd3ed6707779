// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/page_pool.c - page pools (net/page_pool/types.h): pages from the
 * page allocator, DMA-mapped once on entry, kept in a per-pool cache when
 * the pool's NAPI poll gives them back. The cache has no lock: as in
 * Linux, only the pool's own NAPI context allocates and recycles directly;
 * create and destroy run in process context with the queue stopped.
 */
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <net/page_pool/helpers.h>

#include "../mm/private.h"

struct page_pool *page_pool_create(const struct page_pool_params *params)
{
	struct page_pool *pool;

	if (params->flags & ~PP_FLAG_ALL || params->order > 10)
		return ERR_PTR(-EINVAL);
	if (params->flags & PP_FLAG_DMA_MAP &&
	    (!params->dev ||
	     (params->dma_dir != DMA_FROM_DEVICE && params->dma_dir != DMA_BIDIRECTIONAL)))
		return ERR_PTR(-EINVAL);
	/* Syncing needs the mapping, and a length to sync. */
	if (params->flags & PP_FLAG_DMA_SYNC_DEV &&
	    (!(params->flags & PP_FLAG_DMA_MAP) || !params->max_len))
		return ERR_PTR(-EINVAL);
	pool = uldd_private_alloc(sizeof(*pool), GFP_KERNEL | __GFP_ZERO);
	if (!pool)
		return ERR_PTR(-ENOMEM);
	pool->p = *params;
	return pool;
}

static void pp_sync_for_device(struct page_pool *pool, struct page *page)
{
	if (pool->p.flags & PP_FLAG_DMA_SYNC_DEV)
		dma_sync_single_for_device(pool->p.dev,
					   page_pool_get_dma_addr(page) + pool->p.offset,
					   pool->p.max_len, pool->p.dma_dir);
}

/* Unmaps the page and gives it back to the page allocator. */
static void pp_release(struct page_pool *pool, struct page *page)
{
	if (pool->p.flags & PP_FLAG_DMA_MAP)
		dma_unmap_page_attrs(pool->p.dev, page_pool_get_dma_addr(page),
				     PAGE_SIZE << pool->p.order, pool->p.dma_dir,
				     DMA_ATTR_SKIP_CPU_SYNC);
	page->private = 0;
	__free_pages(page, pool->p.order);
}

struct page *page_pool_alloc_pages(struct page_pool *pool, gfp_t gfp)
{
	struct page *page;
	dma_addr_t dma;

	if (pool->cache_count) {
		page = pool->cache[--pool->cache_count];
		pp_sync_for_device(pool, page);
		return page;
	}
	page = alloc_pages(gfp, pool->p.order);
	if (!page)
		return NULL;
	page->private = 0;
	if (pool->p.flags & PP_FLAG_DMA_MAP) {
		dma = dma_map_page_attrs(pool->p.dev, page, 0, PAGE_SIZE << pool->p.order,
					 pool->p.dma_dir, DMA_ATTR_SKIP_CPU_SYNC);
		if (dma_mapping_error(pool->p.dev, dma)) {
			__free_pages(page, pool->p.order);
			return NULL;
		}
		page->private = (unsigned long)dma;
		pp_sync_for_device(pool, page);
	}
	return page;
}

void page_pool_put_full_page(struct page_pool *pool, struct page *page, bool allow_direct)
{
	/* A page someone else still holds cannot be handed out again. */
	if (allow_direct && page_ref_count(page) == 1 && pool->cache_count < ULDD_PP_CACHE) {
		pool->cache[pool->cache_count++] = page;
		return;
	}
	if (page_ref_count(page) == 1) {
		pp_release(pool, page);
		return;
	}
	if (pool->p.flags & PP_FLAG_DMA_MAP)
		dma_unmap_page_attrs(pool->p.dev, page_pool_get_dma_addr(page),
				     PAGE_SIZE << pool->p.order, pool->p.dma_dir,
				     DMA_ATTR_SKIP_CPU_SYNC);
	put_page(page);
}

void page_pool_destroy(struct page_pool *pool)
{
	if (IS_ERR_OR_NULL(pool))
		return;
	while (pool->cache_count)
		pp_release(pool, pool->cache[--pool->cache_count]);
	uldd_private_free(pool);
}
