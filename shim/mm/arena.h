/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * arena.h - the DMA arena as the rest of the shim sees it: the chunks of
 * host memory (uhost_arena_alloc) that all kernel memory is carved from,
 * and the lookup from any address to its chunk. The DMA layer maps each
 * chunk in the IOMMU once, from the grow hook, before anything in it is
 * handed out. Lookups take no lock and make no system call: chunks are
 * published with release stores and never removed (the arena never
 * shrinks); growth is serialized inside arena.c.
 */
#ifndef ULDD_SHIM_MM_ARENA_H
#define ULDD_SHIM_MM_ARENA_H

#include <asm/page.h>
#include <linux/gfp_types.h>
#include <linux/types.h>

struct page;

/*
 * uhost_arena_alloc() returns 2 MiB-aligned memory in 2 MiB units, so
 * each 2 MiB granule of the address space belongs to at most one chunk.
 * A two-level table indexed by granule finds it: ULDD_ARENA_VA_BITS of
 * user address space (x86-64 and arm64 with 4-level tables) give 2^27
 * granules, split 15/12 so the top level is 256 KiB of zero pages until
 * used and one 32 KiB leaf covers 8 GiB.
 */
#define ULDD_ARENA_GRANULE_SHIFT 21
#define ULDD_ARENA_GRANULE (1UL << ULDD_ARENA_GRANULE_SHIFT)
#define ULDD_ARENA_VA_BITS 48
#define ULDD_ARENA_LEAF_BITS 12
#define ULDD_ARENA_TOP_BITS (ULDD_ARENA_VA_BITS - ULDD_ARENA_GRANULE_SHIFT - ULDD_ARENA_LEAF_BITS)
#define ULDD_ARENA_LEAF_ENTRIES (1UL << ULDD_ARENA_LEAF_BITS)
/* The registry's length: 1024 chunks are 4 GiB at the smallest size. */
#define ULDD_ARENA_MAX_CHUNKS 1024

/* The chunk holds one vmalloc allocation (larger than KMALLOC_MAX_SIZE). */
#define ULDD_CHUNK_HUGE (1u << 0)

/*
 * One chunk. Its description (this structure, the struct page of each of
 * its pages, the radix leaves it brought) lives in the shim's private heap
 * (private.h), which the IOMMU never maps: a device can write any page of
 * the chunk, but no allocator record. All its pages are for allocation.
 */
struct uldd_chunk {
	void *base; /* 2 MiB-aligned */
	size_t size; /* a multiple of 2 MiB */
	size_t host_page_size; /* 2 MiB (hugetlbfs) or 4 KiB, from the door */
	unsigned int index; /* in the order chunks arrived, from 0 */
	unsigned int flags; /* ULDD_CHUNK_* */
	struct page *pages; /* one per 4 KiB page of [base, base + size) */
	unsigned long base_pfn; /* base >> PAGE_SHIFT */
	unsigned long first_pfn; /* the first page for allocation: base_pfn */
	unsigned long end_pfn; /* one past the last page */
	/* The DMA layer's: how this chunk is mapped (IOVA offset, devices). */
	unsigned long dma[4];
	/* --debug=kasan: one byte per 8 of the chunk (shim/debug/kasan.h), else NULL. */
	u8 *shadow;
	/* The radix leaves it brings, zeroed, until it is published. */
	struct uldd_chunk **leaves;
};

extern struct uldd_chunk **uldd_arena_radix[1UL << ULDD_ARENA_TOP_BITS];

/* The chunk holding va, or NULL when va is not arena memory. Any context. */
static inline struct uldd_chunk *uldd_arena_find(const void *va)
{
	unsigned long granule = (unsigned long)va >> ULDD_ARENA_GRANULE_SHIFT;
	struct uldd_chunk **leaf;

	if (granule >> (ULDD_ARENA_TOP_BITS + ULDD_ARENA_LEAF_BITS))
		return NULL;
	leaf = __atomic_load_n(&uldd_arena_radix[granule >> ULDD_ARENA_LEAF_BITS],
			       __ATOMIC_ACQUIRE);
	if (!leaf)
		return NULL;
	return __atomic_load_n(&leaf[granule & (ULDD_ARENA_LEAF_ENTRIES - 1)], __ATOMIC_ACQUIRE);
}

/* The descriptor of the page holding va, which must be in c. */
static inline struct page *uldd_chunk_page(const struct uldd_chunk *c, const void *va)
{
	return c->pages + (((unsigned long)va >> PAGE_SHIFT) - c->base_pfn);
}

/*
 * Calls fn on each chunk, oldest first, until fn returns nonzero (which it
 * returns). Chunks added meanwhile may or may not be visited.
 */
int uldd_arena_for_each_chunk(int (*fn)(struct uldd_chunk *c, void *arg), void *arg);

/*
 * hook (0 or -errno) runs on each existing chunk at once, then on each new
 * chunk before any of its memory is handed out; a chunk it fails is given
 * back to the host and that growth fails. One hook (the DMA layer's); a
 * second call replaces it. Runs where the arena grows, holding its growth
 * lock: it may block, but must not allocate with flags that may sleep
 * (that growth would wait for itself); GFP_ATOMIC is fine.
 */
int uldd_arena_set_grow_hook(int (*hook)(struct uldd_chunk *c));

/*
 * size bytes (past KMALLOC_MAX_SIZE) in a chunk of their own, starting at a
 * multiple of align (a power of two): what dma_alloc_coherent() promises
 * of large buffers. Freed with kfree()/vfree(); blocking gfp only. NULL on
 * failure, without a warning.
 */
void *uldd_alloc_huge_aligned(size_t size, size_t align, gfp_t gfp);

/* The first chunk, so GFP_ATOMIC allocations find memory from the start. May block. */
int uldd_mm_init(void);

struct uldd_mm_stats {
	unsigned long chunks;
	unsigned long arena_bytes;
	unsigned long grow_calls; /* calls to uhost_arena_alloc, failed ones too */
	unsigned long free_pages; /* in the page allocator */
	unsigned long kmalloc_objects; /* in use, in the kmalloc size classes */
	unsigned long large_allocs; /* in use, kmalloc/vmalloc beyond the classes */
	unsigned long private_bytes; /* host memory of the private heap, never mapped */
};

/* A snapshot; counters read without locks, exact only when the arena is idle. */
void uldd_mm_stats(struct uldd_mm_stats *st);

#endif /* ULDD_SHIM_MM_ARENA_H */
