/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * internal.h - what arena.c, page_alloc.c, slab.c and util.c share: the
 * meaning of struct page's private state, and the calls between them.
 * Concurrency is each file's (see their headers); the page flags of a
 * block change only while its owner holds it or under the buddy lock.
 */
#ifndef ULDD_SHIM_MM_INTERNAL_H
#define ULDD_SHIM_MM_INTERNAL_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/types.h>

#include "arena.h"

struct kmem_cache;

/*
 * struct page's flags: what the block is, its order, and for a slab the
 * objects in use (changed under the cache's lock, beside bits that stay
 * fixed while the slab lives, so lock-free readers of the bits are safe).
 */
/* Bit 0 is free: it marked the descriptor pages a chunk once held. */
#define PGF_BUDDY (1UL << 1) /* the first page of a free block */
#define PGF_HEAD (1UL << 2) /* the first page of an allocated block */
#define PGF_SLAB (1UL << 3) /* with PGF_HEAD: a slab of a kmem_cache */
#define PGF_LARGE (1UL << 4) /* with PGF_HEAD: kmalloc/vmalloc past the classes */
#define PGF_HUGE (1UL << 5) /* with PGF_HEAD: the one vmalloc of a chunk */
#define PGF_ORDER_SHIFT 8
#define PGF_ORDER_MASK (0xffUL << PGF_ORDER_SHIFT)
#define PGF_INUSE_SHIFT 32

/* struct page's uldd_state words: list links, and a slab's cache. */
struct uldd_page_state {
	struct page *next, *prev;
	struct kmem_cache *cache;
};

_Static_assert(sizeof(struct uldd_page_state) <= sizeof(((struct page *)0)->uldd_state),
	       "struct page has no room for the allocator's state");
_Static_assert(sizeof(struct page) == 64, "struct page is the ABI's 64 bytes");

static inline struct uldd_page_state *page_state(struct page *page)
{
	return (struct uldd_page_state *)page->uldd_state;
}

static inline unsigned int page_block_order(const struct page *head)
{
	return (unsigned int)((READ_ONCE(head->flags) & PGF_ORDER_MASK) >> PGF_ORDER_SHIFT);
}

/* arena.c: the registry's generation (chunks so far), and growing it. */
unsigned int uldd_arena_generation(void);
/*
 * Adds a chunk with room for a naturally aligned block of 2^order pages,
 * unless the arena grew since the caller read gen (then it retries). Its
 * pages go to the page allocator. May block. 0 or -ENOMEM.
 */
int uldd_arena_grow(unsigned int order, unsigned int gen);
/* A chunk of its own for one allocation of bytes; its pages are not freed. */
struct uldd_chunk *uldd_arena_grow_huge(size_t bytes);
unsigned long uldd_arena_bytes(void);
unsigned long uldd_arena_grow_calls(void);

/* page_alloc.c */
/* Frees [pfn, end) of chunk c into the buddy lists, in aligned blocks. */
void uldd_buddy_add_range(struct uldd_chunk *c, unsigned long pfn, unsigned long end);
/* A block with its head marked kind (PGF_SLAB, PGF_LARGE or 0); no warning. */
struct page *uldd_alloc_block(gfp_t gfp, unsigned int order, unsigned long kind);
/* Gives a block whose last reference is gone back to the buddy lists. */
void uldd_free_block(struct page *head, unsigned int order);
/* kmalloc/vmalloc past the size classes; kfree's part for them. */
void *uldd_alloc_large(size_t size, gfp_t gfp);
void uldd_free_large(struct page *head);
size_t uldd_large_size(const struct page *head);
unsigned long uldd_buddy_free_pages(void);
/* An allocation failed: stop for __GFP_NOFAIL, else one line unless __GFP_NOWARN. */
void uldd_mm_failed(gfp_t gfp, const char *what, size_t bytes);
unsigned long uldd_large_allocs(void);

/* slab.c */
unsigned long uldd_kmalloc_objects(void);

#endif /* ULDD_SHIM_MM_INTERNAL_H */
