// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/dma/pool.c - dma_pool: coherent pages cut into equal blocks, none
 * crossing the pool's boundary in DMA address space, free blocks on one
 * list threaded through themselves. One spinlock per pool; a page is added
 * outside it (the allocation may sleep with blocking flags).
 */
#define pr_fmt(fmt) "uldd dma: " fmt

#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "../../mm/private.h"
#include "dma.h"

struct dma_pool_page {
	struct list_head node;
	void *vaddr;
	dma_addr_t dma;
};

struct dma_pool {
	char name[32];
	struct device *dev;
	size_t size; /* of a block, a multiple of the alignment */
	size_t align;
	size_t boundary; /* 0: none */
	size_t allocation; /* of a page */
	spinlock_t lock; /* guards the rest */
	struct list_head pages;
	void *free; /* the first free block; each holds the next */
	unsigned long nr_active;
};

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				 size_t boundary)
{
	struct dma_pool *pool;

	might_sleep();
	if (!align)
		align = 1;
	if (!dev || !size || !is_power_of_2(align))
		return NULL;
	size = ALIGN(max_t(size_t, size, sizeof(void *)), align);
	if (boundary && (boundary < size || !is_power_of_2(boundary)))
		return NULL;
	/* The pool's records are the shim's; its blocks are coherent memory. */
	pool = uldd_private_alloc(sizeof(*pool), GFP_KERNEL | __GFP_ZERO);
	if (!pool)
		return NULL;
	strscpy(pool->name, name ? name : "", sizeof(pool->name));
	pool->dev = dev;
	pool->size = size;
	pool->align = align;
	pool->boundary = boundary;
	pool->allocation = max_t(size_t, PAGE_SIZE, roundup_pow_of_two(size));
	spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->pages);
	return pool;
}

/* A new page's blocks, linked in address order; the last one in *lastp. */
static void *dma_pool_carve(struct dma_pool *pool, struct dma_pool_page *pg, void **lastp)
{
	void *first = NULL, *last = NULL;
	size_t off = 0;

	for (;;) {
		dma_addr_t a = ALIGN(pg->dma + off, pool->align);
		void *blk;

		if (pool->boundary &&
		    (a & ~(dma_addr_t)(pool->boundary - 1)) !=
			    ((a + pool->size - 1) & ~(dma_addr_t)(pool->boundary - 1)))
			a = ALIGN(a, pool->boundary);
		off = a - pg->dma;
		if (off + pool->size > pool->allocation)
			break;
		blk = (char *)pg->vaddr + off;
		*(void **)blk = NULL;
		if (last)
			*(void **)last = blk;
		else
			first = blk;
		last = blk;
		off += pool->size;
	}
	*lastp = last;
	return first;
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_pool_page *pg;
	unsigned long flags;
	void *blk, *last;

	spin_lock_irqsave(&pool->lock, flags);
	blk = pool->free;
	if (blk)
		goto take;
	spin_unlock_irqrestore(&pool->lock, flags);

	pg = uldd_private_alloc(sizeof(*pg), mem_flags & ~__GFP_ZERO);
	if (!pg)
		return NULL;
	pg->vaddr =
		dma_alloc_coherent(pool->dev, pool->allocation, &pg->dma, mem_flags & ~__GFP_ZERO);
	if (!pg->vaddr) {
		uldd_private_free(pg);
		return NULL;
	}
	/* size <= allocation: a page holds at least one block. */
	blk = dma_pool_carve(pool, pg, &last);
	spin_lock_irqsave(&pool->lock, flags);
	list_add(&pg->node, &pool->pages);
	*(void **)last = pool->free;
	pool->free = blk;
take:
	pool->free = *(void **)blk;
	pool->nr_active++;
	spin_unlock_irqrestore(&pool->lock, flags);
	*handle = uldd_dma_coherent_addr(pool->dev, blk, pool->size);
	if (mem_flags & __GFP_ZERO)
		memset(blk, 0, pool->size);
	return blk;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	unsigned long flags;

	(void)dma;
	spin_lock_irqsave(&pool->lock, flags);
	*(void **)vaddr = pool->free;
	pool->free = vaddr;
	pool->nr_active--;
	spin_unlock_irqrestore(&pool->lock, flags);
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_pool_page *pg, *tmp;

	if (!pool)
		return;
	if (pool->nr_active) {
		pr_err("dma_pool_destroy(%s): %lu blocks still in use: its pages are leaked\n",
		       pool->name, pool->nr_active);
	} else {
		list_for_each_entry_safe(pg, tmp, &pool->pages, node) {
			list_del(&pg->node);
			dma_free_coherent(pool->dev, pool->allocation, pg->vaddr, pg->dma);
			uldd_private_free(pg);
		}
	}
	uldd_private_free(pool);
}
