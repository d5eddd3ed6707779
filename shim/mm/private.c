// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * private.c - the shim's private heap (private.h): host memory from the
 * same door call as the arena (uhost_arena_alloc), but never given to the
 * DMA layer, so the IOMMU never maps it. Regions of 2 MiB, each described
 * by its own first page; objects up to 2 KiB come from power-of-two size
 * classes carved out of whole pages, larger ones are runs of pages, and
 * what a region cannot hold gets a region of its own. One lock guards the
 * lists and the page maps; growth takes it only to link a new region in,
 * and may block (with the vCPU given up). The heap holds a few MiB at
 * most, so it never shrinks: freed pages of a class stay with it, a freed
 * region of its own waits for reuse.
 */
#define pr_fmt(fmt) "uldd mm: " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "../core/door.h"

#include "../core/stop.h"
#include "arena.h"
#include "lock.h"
#include "private.h"

#define PRIV_REGION ULDD_ARENA_GRANULE /* what uhost_arena_alloc() aligns to */
#define PRIV_PAGES (PRIV_REGION >> PAGE_SHIFT)
#define PRIV_MAGIC 0x70726976u
#define PRIV_MIN_SHIFT 4 /* 16 bytes: a pointer pair fits, and u64 alignment */
#define PRIV_MAX_SHIFT 11 /* 2 KiB: past it, pages */
#define PRIV_NR_CLASSES (PRIV_MAX_SHIFT - PRIV_MIN_SHIFT + 1)
/* Runs up to half a region; beyond, a region of its own wastes less. */
#define PRIV_RUN_MAX (PRIV_PAGES / 2)
/*
 * Blocking allocations grow the heap before fewer pages than this are
 * free, so that atomic ones (sk_buffs from an interrupt handler) find
 * memory without the host: 1 MiB is four thousand sk_buffs.
 */
#define PRIV_RESERVE_PAGES 256U

/* kind[] of a page. */
enum {
	PRIV_PG_FREE = 0,
	PRIV_PG_HEAD, /* the region's own description */
	PRIV_PG_RUN, /* the first page of a run; run[] has its length */
	PRIV_PG_TAIL, /* a later page of a run */
	PRIV_PG_CLASS, /* + class: a page carved into that class's objects */
};

/* The first page of every region. */
struct priv_region {
	u32 magic;
	u32 own; /* 1: one allocation of its own, at the second page */
	size_t size;
	struct priv_region *next; /* in arrival order; published with a release store */
	bool own_used; /* own: whether that allocation is live */
	unsigned int free_pages; /* PRIV_PG_FREE pages */
	u8 kind[PRIV_PAGES];
	u16 run[PRIV_PAGES];
};

_Static_assert(sizeof(struct priv_region) <= PAGE_SIZE,
	       "a region's description fills its first page");

struct priv_free {
	struct priv_free *next;
};

static struct uldd_mm_lock priv_lock;
static struct priv_region *priv_first, **priv_tail = &priv_first;
static struct priv_free *priv_lists[PRIV_NR_CLASSES];
/* Free pages in all shared regions: written under priv_lock. */
static unsigned long priv_free_pages;
/* Growths so far, and the bytes they added: written under priv_lock. */
static unsigned int priv_grows;
static unsigned long priv_total;

unsigned long uldd_private_bytes(void)
{
	return READ_ONCE(priv_total);
}

/* The region holding p, or NULL: a walk over a handful of regions, no lock. */
static struct priv_region *priv_find(const void *p)
{
	unsigned long a = (unsigned long)p;
	struct priv_region *r;

	for (r = __atomic_load_n(&priv_first, __ATOMIC_ACQUIRE); r;
	     r = __atomic_load_n(&r->next, __ATOMIC_ACQUIRE)) {
		if (a - (unsigned long)r < r->size)
			return r;
	}
	return NULL;
}

bool uldd_private_owns(const void *p)
{
	return priv_find(p) != NULL;
}

int uldd_private_for_each_region(int (*fn)(void *base, size_t size, void *arg), void *arg)
{
	struct priv_region *r;
	int ret;

	for (r = __atomic_load_n(&priv_first, __ATOMIC_ACQUIRE); r;
	     r = __atomic_load_n(&r->next, __ATOMIC_ACQUIRE)) {
		ret = fn(r, r->size, arg);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * A new region of size bytes (own: for one allocation), made findable; NULL
 * when the host refused, or when another thread grew the heap since the
 * caller read gen (then the caller retries first). Only blocking callers.
 * No lock is held across the door call, which may take milliseconds (the
 * host populates the memory): two growers may both add a region, which
 * costs 2 MiB, where a lock would make the second wait on the first. The
 * vCPU is given up around the door call (core/door.c), also under the
 * arena's growth lock, whose waiters give theirs up too (mm/arena.c).
 */
static struct priv_region *priv_grow(size_t size, bool own, unsigned int gen)
{
	struct priv_region *r;
	uhost_size page_size;
	void *va;
	int err;

	if (!own && READ_ONCE(priv_grows) != gen)
		return NULL;
	err = uldd_door_arena_alloc(size, &va, &page_size);
	if (err) {
		pr_err("cannot grow the shim's private heap by %zu MiB: %s\n", size >> 20,
		       uhost_errmsg());
		return NULL;
	}
	r = va;
	/* Fresh anonymous memory is zero, but the description must not depend on it. */
	memset(r, 0, sizeof(*r));
	r->magic = PRIV_MAGIC;
	r->own = own;
	r->own_used = own;
	r->size = size;
	r->kind[0] = PRIV_PG_HEAD;
	if (!own)
		r->free_pages = PRIV_PAGES - 1;
	uldd_mm_lock(&priv_lock);
	if (!own)
		priv_free_pages += r->free_pages;
	__atomic_store_n(priv_tail, r, __ATOMIC_RELEASE);
	priv_tail = &r->next;
	WRITE_ONCE(priv_total, priv_total + size);
	WRITE_ONCE(priv_grows, priv_grows + 1);
	uldd_mm_unlock(&priv_lock);
	return r;
}

int uldd_private_init(void)
{
	if (__atomic_load_n(&priv_first, __ATOMIC_ACQUIRE))
		return 0;
	return priv_grow(PRIV_REGION, false, READ_ONCE(priv_grows)) ? 0 : -ENOMEM;
}

/* Under priv_lock: n free pages in a row of one shared region, or NULL. */
static void *priv_take_pages(unsigned int n, u8 kind)
{
	struct priv_region *r;
	unsigned int i, len;

	for (r = priv_first; r; r = r->next) {
		if (r->own || r->free_pages < n)
			continue;
		for (i = 1, len = 0; i < PRIV_PAGES; i++) {
			len = r->kind[i] == PRIV_PG_FREE ? len + 1 : 0;
			if (len < n)
				continue;
			i -= n - 1;
			r->kind[i] = kind;
			r->run[i] = (u16)n;
			for (len = 1; len < n; len++)
				r->kind[i + len] = PRIV_PG_TAIL;
			r->free_pages -= n;
			priv_free_pages -= n;
			return (char *)r + ((unsigned long)i << PAGE_SHIFT);
		}
	}
	return NULL;
}

/* Under priv_lock: an object of class cls, carving a fresh page if need be. */
static void *priv_take_object(unsigned int cls)
{
	size_t osize = 1UL << (cls + PRIV_MIN_SHIFT);
	struct priv_free *f = priv_lists[cls];
	char *page;
	size_t off;

	if (!f) {
		page = priv_take_pages(1, PRIV_PG_CLASS + cls);
		if (!page)
			return NULL;
		/* All but the first go on the list; the first is the caller's. */
		for (off = PAGE_SIZE - osize; off; off -= osize) {
			f = (struct priv_free *)(page + off);
			f->next = priv_lists[cls];
			priv_lists[cls] = f;
		}
		return page;
	}
	priv_lists[cls] = f->next;
	return f;
}

/* A freed region of its own that fits, taken back; under priv_lock. */
static void *priv_reuse_own(size_t size)
{
	struct priv_region *r;

	for (r = priv_first; r; r = r->next) {
		if (r->own && !r->own_used && r->size - PAGE_SIZE >= size) {
			r->own_used = true;
			return (char *)r + PAGE_SIZE;
		}
	}
	return NULL;
}

static unsigned int priv_class(size_t size)
{
	unsigned int cls = 0;

	while ((1UL << (cls + PRIV_MIN_SHIFT)) < size)
		cls++;
	return cls;
}

void *uldd_private_alloc(size_t size, gfp_t gfp)
{
	bool can_block = gfpflags_allow_blocking(gfp);
	unsigned long npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned int gen, rounds = 0;
	void *p = NULL;

	if (!size || size > (1UL << 40))
		return NULL;
	for (;;) {
		gen = READ_ONCE(priv_grows);
		/* Grow ahead, leaving the reserve to callers that cannot wait for the host. */
		if (can_block && READ_ONCE(priv_free_pages) < PRIV_RESERVE_PAGES + npages &&
		    npages <= PRIV_RUN_MAX)
			priv_grow(PRIV_REGION, false, gen);
		uldd_mm_lock(&priv_lock);
		if (size <= (1UL << PRIV_MAX_SHIFT))
			p = priv_take_object(priv_class(size));
		else if (npages <= PRIV_RUN_MAX)
			p = priv_take_pages((unsigned int)npages, PRIV_PG_RUN);
		else
			p = priv_reuse_own(size);
		uldd_mm_unlock(&priv_lock);
		if (p || !can_block || ++rounds > 4)
			break;
		if (npages > PRIV_RUN_MAX) {
			struct priv_region *r =
				priv_grow(ALIGN(size + PAGE_SIZE, PRIV_REGION), true, gen);

			p = r ? (char *)r + PAGE_SIZE : NULL;
			break;
		}
		gen = READ_ONCE(priv_grows);
		if (!priv_grow(PRIV_REGION, false, gen) && READ_ONCE(priv_grows) == gen)
			break;
	}
	if (!p) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("shim-private allocation of %zu bytes failed (gfp %#x)\n", size,
				(__force unsigned int)gfp);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	return p;
}

void uldd_private_free(const void *p)
{
	struct priv_region *r;
	unsigned long off, pg;
	unsigned int n, kind;

	if (!p)
		return;
	r = priv_find(p);
	if (unlikely(!r || r->magic != PRIV_MAGIC))
		uldd_stop("uldd_private_free(%px): not memory of the shim's private heap", p);
	off = (unsigned long)p - (unsigned long)r;
	pg = off >> PAGE_SHIFT;
	uldd_mm_lock(&priv_lock);
	if (r->own) {
		if (off != PAGE_SIZE || !r->own_used)
			goto bad;
		r->own_used = false;
		goto out;
	}
	kind = r->kind[pg];
	if (kind >= PRIV_PG_CLASS) {
		struct priv_free *f = (struct priv_free *)p;
		unsigned int cls = kind - PRIV_PG_CLASS;

		if (off & ((1UL << (cls + PRIV_MIN_SHIFT)) - 1))
			goto bad;
		f->next = priv_lists[cls];
		priv_lists[cls] = f;
		goto out;
	}
	if (kind != PRIV_PG_RUN || (off & (PAGE_SIZE - 1)))
		goto bad;
	n = r->run[pg];
	memset(&r->kind[pg], PRIV_PG_FREE, n);
	r->free_pages += n;
	priv_free_pages += n;
out:
	uldd_mm_unlock(&priv_lock);
	return;
bad:
	uldd_mm_unlock(&priv_lock);
	uldd_stop("uldd_private_free(%px): not an object the private heap handed out", p);
}
