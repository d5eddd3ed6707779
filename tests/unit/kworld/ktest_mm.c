// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_mm.c - K-world bodies for test_mm.c: the page allocator, kmalloc,
 * kmem_cache and vmalloc where the conformance suite (tests/conform/slab.c,
 * page.c) does not state them: past its sizes and orders, uldd's own
 * choices, and the arena under them (shim/mm/arena.h). Table cases return
 * the line of the first check that fails (KCHECK, ktest.h); the rest are
 * called by the harness around what only H-world can do (threads, the log,
 * fork).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../../../shim/mm/arena.h"
#include "../../../shim/mm/private.h"
#include "ktest.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A byte pattern that differs per buffer (seed) and per position. */
static u8 pattern(size_t i, unsigned int seed)
{
	return (u8)((i * 131u) ^ (i >> 8) ^ (seed * 0x9e3779b1u >> 24) ^ seed);
}

/* Big buffers get every 61st byte and their last: the churn stays fast. */
static size_t pattern_step(size_t n)
{
	return n > 4096 ? 61 : 1;
}

static void fill(void *p, size_t n, unsigned int seed)
{
	size_t i, step = pattern_step(n);
	u8 *b = p;

	for (i = 0; i < n; i += step)
		b[i] = pattern(i, seed);
	if (n)
		b[n - 1] = pattern(n - 1, seed);
}

static bool intact(const void *p, size_t n, unsigned int seed)
{
	size_t i, step = pattern_step(n);
	const u8 *b = p;

	for (i = 0; i < n; i += step) {
		if (b[i] != pattern(i, seed))
			return false;
	}
	return !n || b[n - 1] == pattern(n - 1, seed);
}

static bool all_zero(const void *p, size_t n)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (b[i])
			return false;
	}
	return true;
}

static unsigned long free_pages_now(void)
{
	struct uldd_mm_stats st;

	uldd_mm_stats(&st);
	return st.free_pages;
}

/* Sizes at and around each class boundary, then large ones. */
static const size_t sizes[] = {
	1,    7,    8,	  9,	15,   16,    17,    31,	   32,	   33,	    63,	     64,
	65,   95,   96,	  97,	127,  128,   129,   191,   192,	   193,	    255,     256,
	257,  511,  512,  513,	1000, 1023,  1024,  1025,  2047,   2048,    2049,    4095,
	4096, 4097, 8191, 8192, 8193, 12000, 16384, 65536, 100000, 1 << 20, 3 << 20, 4 << 20,
};

/*
 * kmalloc past 1 MiB, up to KMALLOC_MAX_SIZE, where slab.min_align_and_disjoint
 * and slab.power_of_two_natural_align stop: all alive at once, each aligned
 * (a power of two to its size) and keeping its bytes.
 */
static int case_large_kmalloc_round_trip(void)
{
	static const size_t large[] = { 3 << 20, 4 << 20 };
	void *p[NELEM(large)][3];
	size_t i, k;

	for (i = 0; i < NELEM(large); i++) {
		for (k = 0; k < 3; k++) {
			p[i][k] = kmalloc(large[i], GFP_KERNEL);
			KCHECK(p[i][k] != NULL);
			KCHECK(((unsigned long)p[i][k] & (ARCH_KMALLOC_MINALIGN - 1)) == 0);
			fill(p[i][k], large[i], (unsigned int)(i * 3 + k));
		}
	}
	for (i = 0; i < NELEM(large); i++) {
		for (k = 0; k < 3; k++) {
			KCHECK(intact(p[i][k], large[i], (unsigned int)(i * 3 + k)));
			kfree(p[i][k]);
		}
	}
	return 0;
}

static int case_large_power_of_two_natural_alignment(void)
{
	unsigned int shift, k;
	void *p[4];

	for (shift = 21; shift <= KMALLOC_SHIFT_MAX; shift++) {
		size_t size = 1UL << shift;

		for (k = 0; k < NELEM(p); k++) {
			p[k] = kmalloc(size, GFP_KERNEL);
			KCHECK(p[k] != NULL);
			KCHECK(((unsigned long)p[k] & (size - 1)) == 0);
		}
		for (k = 0; k < NELEM(p); k++)
			kfree(p[k]);
	}
	return 0;
}

/*
 * kzalloc zeroes the whole of ksize(), on memory that came back dirty:
 * slab.zeroing_forms_zero checks the size asked for, and cannot count the
 * reuse that makes the check bite.
 */
static int case_kzalloc_zeroes_reused_memory(void)
{
	static const size_t zsizes[] = { 8, 24, 64, 96, 192, 1000, 4096, 8192, 20000 };
	void *p[32], *q[32];
	unsigned int i, k, j, reused = 0;

	for (i = 0; i < NELEM(zsizes); i++) {
		for (k = 0; k < NELEM(p); k++) {
			p[k] = kmalloc(zsizes[i], GFP_KERNEL);
			KCHECK(p[k] != NULL);
			memset(p[k], 0xa5, zsizes[i]);
		}
		for (k = 0; k < NELEM(p); k++)
			kfree(p[k]);
		for (k = 0; k < NELEM(q); k++) {
			q[k] = kzalloc(zsizes[i], GFP_KERNEL);
			KCHECK(q[k] != NULL);
			KCHECK(all_zero(q[k], ksize(q[k])));
			for (j = 0; j < NELEM(p); j++)
				reused += q[k] == p[j];
		}
		for (k = 0; k < NELEM(q); k++)
			kfree(q[k]);
	}
	/* The check means something only if dirty memory came back. */
	KCHECK(reused > 0);
	return 0;
}

/*
 * What slab.krealloc_keeps_contents leaves out: a refused krealloc leaves
 * the old object's bytes, shrinking stays in place, and __GFP_ZERO zeroes
 * what growth adds, in place too.
 */
static int case_krealloc_in_place_and_zeroing(void)
{
	char *p, *q;

	p = kmalloc(20000, GFP_KERNEL);
	KCHECK(p != NULL);
	fill(p, 10, 7);
	KCHECK(krealloc(p, 5 << 20, GFP_KERNEL | __GFP_NOWARN) == NULL);
	KCHECK(intact(p, 10, 7));
	q = krealloc(p, 50, GFP_KERNEL);
	KCHECK(q == p && intact(q, 10, 7));
	q = krealloc(p, 3, GFP_KERNEL);
	KCHECK(q == p && intact(q, 3, 7));
	kfree(q);

	p = krealloc(NULL, 16, GFP_KERNEL | __GFP_ZERO);
	KCHECK(p != NULL && all_zero(p, 16));
	memset(p, 'x', 16);
	q = krealloc(p, 3000, GFP_KERNEL | __GFP_ZERO);
	KCHECK(q != NULL);
	KCHECK(q[0] == 'x' && q[15] == 'x' && all_zero(q + 16, 3000 - 16));
	/* Shrink then grow in place: the bytes given up come back zero. */
	p = krealloc(q, 8, GFP_KERNEL | __GFP_ZERO);
	KCHECK(p == q);
	q = krealloc(p, 16, GFP_KERNEL | __GFP_ZERO);
	KCHECK(q == p && q[7] == 'x' && all_zero(q + 8, 8));
	kfree(q);
	return 0;
}

/* No worse than the next power of two (or than 96 and 192), and all of it usable. */
static int case_ksize_under_twice_requested(void)
{
	size_t size;

	for (size = 1; size <= 70000; size += size < 300 ? 1 : 97) {
		void *p = kmalloc(size, GFP_KERNEL);
		size_t ks;

		KCHECK(p != NULL);
		ks = ksize(p);
		KCHECK(ks < 2 * size || ks <= KMALLOC_MIN_SIZE);
		/* The whole of ksize() is the caller's to use. */
		memset(p, 0x5a, ks);
		kfree(p);
	}
	return 0;
}

/* kfree_const() takes NULL, and leaves a string outside the arena alone. */
static int case_kfree_const_null_and_rodata(void)
{
	static const char text[] = "uldd memory";

	kfree_const(NULL);
	kfree_const(text);
	return 0;
}

/* The _node forms, which slab.array_overflow_null and zeroing_forms_zero do not call. */
static int case_node_forms(void)
{
	u32 *a;

	a = kmalloc_array_node(10, sizeof(*a), GFP_KERNEL, NUMA_NO_NODE);
	KCHECK(a != NULL);
	kfree(a);
	a = kzalloc_node(64, GFP_KERNEL, 0);
	KCHECK(a != NULL && all_zero(a, 64));
	kfree(a);
	return 0;
}

/* The state a constructed object is in; the ctor counts its calls. */
struct kt_obj {
	u32 magic;
	u32 value;
	u64 pad[3];
};

#define KT_MAGIC 0xc0ffee11u

static unsigned int kt_ctor_calls;

static void kt_ctor(void *p)
{
	struct kt_obj *o = p;

	o->magic = KT_MAGIC;
	o->value = 0;
	kt_ctor_calls++;
}

/*
 * What slab.cache_ctor_once and cache_alignment leave out: the size and
 * ksize() exact, half a cache line aligned to itself, the last object
 * freed the next one allocated with no ctor call, kfree() of cache
 * objects, and bad alignments refused.
 */
static int case_kmem_cache_ctor_and_align(void)
{
	struct kmem_cache *s;
	struct kt_obj *o[200];
	unsigned int i, calls;

	kt_ctor_calls = 0;
	s = kmem_cache_create("ktest_obj", sizeof(struct kt_obj), 0, SLAB_HWCACHE_ALIGN, kt_ctor);
	KCHECK(s != NULL);
	KCHECK(kmem_cache_size(s) == sizeof(struct kt_obj));
	for (i = 0; i < NELEM(o); i++) {
		o[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KCHECK(o[i] != NULL);
		/* 32 bytes: half a cache line, so aligned to 32, never straddling one. */
		KCHECK(((unsigned long)o[i] & 31) == 0);
		KCHECK(o[i]->magic == KT_MAGIC && o[i]->value == 0);
		KCHECK(ksize(o[i]) == sizeof(struct kt_obj));
		o[i]->value = i;
	}
	/* The ctor ran once per object of each slab, not per allocation. */
	calls = kt_ctor_calls;
	KCHECK(calls >= NELEM(o));
	for (i = 0; i < NELEM(o); i++)
		KCHECK(o[i]->value == i);
	/*
	 * A freed object comes back as it was freed, without the ctor: the
	 * free pointer lives past the object, so the magic survived.
	 */
	o[5]->value = 0;
	kmem_cache_free(s, o[5]);
	KCHECK(kmem_cache_alloc(s, GFP_KERNEL) == o[5]);
	KCHECK(o[5]->magic == KT_MAGIC && o[5]->value == 0);
	KCHECK(kt_ctor_calls == calls);
	/* kfree() takes kmem_cache objects too. */
	for (i = 0; i < NELEM(o); i++) {
		if (i & 1)
			kfree(o[i]);
		else
			kmem_cache_free(s, o[i]);
	}
	kmem_cache_destroy(s);

	/* Bad alignments are refused. */
	KCHECK(kmem_cache_create("ktest_bad", 64, 48, 0, NULL) == NULL);
	KCHECK(kmem_cache_create("ktest_bad", 0, 0, 0, NULL) == NULL);
	return 0;
}

/*
 * What page.orders_contiguous and address_round_trips leave out: every
 * block aligned to its size, a block's pages compound without __GFP_COMP,
 * orders 9 and 10, and no order past MAX_PAGE_ORDER.
 */
static int case_page_orders(void)
{
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		size_t bytes = PAGE_SIZE << order;
		struct page *pg = alloc_pages(GFP_KERNEL, order), *last;
		char *va;

		KCHECK(pg != NULL);
		va = page_address(pg);
		KCHECK(va != NULL && ((unsigned long)va & (bytes - 1)) == 0);
		last = virt_to_page(va + bytes - 1);
		KCHECK(compound_head(last) == pg);
		KCHECK(page_address(last) == va + bytes - PAGE_SIZE);
		KCHECK(page_ref_count(pg) == 1 && page_count(last) == 1);
		/* The conformance cases go to order 8: the rest of it above. */
		if (order > 8) {
			KCHECK(virt_to_page(va) == pg && page_to_virt(pg) == va);
			KCHECK(pfn_to_page(page_to_pfn(pg)) == pg);
			KCHECK(virt_addr_valid(va) && virt_addr_valid(va + bytes - 1));
			fill(va, bytes, order);
			KCHECK(intact(va, bytes, order));
		}
		__free_pages(pg, order);
	}
	KCHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1) == NULL);
	KCHECK(get_order(KMALLOC_MAX_SIZE) == MAX_PAGE_ORDER);
	return 0;
}

/*
 * What page.refcount_keeps_page and compound_counts_on_head leave out:
 * without __GFP_COMP a block's tail pages are tails with no count of
 * their own, and every page freed goes back to the free lists.
 */
static int case_page_refcounts(void)
{
	unsigned long base = free_pages_now();
	struct page *pg, *tail;

	pg = alloc_page(GFP_KERNEL);
	KCHECK(pg != NULL);
	get_page(pg);
	__free_page(pg);
	put_page(pg);

	pg = alloc_pages(GFP_KERNEL, 2);
	KCHECK(pg != NULL);
	tail = virt_to_page((char *)page_address(pg) + 3 * PAGE_SIZE);
	KCHECK(tail != pg && PageTail(tail) && !PageTail(pg));
	get_page(tail);
	KCHECK(page_count(pg) == 2 && page_count(tail) == 2 && page_ref_count(tail) == 0);
	__free_pages(pg, 2);
	KCHECK(page_count(tail) == 1);
	put_page(tail);
	/* Every page went back: merged, the lists hold what they held. */
	KCHECK(free_pages_now() == base);

	pg = alloc_page(GFP_KERNEL);
	set_page_private(pg, 42);
	__free_page(pg);
	KCHECK(free_pages_now() == base);
	return 0;
}

/*
 * What page.free_pages_by_address leaves out: a block by address aligned to
 * its size, and the zone and compound flags accepted.
 */
static int case_get_free_pages(void)
{
	unsigned long a;

	a = __get_free_pages(GFP_KERNEL, 2);
	KCHECK(a != 0 && (a & (4 * PAGE_SIZE - 1)) == 0);
	free_pages(a, 2);
	/* __GFP_HIGHMEM, __GFP_DMA32 are accepted; every page has an address. */
	a = __get_free_pages(GFP_HIGHUSER | __GFP_DMA32 | __GFP_COMP, 1);
	KCHECK(a != 0);
	free_pages(a, 1);
	return 0;
}

/*
 * vmalloc memory is arena memory (slab.vmalloc_* and kvmalloc_large_and_small
 * state the API): page-aligned, found by the arena, virt_to_page() right
 * on it; past KMALLOC_MAX_SIZE a chunk of its own whose pages serve
 * ordinary allocations once freed; and no kvmalloc past kmalloc for an
 * atomic caller.
 */
static int case_vmalloc_is_arena_memory(void)
{
	struct uldd_chunk *ch;
	unsigned long before;
	size_t big = 9UL << 20;
	char *p, *z, *h;

	p = vmalloc(100);
	KCHECK(p != NULL && PAGE_ALIGNED(p) && uldd_arena_find(p) != NULL);
	z = vzalloc(3UL << 20);
	KCHECK(z != NULL);
	KCHECK(vmalloc_to_page(z + 5000) == virt_to_page(z + 5000));
	vfree(p);
	vfree(z);

	/* Past KMALLOC_MAX_SIZE: a chunk of its own, one IOVA range. */
	h = vzalloc(big);
	KCHECK(h != NULL);
	ch = uldd_arena_find(h);
	KCHECK(ch != NULL && (ch->flags & ULDD_CHUNK_HUGE));
	KCHECK(uldd_arena_find(h + big - 1) == ch);
	KCHECK(ksize(h) >= big);
	KCHECK(all_zero(h, PAGE_SIZE) && all_zero(h + big - PAGE_SIZE, PAGE_SIZE));
	fill(h, big, 3);
	KCHECK(intact(h, big, 3));
	KCHECK(compound_head(vmalloc_to_page(h + big - 1)) == virt_to_page(h));
	before = free_pages_now();
	vfree(h);
	/* Its pages serve ordinary allocations now. */
	KCHECK(free_pages_now() >= before + big / PAGE_SIZE);

	/* Atomic callers get kmalloc only. */
	KCHECK(kvmalloc(16UL << 20, GFP_ATOMIC | __GFP_NOWARN) == NULL);
	return 0;
}

struct find_ctx {
	unsigned int n;
	int bad;
};

static int check_chunk(struct uldd_chunk *ch, void *arg)
{
	struct find_ctx *f = arg;
	struct page *first = ch->pages + (ch->first_pfn - ch->base_pfn);

	if (ch->index != f->n || ((unsigned long)ch->base & (ULDD_ARENA_GRANULE - 1)) ||
	    (ch->size & (ULDD_ARENA_GRANULE - 1)) ||
	    ch->base_pfn << PAGE_SHIFT != (unsigned long)ch->base ||
	    first->virtual != (char *)ch->base + ((ch->first_pfn - ch->base_pfn) << PAGE_SHIFT) ||
	    uldd_arena_find((char *)ch->base + ch->size - 1) != ch ||
	    uldd_arena_find(ch->base) != ch)
		f->bad++;
	f->n++;
	return 0;
}

static int case_arena_chunks_hold_kmalloc(void)
{
	struct uldd_mm_stats st;
	struct find_ctx f = { 0, 0 };
	static int static_var;
	int local = 0;
	size_t i;

	for (i = 0; i < NELEM(sizes); i++) {
		char *p = kmalloc(sizes[i], GFP_KERNEL);
		struct uldd_chunk *ch = uldd_arena_find(p);

		KCHECK(ch != NULL);
		/* In a 2 MiB-aligned chunk from uhost_arena_alloc, past its descriptors. */
		KCHECK(((unsigned long)ch->base & (ULDD_ARENA_GRANULE - 1)) == 0);
		KCHECK(p >= (char *)ch->base + ((ch->first_pfn - ch->base_pfn) << PAGE_SHIFT));
		KCHECK(p + sizes[i] <= (char *)ch->base + ch->size);
		/* No object straddles two chunks. */
		KCHECK(uldd_arena_find(p + sizes[i] - 1) == ch);
		kfree(p);
	}
	KCHECK(uldd_arena_find(NULL) == NULL);
	KCHECK(uldd_arena_find(&local) == NULL);
	KCHECK(uldd_arena_find(&static_var) == NULL);
	KCHECK(uldd_arena_find((void *)~0UL) == NULL);
	KCHECK(!virt_addr_valid(&local));
	uldd_arena_for_each_chunk(check_chunk, &f);
	uldd_mm_stats(&st);
	KCHECK(f.bad == 0 && f.n == st.chunks && st.chunks > 0);
	KCHECK(st.arena_bytes >= st.chunks * ULDD_ARENA_GRANULE);
	return 0;
}

/* The growth hook: counts, and its refusals fail the growth. */
static unsigned int hook_calls;
static int hook_refuse;

static int count_hook(struct uldd_chunk *ch)
{
	(void)ch;
	hook_calls++;
	return hook_refuse ? -EIO : 0;
}

/* Allocates atomically until nothing is left; returns a chain of pages. */
static void *exhaust(gfp_t gfp, unsigned long *n)
{
	void *chain = NULL, *p;

	*n = 0;
	while ((p = (void *)__get_free_page(gfp | __GFP_NOWARN))) {
		*(void **)p = chain;
		chain = p;
		(*n)++;
	}
	return chain;
}

static void release(void *chain)
{
	while (chain) {
		void *next = *(void **)chain;

		free_page((unsigned long)chain);
		chain = next;
	}
}

/* Leaves the pages it took in *chain, for the caller to free on any outcome. */
static int atomic_never_grows(void **chain)
{
	struct uldd_mm_stats before, after;
	unsigned long n, m, chunks;
	struct page *pg;
	void *more;

	hook_calls = 0;
	hook_refuse = 0;
	KCHECK(uldd_arena_set_grow_hook(count_hook) == 0);
	uldd_mm_stats(&before);
	/* The hook ran once for each chunk already there. */
	KCHECK(hook_calls == before.chunks);
	*chain = exhaust(GFP_ATOMIC, &n);
	more = exhaust(GFP_NOWAIT, &m);
	uldd_mm_stats(&after);
	KCHECK(n > 0 && m == 0);
	KCHECK(after.grow_calls == before.grow_calls && after.chunks == before.chunks);
	KCHECK(after.free_pages == 0);
	KCHECK(kmalloc(16384, GFP_ATOMIC | __GFP_NOWARN) == NULL);
	KCHECK(alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0) == NULL);

	/* A refused chunk goes back to the host and the allocation fails. */
	chunks = after.chunks;
	hook_refuse = 1;
	KCHECK(alloc_page(GFP_KERNEL | __GFP_NOWARN) == NULL);
	uldd_mm_stats(&after);
	KCHECK(after.chunks == chunks && after.grow_calls > before.grow_calls);
	hook_refuse = 0;

	/* A blocking allocation grows it, and ahead: atomic ones find room again. */
	hook_calls = 0;
	pg = alloc_page(GFP_KERNEL);
	KCHECK(pg != NULL);
	uldd_mm_stats(&after);
	KCHECK(after.chunks > chunks && hook_calls == after.chunks - chunks);
	KCHECK(after.free_pages >= 512);
	more = (void *)__get_free_page(GFP_ATOMIC);
	KCHECK(more != NULL);
	free_page((unsigned long)more);
	__free_page(pg);
	return 0;
}

static int case_atomic_never_grows_the_arena(void)
{
	void *chain = NULL;
	int ret = atomic_never_grows(&chain);

	/* Whatever failed, the next cases get their memory and no hook. */
	release(chain);
	hook_refuse = 0;
	if (uldd_arena_set_grow_hook(NULL) && !ret)
		ret = __LINE__;
	return ret;
}

/*
 * What slab.gfp_blocking_flags leaves out: GFP_USER may block, and the zone
 * modifiers and retry flags are accepted and change nothing (arena memory).
 */
static int case_gfp_flags(void)
{
	void *p;

	KCHECK(gfpflags_allow_blocking(GFP_USER));
	p = kmalloc(200, GFP_KERNEL | GFP_DMA);
	KCHECK(p != NULL && uldd_arena_find(p));
	kfree(p);
	p = kzalloc(3000, GFP_ATOMIC | GFP_DMA32);
	KCHECK(p != NULL && all_zero(p, 3000));
	kfree(p);
	p = kmalloc(64, GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NORETRY);
	KCHECK(p != NULL);
	kfree_sensitive(p);
	return 0;
}

/* A chunk's description is out of every chunk, in the private heap. */
static int check_chunk_apart(struct uldd_chunk *ch, void *arg)
{
	unsigned long *bad = arg;
	size_t pages = (ch->size >> PAGE_SHIFT) * sizeof(struct page);

	if (uldd_arena_find(ch) || uldd_arena_find(ch->pages) ||
	    uldd_arena_find((char *)ch->pages + pages - 1) || !uldd_private_owns(ch) ||
	    !uldd_private_owns(ch->pages) || ch->first_pfn != ch->base_pfn)
		(*bad)++;
	return 0;
}

/*
 * The private heap (issue #11): apart from the arena, aligned as it says,
 * reused after a free, and the arena's chunks describe themselves from it.
 */
static int case_private_heap_apart_from_arena(void)
{
	static const size_t sizes[] = { 1, 16, 24, 100, 2048, 2049, 4096, 20000, 1 << 20, 3 << 20 };
	void *p[NELEM(sizes)], *again;
	unsigned long bad = 0;
	size_t i;

	for (i = 0; i < NELEM(sizes); i++) {
		size_t align = sizes[i] >= PAGE_SIZE ? PAGE_SIZE : roundup_pow_of_two(sizes[i]);

		p[i] = uldd_private_alloc(sizes[i], GFP_KERNEL | __GFP_ZERO);
		KCHECK(p[i] != NULL);
		KCHECK(((unsigned long)p[i] & (max_t(size_t, align, 16) - 1)) == 0);
		KCHECK(all_zero(p[i], sizes[i]));
		KCHECK(uldd_private_owns(p[i]) && uldd_private_owns((char *)p[i] + sizes[i] - 1));
		KCHECK(!uldd_arena_find(p[i]) && !uldd_arena_find((char *)p[i] + sizes[i] - 1));
		fill(p[i], sizes[i], (unsigned int)i);
	}
	for (i = 0; i < NELEM(sizes); i++)
		KCHECK(intact(p[i], sizes[i], (unsigned int)i));
	/* A freed object of a class is the next one handed out (a LIFO list). */
	uldd_private_free(p[2]);
	again = uldd_private_alloc(sizes[2], GFP_ATOMIC);
	KCHECK(again == p[2]);
	p[2] = again;
	for (i = 0; i < NELEM(sizes); i++)
		uldd_private_free(p[i]);
	/* Atomic callers find memory without the host (the reserve). */
	again = uldd_private_alloc(256, GFP_ATOMIC);
	KCHECK(again != NULL);
	uldd_private_free(again);
	uldd_private_free(NULL);
	KCHECK(!uldd_private_owns(&bad));
	KCHECK(uldd_private_alloc(0, GFP_KERNEL) == NULL);
	uldd_arena_for_each_chunk(check_chunk_apart, &bad);
	KCHECK(bad == 0);
	return 0;
}

static const struct ktest_check cases[] = {
	{ "large_kmalloc_round_trip", case_large_kmalloc_round_trip },
	{ "large_power_of_two_natural_alignment", case_large_power_of_two_natural_alignment },
	{ "kzalloc_zeroes_reused_memory", case_kzalloc_zeroes_reused_memory },
	{ "krealloc_in_place_and_zeroing", case_krealloc_in_place_and_zeroing },
	{ "ksize_under_twice_requested", case_ksize_under_twice_requested },
	{ "kfree_const_null_and_rodata", case_kfree_const_null_and_rodata },
	{ "node_forms", case_node_forms },
	{ "kmem_cache_ctor_and_align", case_kmem_cache_ctor_and_align },
	{ "page_orders", case_page_orders },
	{ "page_refcounts", case_page_refcounts },
	{ "get_free_pages", case_get_free_pages },
	{ "vmalloc_is_arena_memory", case_vmalloc_is_arena_memory },
	{ "arena_chunks_hold_kmalloc", case_arena_chunks_hold_kmalloc },
	{ "private_heap_apart_from_arena", case_private_heap_apart_from_arena },
	{ "atomic_never_grows_the_arena", case_atomic_never_grows_the_arena },
	{ "gfp_flags", case_gfp_flags },
};

int ktest_mm_case(unsigned int i, const char **name, int run)
{
	return ktest_check_case(cases, NELEM(cases), i, name, run);
}

int ktest_mm_init(void)
{
	return uldd_mm_init();
}

void ktest_mm_stats(unsigned long *objects, unsigned long *large, unsigned long *free_pages)
{
	struct uldd_mm_stats st;

	uldd_mm_stats(&st);
	*objects = st.kmalloc_objects;
	*large = st.large_allocs;
	*free_pages = st.free_pages;
}

int ktest_mm_in_arena(const void *p)
{
	return uldd_arena_find(p) != NULL;
}

/* Sizes for the churn: mostly small, some pages, a few past the classes. */
static size_t churn_size(u32 r)
{
	u32 pick = r % 100;

	if (pick < 70)
		return 1 + (r >> 8) % 256;
	if (pick < 92)
		return 1 + (r >> 8) % KMALLOC_MAX_CACHE_SIZE;
	if (pick < 99)
		return 1 + (r >> 8) % 65536;
	return 1 + (r >> 8) % (512 << 10);
}

static u32 xorshift(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

#define CHURN_SLOTS 256

long ktest_mm_churn(unsigned int seed, unsigned int iterations)
{
	void *slot[CHURN_SLOTS] = { NULL };
	size_t len[CHURN_SLOTS];
	u32 tag[CHURN_SLOTS];
	u32 rnd = seed * 2654435761u + 1;
	unsigned int i, k;
	long errors = 0;

	for (i = 0; i < iterations; i++) {
		u32 r = xorshift(&rnd);

		k = r % CHURN_SLOTS;
		if (slot[k]) {
			errors += !intact(slot[k], len[k], tag[k]);
			kfree(slot[k]);
			slot[k] = NULL;
		} else {
			u32 r2 = xorshift(&rnd);
			/* One in eight atomic: they may fail, the others must not. */
			gfp_t gfp = (r2 & 7) ? GFP_KERNEL : GFP_ATOMIC | __GFP_NOWARN;

			len[k] = churn_size(r2);
			tag[k] = r2;
			slot[k] = kmalloc(len[k], gfp);
			if (!slot[k]) {
				errors += gfp == GFP_KERNEL;
				continue;
			}
			fill(slot[k], len[k], tag[k]);
		}
	}
	for (k = 0; k < CHURN_SLOTS; k++) {
		if (slot[k]) {
			errors += !intact(slot[k], len[k], tag[k]);
			kfree(slot[k]);
		}
	}
	return errors;
}

/* A cache destroyed with objects in it: the leak is reported, not freed. */
int ktest_mm_destroy_leaky_cache(void)
{
	struct kmem_cache *s = kmem_cache_create("ktest_leaky", 48, 0, 0, NULL);
	void *p[3];
	unsigned int i;

	if (!s)
		return -ENOMEM;
	for (i = 0; i < NELEM(p); i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p[0]);
	kmem_cache_destroy(s);
	return 0;
}

/* Allocations that fail: 0 if both returned NULL. */
int ktest_mm_fail(int nowarn)
{
	gfp_t quiet = nowarn ? __GFP_NOWARN : 0;
	void *a = kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | quiet);
	struct page *b = alloc_pages(GFP_KERNEL | quiet, MAX_PAGE_ORDER + 1);

	return a || b;
}

/* Driver bugs that must stop the driver (run in a child process). */
void ktest_mm_bug(int which)
{
	int local;
	char *p = kmalloc(64, GFP_KERNEL);

	switch (which) {
	case 0:
		kfree(&local);
		break;
	case 1:
		kfree(p + 8);
		break;
	case 2:
		kfree(p);
		kfree(p);
		break;
	default:
		virt_to_page(&local);
		break;
	}
}
