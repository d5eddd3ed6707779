// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * page_alloc.c - the page allocator (linux/gfp.h) over the arena's chunks:
 * a binary buddy allocator, one free list per order. Buddies are found by
 * address, so every block is naturally aligned (drivers' DMA rings rely on
 * it), stays inside one chunk, and merges back when freed, which keeps the
 * slabs' and large kmallocs' high orders available under churn. One lock
 * guards the lists; an allocated block's descriptors are its owner's.
 */
#define pr_fmt(fmt) "uldd mm: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../core/stop.h"
#include "../debug/debug.h"
#include "../debug/kasan.h"
#include "arena.h"
#include "internal.h"
#include "lock.h"

/*
 * Blocking allocations grow the arena before the free pages drop below
 * this reserve, so that GFP_ATOMIC ones, which cannot wait for the host,
 * find memory: an eighth of the arena, between 2 and 16 MiB.
 */
#define RESERVE_MIN_PAGES 512UL
#define RESERVE_MAX_PAGES 4096UL
/* A blocking allocation gives up after this many growths lost to others. */
#define GROW_ROUNDS 8

static struct uldd_mm_lock buddy_lock;
static struct page *buddy_lists[NR_PAGE_ORDERS];
/* Pages on the lists: written under buddy_lock, read without it. */
static unsigned long buddy_free;
/* Allocations past the size classes in use (atomic). */
static unsigned long large_allocs;
/* The arena generation at which growing ahead last failed: don't retry it. */
static unsigned int grow_failed_gen = ~0u;

unsigned long uldd_buddy_free_pages(void)
{
	return READ_ONCE(buddy_free);
}

unsigned long uldd_large_allocs(void)
{
	return __atomic_load_n(&large_allocs, __ATOMIC_RELAXED);
}

static unsigned long buddy_tag(unsigned int order)
{
	return PGF_BUDDY | ((unsigned long)order << PGF_ORDER_SHIFT);
}

/* Under buddy_lock. */
static void buddy_push(unsigned int order, struct page *pg)
{
	struct uldd_page_state *ps = page_state(pg);

	ps->prev = NULL;
	ps->next = buddy_lists[order];
	if (ps->next)
		page_state(ps->next)->prev = pg;
	buddy_lists[order] = pg;
	WRITE_ONCE(pg->flags, buddy_tag(order));
}

/* Under buddy_lock. */
static void buddy_unlink(unsigned int order, struct page *pg)
{
	struct uldd_page_state *ps = page_state(pg);

	if (ps->prev)
		page_state(ps->prev)->next = ps->next;
	else
		buddy_lists[order] = ps->next;
	if (ps->next)
		page_state(ps->next)->prev = ps->prev;
	ps->next = ps->prev = NULL;
	WRITE_ONCE(pg->flags, 0);
}

/*
 * Under buddy_lock: the free block at pfn joins the lists, merged with its
 * buddy while that is free, whole and in the same chunk. A page that is
 * allocated may have its flags written by its owner meanwhile; they never
 * equal a free block's tag, so reading them here is safe.
 */
static void buddy_give(struct uldd_chunk *c, unsigned long pfn, unsigned int order)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);
		struct page *b;

		if (buddy < c->first_pfn || buddy + (1UL << order) > c->end_pfn)
			break;
		b = c->pages + (buddy - c->base_pfn);
		if (READ_ONCE(b->flags) != buddy_tag(order))
			break;
		buddy_unlink(order, b);
		pfn &= ~(1UL << order);
		order++;
	}
	buddy_push(order, c->pages + (pfn - c->base_pfn));
}

void uldd_buddy_add_range(struct uldd_chunk *c, unsigned long pfn, unsigned long end)
{
	uldd_mm_lock(&buddy_lock);
	while (pfn < end) {
		unsigned int order = MAX_PAGE_ORDER;

		/* The largest aligned block that starts here and fits. */
		while (order && ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end))
			order--;
		buddy_give(c, pfn, order);
		WRITE_ONCE(buddy_free, buddy_free + (1UL << order));
		pfn += 1UL << order;
	}
	uldd_mm_unlock(&buddy_lock);
}

/* The smallest free block of at least order, split down to order. */
static struct page *buddy_take(unsigned int order)
{
	struct page *pg = NULL;
	unsigned int o;

	uldd_mm_lock(&buddy_lock);
	for (o = order; o <= MAX_PAGE_ORDER && !pg; o++)
		pg = buddy_lists[o];
	if (pg) {
		o--;
		buddy_unlink(o, pg);
		/* Descriptors of one chunk are an array: pg + n is n pages on. */
		while (o > order) {
			o--;
			buddy_push(o, pg + (1UL << o));
		}
		WRITE_ONCE(buddy_free, buddy_free - (1UL << order));
	}
	uldd_mm_unlock(&buddy_lock);
	return pg;
}

/* The block is the caller's: tails point at the head, one reference. */
static void block_prep(struct page *head, unsigned long npages, unsigned long flags)
{
	unsigned long i;

	for (i = 1; i < npages; i++)
		WRITE_ONCE(head[i].compound_head, (unsigned long)head | 1);
	head->private = 0;
	page_state(head)->cache = NULL;
	__atomic_store_n(&head->_refcount, 1, __ATOMIC_RELAXED);
	WRITE_ONCE(head->flags, PGF_HEAD | flags);
	if (uldd_debug_on(ULDD_DEBUG_KASAN))
		uldd_kasan_unpoison(page_address(head), npages << PAGE_SHIFT);
	/* To memcheck a block handed out holds garbage until written. */
	if (uldd_valgrind())
		uldd_vg_undefined(page_address(head), npages << PAGE_SHIFT);
}

static void block_unprep(struct page *head, unsigned long npages)
{
	unsigned long i;

	if (uldd_debug_on(ULDD_DEBUG_KASAN))
		uldd_kasan_poison(page_address(head), npages << PAGE_SHIFT, KASAN_PAGE_FREE);
	/* A free block is out of bounds for memcheck: a late access is an error. */
	if (uldd_valgrind())
		uldd_vg_noaccess(page_address(head), npages << PAGE_SHIFT);
	for (i = 1; i < npages; i++)
		WRITE_ONCE(head[i].compound_head, 0);
	head->private = 0;
	WRITE_ONCE(head->flags, 0);
}

static unsigned long reserve_pages(void)
{
	unsigned long r = (uldd_arena_bytes() >> PAGE_SHIFT) / 8;

	if (r < RESERVE_MIN_PAGES)
		return RESERVE_MIN_PAGES;
	return r > RESERVE_MAX_PAGES ? RESERVE_MAX_PAGES : r;
}

struct page *uldd_alloc_block(gfp_t gfp, unsigned int order, unsigned long kind)
{
	bool can_block = gfpflags_allow_blocking(gfp);
	unsigned int gen, rounds = 0;
	struct page *pg;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	for (;;) {
		gen = uldd_arena_generation();
		/*
		 * Only a caller that may sleep grows the arena (uhost_arena_alloc
		 * may block); it grows ahead, leaving the reserve to those that
		 * cannot. A failure here is not final: the reserve may serve.
		 */
		if (can_block && READ_ONCE(buddy_free) < reserve_pages() + (1UL << order) &&
		    READ_ONCE(grow_failed_gen) != gen && uldd_arena_grow(order, gen))
			WRITE_ONCE(grow_failed_gen, gen);
		pg = buddy_take(order);
		if (pg)
			break;
		if (!can_block || ++rounds > GROW_ROUNDS || uldd_arena_grow(order, gen))
			return NULL;
	}
	block_prep(pg, 1UL << order, kind | ((unsigned long)order << PGF_ORDER_SHIFT));
	if (gfp & __GFP_ZERO)
		memset(page_address(pg), 0, PAGE_SIZE << order);
	return pg;
}

void uldd_free_block(struct page *head, unsigned int order)
{
	/* The descriptors are not in their chunk: find it by the page's address. */
	struct uldd_chunk *c = uldd_arena_find(head->virtual);

	block_unprep(head, 1UL << order);
	uldd_mm_lock(&buddy_lock);
	buddy_give(c, (unsigned long)head->virtual >> PAGE_SHIFT, order);
	WRITE_ONCE(buddy_free, buddy_free + (1UL << order));
	uldd_mm_unlock(&buddy_lock);
}

void uldd_mm_failed(gfp_t gfp, const char *what, size_t bytes)
{
	if (gfp & __GFP_NOFAIL)
		uldd_stop("%s of %zu bytes with __GFP_NOFAIL failed", what, bytes);
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("%s of %zu bytes failed (gfp %#x%s); the arena has %lu MiB, %lu pages free\n", what,
		bytes, (__force unsigned int)gfp, gfpflags_allow_blocking(gfp) ? "" : ", atomic",
		uldd_arena_bytes() >> 20, uldd_buddy_free_pages());
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *pg = uldd_alloc_block(gfp, order, 0);

	if (unlikely(!pg))
		uldd_mm_failed(gfp, "alloc_pages", PAGE_SIZE << (order > 31 ? 31 : order));
	else if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_alloc(page_address(pg), PAGE_SIZE << order, "alloc_pages");
	return pg;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags = READ_ONCE(page->flags);

	if (unlikely((flags & (PGF_HEAD | PGF_SLAB | PGF_LARGE | PGF_HUGE)) != PGF_HEAD ||
		     page_block_order(page) != order))
		uldd_stop(
			"__free_pages(%px, %u): not an alloc_pages block of that order (flags %#lx)",
			page, order, flags);
	if (__atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL) == 0) {
		if (uldd_debug_on(ULDD_DEBUG_LEAKS))
			uldd_leaks_free(page_address(page));
		uldd_free_block(page, order);
	}
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *pg = alloc_pages(gfp, order);

	return pg ? (unsigned long)page_address(pg) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(uldd_virt_to_page(addr), order);
}

struct page *uldd_virt_to_page(unsigned long addr)
{
	struct uldd_chunk *c = uldd_arena_find((const void *)addr);

	if (unlikely(!c))
		uldd_stop("virt_to_page(%px): not arena memory (kmalloc, alloc_pages, vmalloc)",
			  (void *)addr);
	return uldd_chunk_page(c, (const void *)addr);
}

bool __virt_addr_valid(unsigned long addr)
{
	return uldd_arena_find((const void *)addr) != NULL;
}

/*
 * A chunk of its own for one allocation past the page allocator's blocks,
 * starting at a multiple of align (a power of two): the chunk is grown by
 * align more than needed, and what the allocation leaves of it, before and
 * after, is ordinary memory.
 */
static void *alloc_huge(size_t size, size_t align, gfp_t gfp)
{
	unsigned long npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long apages = align >> PAGE_SHIFT, pfn;
	struct uldd_chunk *c;
	struct page *head;

	/* Past any arena this process could have; also keeps the sums small. */
	if (!gfpflags_allow_blocking(gfp) || size > (1UL << 40) || align > (1UL << 40))
		return NULL;
	c = uldd_arena_grow_huge(size + (apages > 1 ? align - PAGE_SIZE : 0));
	if (IS_ERR(c))
		return NULL;
	pfn = apages > 1 ? ALIGN(c->first_pfn, apages) : c->first_pfn;
	head = c->pages + (pfn - c->base_pfn);
	block_prep(head, npages, PGF_HUGE);
	head->private = npages;
	if (pfn > c->first_pfn)
		uldd_buddy_add_range(c, c->first_pfn, pfn);
	if (pfn + npages < c->end_pfn)
		uldd_buddy_add_range(c, pfn + npages, c->end_pfn);
	if (gfp & __GFP_ZERO)
		memset(page_address(head), 0, npages << PAGE_SHIFT);
	__atomic_fetch_add(&large_allocs, 1, __ATOMIC_RELAXED);
	if (uldd_valgrind())
		uldd_vg_alloc(page_address(head), size, gfp & __GFP_ZERO);
	return page_address(head);
}

void *uldd_alloc_huge_aligned(size_t size, size_t align, gfp_t gfp)
{
	return alloc_huge(size, align, gfp);
}

void *uldd_alloc_large(size_t size, gfp_t gfp)
{
	struct page *head;

	if (size > KMALLOC_MAX_SIZE)
		return alloc_huge(size, PAGE_SIZE, gfp);
	head = uldd_alloc_block(gfp, get_order(size), PGF_LARGE);
	if (!head)
		return NULL;
	__atomic_fetch_add(&large_allocs, 1, __ATOMIC_RELAXED);
	/* To memcheck a block of its own, as large as asked (large_release() ends it). */
	if (uldd_valgrind())
		uldd_vg_alloc(page_address(head), size, gfp & __GFP_ZERO);
	return page_address(head);
}

size_t uldd_large_size(const struct page *head)
{
	if (READ_ONCE(head->flags) & PGF_HUGE)
		return head->private << PAGE_SHIFT;
	return PAGE_SIZE << page_block_order(head);
}

/* The last reference to a large allocation is gone. */
static void large_release(struct page *head)
{
	unsigned long pfn = (unsigned long)head->virtual >> PAGE_SHIFT, npages = head->private;

	__atomic_fetch_sub(&large_allocs, 1, __ATOMIC_RELAXED);
	if (uldd_valgrind())
		uldd_vg_free(head->virtual);
	if (READ_ONCE(head->flags) & PGF_HUGE) {
		/* The arena never shrinks: the chunk joins the general pool. */
		block_unprep(head, npages);
		uldd_buddy_add_range(uldd_arena_find(head->virtual), pfn, pfn + npages);
		return;
	}
	uldd_free_block(head, page_block_order(head));
}

void uldd_free_large(struct page *head)
{
	if (__atomic_sub_fetch(&head->_refcount, 1, __ATOMIC_ACQ_REL) == 0)
		large_release(head);
}

void uldd_page_put_last(struct page *head)
{
	unsigned long flags = READ_ONCE(head->flags);

	if (flags & PGF_SLAB)
		uldd_stop("put_page(%px): last reference to a slab page (kfree frees those)", head);
	if (!(flags & PGF_HEAD))
		uldd_stop("put_page(%px): the page is not allocated (flags %#lx)", head, flags);
	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_free(page_address(head));
	if (flags & (PGF_LARGE | PGF_HUGE))
		large_release(head);
	else
		uldd_free_block(head, page_block_order(head));
}
