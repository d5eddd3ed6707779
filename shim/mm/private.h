/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * private.h - the shim's private heap: memory for the shim's own structures
 * (tasks and kthread records, the shim's parts of net_device, pci_dev and
 * device, struct sk_buff, the arena's chunk descriptors and page arrays),
 * which the IOMMU never maps, so no device, however a driver programs it,
 * can write them. What a driver may hand to a device stays in the DMA arena
 * (arena.h): kmalloc, kmem_cache, alloc_pages, vmalloc, coherent buffers,
 * skb data heads. Never mix the two: kfree() of private memory stops.
 */
#ifndef ULDD_SHIM_MM_PRIVATE_H
#define ULDD_SHIM_MM_PRIVATE_H

#include <linux/gfp_types.h>
#include <linux/types.h>

/*
 * size bytes, aligned to the power of two at or above size (up to a page;
 * larger ones are page-aligned), zeroed with __GFP_ZERO. Any context: only
 * a caller that may sleep grows the heap (from the host, with its vCPU
 * given up around the door call), and it grows ahead so atomic callers find
 * memory. NULL on failure.
 */
void *uldd_private_alloc(size_t size, gfp_t gfp);
/* Gives p back (NULL is fine); p must come from uldd_private_alloc(). Any context. */
void uldd_private_free(const void *p);
/* Whether p lies in the private heap. No lock, any context. */
bool uldd_private_owns(const void *p);

/* The heap's first region, so atomic allocations find memory. May block. */
int uldd_private_init(void);

/*
 * Calls fn on each region of host memory the heap holds, oldest first,
 * until fn returns nonzero (which it returns): for tests that check the
 * IOMMU never saw them.
 */
int uldd_private_for_each_region(int (*fn)(void *base, size_t size, void *arg), void *arg);
/* Bytes of host memory the heap holds. */
unsigned long uldd_private_bytes(void);

#endif /* ULDD_SHIM_MM_PRIVATE_H */
