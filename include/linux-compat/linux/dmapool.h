/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/dmapool.h - pools of small, equal blocks of coherent DMA memory
 * (Documentation/core-api/dma-api.rst, part Id). A pool has one spinlock:
 * alloc and free may run in any context (alloc sleeps only with blocking
 * gfp flags, to add a page); create and destroy may sleep.
 *
 * Emulation notes: blocks are at least 8 bytes (a free block holds the
 * free list's link). Destroying a pool with blocks in use warns and leaks
 * its pages rather than freeing memory a device may still write.
 */
#ifndef _LINUX_DMAPOOL_H
#define _LINUX_DMAPOOL_H

#include <linux/gfp.h>
#include <linux/types.h>

struct device;
struct dma_pool;

/*
 * Blocks of size bytes, aligned to align (a power of two, 0 meaning 1),
 * none crossing a multiple of boundary (a power of two >= size, or 0 for
 * no limit) in DMA address space. NULL on bad arguments or no memory.
 */
struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				 size_t boundary);
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma);

static inline void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | __GFP_ZERO, handle);
}

#endif /* _LINUX_DMAPOOL_H */
