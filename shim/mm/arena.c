// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * arena.c - the chunks of the DMA arena: host memory from
 * uhost_arena_alloc(), found from any address through a two-level table
 * (arena.h). A chunk's descriptor, its struct page array and the table's
 * leaves live in the shim's private heap (private.h), out of the IOMMU's
 * reach: a device's stray write lands in arena memory, never in the
 * allocator's own records.
 * Growth is serialized by one lock and may block; lookups and the
 * registry's readers take no lock (release/acquire publication, and
 * nothing is ever removed).
 */
#define pr_fmt(fmt) "uldd mm: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <uldd/debug.h>

#include "../core/door.h"
#include "../debug/kasan.h"

#include "arena.h"
#include "internal.h"
#include "lock.h"
#include "private.h"

/*
 * The first chunk, and the most one growth adds: each growth adds as much
 * as the arena holds (doubling it) up to that step, so a small driver
 * stays small and a large one makes few system calls.
 */
#define ARENA_FIRST_CHUNK (4UL << 20)
#define ARENA_MAX_STEP (64UL << 20)

#define ARENA_LEAF_BYTES (ULDD_ARENA_LEAF_ENTRIES * sizeof(struct uldd_chunk *))
/* The granules one radix leaf covers (8 GiB). */
#define ARENA_LEAF_SPAN (ULDD_ARENA_GRANULE << ULDD_ARENA_LEAF_BITS)

struct uldd_chunk **uldd_arena_radix[1UL << ULDD_ARENA_TOP_BITS];

static struct uldd_chunk *arena_chunks[ULDD_ARENA_MAX_CHUNKS];
/* Published with a release store after arena_chunks[] and the radix table. */
static unsigned int arena_nr_chunks;
/* Written under arena_grow_lock, read anywhere. */
static unsigned long arena_total_bytes;
static unsigned long arena_grows;
static int (*arena_hook)(struct uldd_chunk *c);
static struct uldd_mm_lock arena_grow_lock;

/*
 * Growth can take milliseconds (the host populates the memory, the DMA
 * layer's grow hook pins it in the IOMMU), so a second grower waits asleep
 * rather than spinning, and every door call under the lock lends the
 * holder's vCPU out (core/door.c). That is safe only because no one waits
 * for this lock holding a vCPU: a waiter sleeps through the door too,
 * giving its vCPU up, so the holder always gets one back to finish on.
 * Only callers that may sleep come here (GFP_ATOMIC never grows the arena);
 * one in atomic context keeps its vCPU and is reported by the wrapper.
 * Not a kernel mutex: uldd_mm_init() grows the arena before any task
 * exists.
 */
static void arena_lock(void)
{
	while (!uldd_mm_trylock(&arena_grow_lock))
		uldd_door_sleep_ns(20 * 1000);
}

static void arena_unlock(void)
{
	uldd_mm_unlock(&arena_grow_lock);
}

unsigned int uldd_arena_generation(void)
{
	return __atomic_load_n(&arena_nr_chunks, __ATOMIC_ACQUIRE);
}

unsigned long uldd_arena_bytes(void)
{
	return READ_ONCE(arena_total_bytes);
}

unsigned long uldd_arena_grow_calls(void)
{
	return READ_ONCE(arena_grows);
}

static size_t arena_round_up(size_t x, size_t align)
{
	return (x + align - 1) & ~(align - 1);
}

/* The radix leaves a chunk at base must bring: the top entries still empty. */
static unsigned int arena_leaves_needed(unsigned long base, size_t size)
{
	unsigned long t, last = (base + size - 1) / ARENA_LEAF_SPAN;
	unsigned int n = 0;

	for (t = base / ARENA_LEAF_SPAN; t <= last; t++)
		n += !uldd_arena_radix[t];
	return n;
}

/* Gives back what arena_take() made of a chunk the arena will not keep. */
static void arena_drop(struct uldd_chunk *c)
{
	uldd_door_arena_free(c->base, c->size);
	uldd_private_free(c->shadow);
	uldd_private_free(c->leaves);
	uldd_private_free(c->pages);
	uldd_private_free(c);
}

/*
 * A new chunk from the host, described but not yet findable. Under the
 * lock, so the radix leaves it brings are still missing at publication.
 * Every one of its pages is for allocation: its description is elsewhere,
 * in the private heap, which may grow here (see arena_lock()).
 */
static struct uldd_chunk *arena_take(size_t size, unsigned int flags)
{
	unsigned long base, i, npages = size >> PAGE_SHIFT;
	uhost_size page_size = 0;
	struct uldd_chunk *c;
	unsigned int leaves;
	void *va;
	int err;

	if (arena_nr_chunks == ULDD_ARENA_MAX_CHUNKS) {
		pr_err("the arena has its %d chunks: cannot grow it\n", ULDD_ARENA_MAX_CHUNKS);
		return ERR_PTR(-ENOMEM);
	}
	c = uldd_private_alloc(sizeof(*c), GFP_KERNEL | __GFP_ZERO);
	if (!c)
		return ERR_PTR(-ENOMEM);
	c->pages = uldd_private_alloc(npages * sizeof(struct page), GFP_KERNEL | __GFP_ZERO);
	if (!c->pages)
		goto err_pages;
	WRITE_ONCE(arena_grows, arena_grows + 1);
	err = uldd_door_arena_alloc(size, &va, &page_size);
	if (err) {
		pr_err("cannot grow the DMA arena by %zu MiB: %s\n", size >> 20, uhost_errmsg());
		goto err_host;
	}
	c->base = va;
	c->size = size;
	base = (unsigned long)va;
	if ((base & (ULDD_ARENA_GRANULE - 1)) || ((base + size - 1) >> ULDD_ARENA_VA_BITS)) {
		pr_err("arena chunk at %px: not 2 MiB-aligned or above %d bits: not usable\n", va,
		       ULDD_ARENA_VA_BITS);
		goto err_addr;
	}
	leaves = arena_leaves_needed(base, size);
	if (leaves) {
		c->leaves = uldd_private_alloc(leaves * ARENA_LEAF_BYTES, GFP_KERNEL | __GFP_ZERO);
		if (!c->leaves)
			goto err_addr;
	}
	c->host_page_size = page_size;
	c->index = arena_nr_chunks;
	c->flags = flags;
	c->base_pfn = base >> PAGE_SHIFT;
	c->first_pfn = c->base_pfn;
	c->end_pfn = c->base_pfn + npages;
	for (i = 0; i < npages; i++)
		c->pages[i].virtual = (char *)va + (i << PAGE_SHIFT);
	if (uldd_debug_on(ULDD_DEBUG_KASAN)) {
		if (uldd_kasan_chunk_init(c))
			goto err_addr;
		/* The mask is set before the first chunk, so no slab exists yet. */
		if (!arena_nr_chunks)
			uldd_slab_kasan_init();
	}
	return c;

err_addr:
	arena_drop(c);
	return ERR_PTR(-ENOMEM);
err_host:
	uldd_private_free(c->pages);
err_pages:
	uldd_private_free(c);
	return ERR_PTR(-ENOMEM);
}

/* Makes c findable: radix entries first, then the registry's count. */
static void arena_publish(struct uldd_chunk *c)
{
	struct uldd_chunk **spare = c->leaves;
	unsigned long g = (unsigned long)c->base >> ULDD_ARENA_GRANULE_SHIFT;
	unsigned long end = g + (c->size >> ULDD_ARENA_GRANULE_SHIFT);

	for (; g < end; g++) {
		struct uldd_chunk ***top = &uldd_arena_radix[g >> ULDD_ARENA_LEAF_BITS];
		struct uldd_chunk **leaf = *top;

		if (!leaf) {
			/* A zeroed leaf the chunk brought: readers see it empty first. */
			leaf = spare;
			spare += ULDD_ARENA_LEAF_ENTRIES;
			__atomic_store_n(top, leaf, __ATOMIC_RELEASE);
		}
		__atomic_store_n(&leaf[g & (ULDD_ARENA_LEAF_ENTRIES - 1)], c, __ATOMIC_RELEASE);
	}
	arena_chunks[c->index] = c;
	WRITE_ONCE(arena_total_bytes, arena_total_bytes + c->size);
	__atomic_store_n(&arena_nr_chunks, c->index + 1, __ATOMIC_RELEASE);
}

/* The hook sees the chunk before anything can use it. */
static int arena_admit(struct uldd_chunk *c)
{
	int err = arena_hook ? arena_hook(c) : 0;

	if (err) {
		pr_err("arena chunk at %px (%zu MiB) refused by the DMA layer: %d\n", c->base,
		       c->size >> 20, err);
		arena_drop(c);
		return err;
	}
	arena_publish(c);
	return 0;
}

int uldd_arena_grow(unsigned int order, unsigned int gen)
{
	size_t size, block = PAGE_SIZE << order;
	struct uldd_chunk *c;
	int err = 0;

	arena_lock();
	/* Another thread grew the arena while this one waited: try that first. */
	if (arena_nr_chunks != gen)
		goto out;
	size = arena_total_bytes;
	if (size < ARENA_FIRST_CHUNK)
		size = ARENA_FIRST_CHUNK;
	if (size > ARENA_MAX_STEP)
		size = ARENA_MAX_STEP;
	/*
	 * Twice the block: a 2 MiB-aligned chunk of that size always holds
	 * a naturally aligned block of more than 2 MiB.
	 */
	if (size < 2 * block)
		size = 2 * block;
	c = arena_take(size, 0);
	if (IS_ERR(c)) {
		err = PTR_ERR(c);
		goto out;
	}
	err = arena_admit(c);
	if (!err)
		uldd_buddy_add_range(c, c->first_pfn, c->end_pfn);
out:
	arena_unlock();
	return err;
}

struct uldd_chunk *uldd_arena_grow_huge(size_t bytes)
{
	size_t size = arena_round_up(bytes, ULDD_ARENA_GRANULE);
	struct uldd_chunk *c;
	int err;

	arena_lock();
	c = arena_take(size, ULDD_CHUNK_HUGE);
	if (!IS_ERR(c)) {
		err = arena_admit(c);
		if (err)
			c = ERR_PTR(err);
	}
	arena_unlock();
	return c;
}

int uldd_mm_init(void)
{
	/* The shim's first call in some programs: check the door's revisions. */
	int err = uldd_door_init();

	if (!err)
		err = uldd_private_init();

	if (err || uldd_arena_generation())
		return err;
	return uldd_arena_grow(0, 0);
}

int uldd_arena_for_each_chunk(int (*fn)(struct uldd_chunk *c, void *arg), void *arg)
{
	unsigned int i, n = uldd_arena_generation();
	int ret;

	for (i = 0; i < n; i++) {
		ret = fn(arena_chunks[i], arg);
		if (ret)
			return ret;
	}
	return 0;
}

int uldd_arena_set_grow_hook(int (*hook)(struct uldd_chunk *c))
{
	unsigned int i;
	int err = 0;

	arena_lock();
	for (i = 0; hook && i < arena_nr_chunks; i++) {
		err = hook(arena_chunks[i]);
		if (err)
			goto out;
	}
	arena_hook = hook;
out:
	arena_unlock();
	return err;
}

void uldd_mm_stats(struct uldd_mm_stats *st)
{
	st->chunks = uldd_arena_generation();
	st->arena_bytes = uldd_arena_bytes();
	st->grow_calls = uldd_arena_grow_calls();
	st->free_pages = uldd_buddy_free_pages();
	st->kmalloc_objects = uldd_kmalloc_objects();
	st->large_allocs = uldd_large_allocs();
	st->private_bytes = uldd_private_bytes();
}
