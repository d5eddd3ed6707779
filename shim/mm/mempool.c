// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * mm/mempool.c - mempools (linux/mempool.h): the reserve is an array of
 * element pointers in the private heap, under the pool's spinlock (irqsave:
 * mempool_free() may come from an interrupt handler). A sleeping
 * allocation waits on the pool's wait queue, which mempool_free() wakes
 * when it refills the reserve.
 */
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mempool.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "private.h"

mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int node_id)
{
	mempool_t *pool;

	(void)node_id;
	if (min_nr < 1)
		return NULL;
	pool = uldd_private_alloc(sizeof(*pool), gfp_mask | __GFP_ZERO);
	if (!pool)
		return NULL;
	pool->elements = uldd_private_alloc(min_nr * sizeof(void *), gfp_mask | __GFP_ZERO);
	if (!pool->elements) {
		uldd_private_free(pool);
		return NULL;
	}
	spin_lock_init(&pool->lock);
	init_waitqueue_head(&pool->wait);
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	while (pool->curr_nr < min_nr) {
		void *element = alloc_fn(gfp_mask, pool_data);

		if (!element) {
			mempool_destroy(pool);
			return NULL;
		}
		pool->elements[pool->curr_nr++] = element;
	}
	return pool;
}

void mempool_destroy(mempool_t *pool)
{
	if (!pool)
		return;
	while (pool->curr_nr > 0)
		pool->free(pool->elements[--pool->curr_nr], pool->pool_data);
	uldd_private_free(pool->elements);
	uldd_private_free(pool);
}

/* An element of the reserve, or NULL when it is empty. */
static void *mempool_take(mempool_t *pool)
{
	unsigned long flags;
	void *element = NULL;

	spin_lock_irqsave(&pool->lock, flags);
	if (pool->curr_nr > 0) {
		/* Marked: mempool_alloc's wait and mempool_free read it unlocked. */
		WRITE_ONCE(pool->curr_nr, pool->curr_nr - 1);
		element = pool->elements[pool->curr_nr];
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	return element;
}

void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask)
{
	/* The allocator is tried without sleeping or warning: the reserve is the fallback. */
	gfp_t try = (gfp_mask & ~(__GFP_DIRECT_RECLAIM | __GFP_IO)) | __GFP_NOWARN | __GFP_NORETRY |
		    __GFP_NOMEMALLOC;
	void *element;

	if (gfpflags_allow_blocking(gfp_mask))
		might_sleep();
	for (;;) {
		element = pool->alloc(try, pool->pool_data);
		if (element)
			return element;
		element = mempool_take(pool);
		if (element)
			return element;
		if (!gfpflags_allow_blocking(gfp_mask))
			return NULL;
		wait_event_timeout(pool->wait, READ_ONCE(pool->curr_nr) > 0, 5 * HZ);
		/* Later tries may sleep in the allocator too, as the caller allowed. */
		try = gfp_mask | __GFP_NOWARN;
	}
}

void mempool_free(void *element, mempool_t *pool)
{
	unsigned long flags;

	if (!element)
		return;
	if (READ_ONCE(pool->curr_nr) < pool->min_nr) {
		spin_lock_irqsave(&pool->lock, flags);
		if (pool->curr_nr < pool->min_nr) {
			pool->elements[pool->curr_nr] = element;
			WRITE_ONCE(pool->curr_nr, pool->curr_nr + 1);
			spin_unlock_irqrestore(&pool->lock, flags);
			wake_up(&pool->wait);
			return;
		}
		spin_unlock_irqrestore(&pool->lock, flags);
	}
	pool->free(element, pool->pool_data);
}

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kmalloc((size_t)pool_data, gfp_mask);
}

void mempool_kfree(void *element, void *pool_data)
{
	(void)pool_data;
	kfree(element);
}

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data)
{
	return kmem_cache_alloc(pool_data, gfp_mask);
}

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(pool_data, element);
}
