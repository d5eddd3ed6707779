/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mempool.h - memory pools: an allocator with a reserve of min_nr
 * elements set aside at creation, so that I/O can go on when allocations
 * fail. mempool_alloc() tries the allocator first (without sleeping and
 * without the failure report), then takes from the reserve; with a gfp
 * that may sleep and an empty reserve it waits for mempool_free() to put
 * an element back, so it never fails then. mempool_free() refills the
 * reserve before it gives memory back to the allocator.
 *
 * Emulation notes: the node argument is ignored (one NUMA node). A sleeping
 * mempool_alloc() retries the allocator every 5 seconds while it waits, as
 * Linux does, rather than only when woken.
 */
#ifndef _LINUX_MEMPOOL_H
#define _LINUX_MEMPOOL_H

#include <linux/gfp_types.h>
#include <linux/numa.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <linux/wait.h>

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void(mempool_free_t)(void *element, void *pool_data);

typedef struct mempool_s {
	spinlock_t lock;
	int min_nr; /* the reserve's size */
	int curr_nr; /* elements in the reserve now */
	void **elements;
	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
	wait_queue_head_t wait;
} mempool_t;

/* NULL if the reserve could not be filled. May sleep with GFP_KERNEL. */
mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int node_id);
/* Frees the reserve and the pool; every element must have come back. NULL is fine. */
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask) __attribute__((__malloc__));
void mempool_free(void *element, mempool_t *pool);

static inline mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
					mempool_free_t *free_fn, void *pool_data)
{
	return mempool_create_node(min_nr, alloc_fn, free_fn, pool_data, GFP_KERNEL, NUMA_NO_NODE);
}

/* Pools of kmalloc(size) elements: pool_data is the size. */
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);

static inline mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

/* Pools of kmem_cache objects: pool_data is the cache. */
void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);

static inline mempool_t *mempool_create_slab_pool(int min_nr, struct kmem_cache *kc)
{
	return mempool_create(min_nr, mempool_alloc_slab, mempool_free_slab, kc);
}

#endif /* _LINUX_MEMPOOL_H */
