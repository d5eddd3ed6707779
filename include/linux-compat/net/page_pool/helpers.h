/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/page_pool/helpers.h - what drivers call on a page pool's pages
 * (net/page_pool/types.h): their DMA address, the pool's direction, and
 * recycling from the pool's own NAPI poll.
 */
#ifndef _NET_PAGE_POOL_HELPERS_H
#define _NET_PAGE_POOL_HELPERS_H

#include <linux/dma-mapping.h>
#include <linux/mm_types.h>
#include <net/page_pool/types.h>

static inline struct page *page_pool_dev_alloc_pages(struct page_pool *pool)
{
	return page_pool_alloc_pages(pool, GFP_ATOMIC | __GFP_NOWARN);
}

/* The pool keeps a page's DMA address in its owner's word (page->private). */
static inline dma_addr_t page_pool_get_dma_addr(const struct page *page)
{
	return (dma_addr_t)page->private;
}

static inline enum dma_data_direction page_pool_get_dma_dir(const struct page_pool *pool)
{
	return pool->p.dma_dir;
}

static inline void page_pool_recycle_direct(struct page_pool *pool, struct page *page)
{
	page_pool_put_full_page(pool, page, true);
}

#endif /* _NET_PAGE_POOL_HELPERS_H */
