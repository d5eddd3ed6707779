// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * slab.c - kmem_cache and kmalloc (linux/slab.h). A cache carves equal
 * objects from page-allocator blocks ("slabs"); each slab threads a free
 * list through its free objects, and the cache keeps its slabs that have
 * a free object on a partial list. kmalloc is thirteen such caches, one
 * per size class. One lock per cache; kfree() finds the slab and its
 * cache from the address (arena.h) without a lock.
 */
#define pr_fmt(fmt) "uldd mm: " fmt

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../core/stop.h"
#include "../debug/debug.h"
#include "../debug/kasan.h"
#include "arena.h"
#include "internal.h"
#include "lock.h"
#include "private.h"

/* Slabs of at most 32 KiB for the small objects: 4 or more of them each. */
#define SLAB_SMALL_MAX_ORDER 3
#define SLAB_MIN_OBJECTS 4
/* Empty slabs a cache keeps on its partial list rather than free. */
#define SLAB_KEEP_PARTIAL 2
/* What SLAB_HWCACHE_ALIGN aligns to (x86-64 and arm64). */
#define SLAB_CACHE_LINE 64
/*
 * --debug=kasan: freed objects wait here, poisoned, before their memory
 * is handed out again, so a late access to one is still caught.
 */
#define KASAN_QUARANTINE_BYTES (2UL << 20)

struct kmem_cache {
	struct uldd_mm_lock lock;
	unsigned int object_size; /* what the creator asked for */
	unsigned int size; /* the stride: the object, maybe the free pointer, padding */
	unsigned int offset; /* where a free object holds the next free one */
	unsigned int reciprocal; /* 2^32 / size rounded up: kfree() divides without a div */
	unsigned int align;
	slab_flags_t flags;
	void (*ctor)(void *obj);
	const char *name;
	/* Under lock: */
	struct page *partial; /* slabs with a free object */
	unsigned long nr_partial;
	unsigned long inuse; /* objects allocated */
	unsigned long nr_slabs;
} __aligned(SLAB_CACHE_LINE); /* the size classes' locks on lines of their own */

#define slab_reciprocal(size) ((unsigned int)(((1ULL << 32) + (size)-1) / (size)))

#define KMALLOC_CACHE(n)                                                         \
	{                                                                        \
		.object_size = (n), .size = (n), .align = ARCH_KMALLOC_MINALIGN, \
		.reciprocal = slab_reciprocal(n), .name = "kmalloc-" #n,         \
	}

/* Powers of two from 8 bytes to 8 KiB, and 96 and 192 (common sizes). */
static struct kmem_cache kmalloc_caches[] = {
	KMALLOC_CACHE(8),    KMALLOC_CACHE(16),	  KMALLOC_CACHE(32),   KMALLOC_CACHE(64),
	KMALLOC_CACHE(96),   KMALLOC_CACHE(128),  KMALLOC_CACHE(192),  KMALLOC_CACHE(256),
	KMALLOC_CACHE(512),  KMALLOC_CACHE(1024), KMALLOC_CACHE(2048), KMALLOC_CACHE(4096),
	KMALLOC_CACHE(8192),
};

_Static_assert(sizeof(kmalloc_caches) / sizeof(kmalloc_caches[0]) == 13 &&
		       KMALLOC_MAX_CACHE_SIZE == 8192,
	       "the size classes end at KMALLOC_MAX_CACHE_SIZE");

/* The class of sizes up to 192, by (size - 1) / 8. */
static const u8 kmalloc_small_index[24] = {
	0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6,
};

/* 1 <= size <= KMALLOC_MAX_CACHE_SIZE. Above 192 the classes are powers of two. */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return kmalloc_small_index[(size - 1) / 8];
	/* The index of 2^k is k - 1 (256 is 7): the bit length of size - 1, minus one. */
	return (unsigned int)(sizeof(long) * 8 - __builtin_clzl(size - 1)) - 1;
}

unsigned long uldd_kmalloc_objects(void)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 0; i < sizeof(kmalloc_caches) / sizeof(kmalloc_caches[0]); i++)
		n += READ_ONCE(kmalloc_caches[i].inuse);
	return n;
}

/*
 * The slab order for objects of stride size: the smallest small slab that
 * holds SLAB_MIN_OBJECTS wasting at most an eighth; for large objects the
 * smallest slab from one object up that wastes at most an eighth.
 */
static unsigned int slab_order(unsigned int size)
{
	unsigned int order, first = get_order(size);

	for (order = 0; order <= SLAB_SMALL_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order, n = bytes / size;

		if (n >= SLAB_MIN_OBJECTS && (bytes - n * size) * 8 <= bytes)
			return order;
	}
	for (order = first; order <= MAX_PAGE_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if ((bytes % size) * 8 <= bytes)
			return order;
	}
	return first;
}

/*
 * Under valgrind a free object is out of bounds (memcheck): the free
 * pointer in it opens for the allocator's own access only.
 */
static __always_inline void *get_free_ptr(const struct kmem_cache *s, void *obj)
{
	void **slot = (void **)((char *)obj + s->offset);
	void *next;

	if (uldd_valgrind())
		uldd_vg_defined(slot, sizeof(*slot));
	next = *slot;
	if (uldd_valgrind())
		uldd_vg_noaccess(slot, sizeof(*slot));
	return next;
}

static __always_inline void set_free_ptr(const struct kmem_cache *s, void *obj, void *next)
{
	void **slot = (void **)((char *)obj + s->offset);

	if (uldd_valgrind())
		uldd_vg_undefined(slot, sizeof(*slot));
	*slot = next;
	if (uldd_valgrind())
		uldd_vg_noaccess(slot, sizeof(*slot));
}

/* A slab's objects in use live in the high bits of its flags (internal.h). */
static __always_inline unsigned long slab_inuse(const struct page *slab)
{
	return slab->flags >> PGF_INUSE_SHIFT;
}

static __always_inline void slab_inuse_inc(struct page *slab)
{
	WRITE_ONCE(slab->flags, slab->flags + (1UL << PGF_INUSE_SHIFT));
}

static __always_inline void slab_inuse_dec(struct page *slab)
{
	WRITE_ONCE(slab->flags, slab->flags - (1UL << PGF_INUSE_SHIFT));
}

/* Under s->lock. */
static void partial_add(struct kmem_cache *s, struct page *slab)
{
	struct uldd_page_state *ps = page_state(slab);

	ps->prev = NULL;
	ps->next = s->partial;
	if (s->partial)
		page_state(s->partial)->prev = slab;
	s->partial = slab;
	s->nr_partial++;
}

/* Under s->lock. */
static void partial_del(struct kmem_cache *s, struct page *slab)
{
	struct uldd_page_state *ps = page_state(slab);

	if (ps->prev)
		page_state(ps->prev)->next = ps->next;
	else
		s->partial = ps->next;
	if (ps->next)
		page_state(ps->next)->prev = ps->prev;
	ps->next = ps->prev = NULL;
	s->nr_partial--;
}

/*
 * --debug=kasan keeps what it knows of each object out of the object and
 * out of the arena, where an overflowing driver cannot reach it: an array
 * per slab in the private heap, found from the slab's second page (kasan
 * slabs have two or more). The free list runs through it too, so an
 * overflow into a free neighbour corrupts data, never the allocator.
 */
enum { KMETA_NEW, KMETA_LIVE, KMETA_QUARANTINE, KMETA_FREE };

struct kasan_meta {
	void *next; /* on the slab's free list, or in the quarantine */
	const struct uldd_stack *alloc_stack, *free_stack;
	unsigned int size; /* what kmalloc was asked for */
	unsigned int state; /* KMETA_* */
	int alloc_pid, free_pid;
	char alloc_comm[TASK_COMM_LEN], free_comm[TASK_COMM_LEN];
};

static __always_inline struct kasan_meta **slab_meta_slot(struct page *slab)
{
	return (struct kasan_meta **)slab[1].uldd_state;
}

static __always_inline unsigned long slab_index(const struct kmem_cache *s, struct page *slab,
						const void *obj)
{
	unsigned long off = (unsigned long)((const char *)obj - (char *)page_address(slab));

	return (off * s->reciprocal) >> 32;
}

static __always_inline struct kasan_meta *slab_meta(const struct kmem_cache *s, struct page *slab,
						    const void *obj)
{
	return *slab_meta_slot(slab) + slab_index(s, slab, obj);
}

/* The next free object after obj: in the object, or in its kasan record. */
static __always_inline void *slab_next(const struct kmem_cache *s, struct page *slab, void *obj,
				       bool kasan)
{
	return kasan ? slab_meta(s, slab, obj)->next : get_free_ptr(s, obj);
}

/*
 * A slab with every object free and, with a constructor, constructed.
 * Without the lock: nobody else sees the slab until it is on the list.
 */
static struct page *slab_new(struct kmem_cache *s, gfp_t gfp)
{
	bool kasan = uldd_debug_on(ULDD_DEBUG_KASAN);
	unsigned int order = slab_order(s->size);
	struct kasan_meta *meta = NULL;
	struct page *slab;
	unsigned long i, n;
	char *base;

	if (kasan && !order)
		order = 1;
	n = (PAGE_SIZE << order) / s->size;
	if (kasan) {
		meta = uldd_private_alloc(n * sizeof(*meta),
					  (gfpflags_allow_blocking(gfp) ? GFP_KERNEL : GFP_ATOMIC) |
						  __GFP_ZERO);
		if (!meta)
			return NULL;
	}
	slab = uldd_alloc_block(gfp & ~__GFP_ZERO, order, PGF_SLAB);
	if (!slab) {
		uldd_private_free(meta);
		return NULL;
	}
	base = page_address(slab);
	page_state(slab)->cache = s;
	if (kasan) {
		*slab_meta_slot(slab) = meta;
		for (i = 0; i < n; i++) {
			char *obj = base + i * s->size;

			if (s->ctor)
				s->ctor(obj);
			meta[i].next = i + 1 < n ? obj + s->size : NULL;
		}
		/* No object handed out yet: all of it is out of bounds. */
		uldd_kasan_poison(base, PAGE_SIZE << order, KASAN_SLAB_REDZONE);
		slab->private = (unsigned long)base;
		return slab;
	}
	/* In address order, so a fresh slab hands out ascending addresses. */
	for (i = 0; i < n; i++) {
		char *obj = base + i * s->size;

		if (s->ctor)
			s->ctor(obj);
		set_free_ptr(s, obj, i + 1 < n ? obj + s->size : NULL);
	}
	/* No object handed out yet: to memcheck the slab is out of bounds. */
	if (uldd_valgrind())
		uldd_vg_noaccess(base, PAGE_SIZE << order);
	slab->private = (unsigned long)base;
	return slab;
}

static void slab_release(struct page *slab)
{
	if (uldd_debug_on(ULDD_DEBUG_KASAN)) {
		uldd_private_free(*slab_meta_slot(slab));
		*slab_meta_slot(slab) = NULL;
	}
	page_state(slab)->cache = NULL;
	uldd_free_block(slab, page_block_order(slab));
}

/*
 * memcheck's view of an object handed out: a block of its own (a report
 * names its allocation's stack), undefined, or defined as its constructor
 * left it.
 */
static noinline void slab_vg_alloc(struct kmem_cache *s, void *obj)
{
	uldd_vg_alloc(obj, s->object_size, false);
	if (s->ctor || (s->flags & SLAB_TYPESAFE_BY_RCU))
		uldd_vg_defined(obj, s->object_size);
}

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, bool kasan)
{
	struct page *slab;
	void *obj;

	uldd_mm_lock(&s->lock);
	while (unlikely(!s->partial)) {
		uldd_mm_unlock(&s->lock);
		slab = slab_new(s, gfp);
		if (!slab)
			return NULL;
		uldd_mm_lock(&s->lock);
		partial_add(s, slab);
		s->nr_slabs++;
	}
	slab = s->partial;
	obj = (void *)slab->private;
	slab->private = (unsigned long)slab_next(s, slab, obj, kasan);
	if (kasan)
		slab_meta(s, slab, obj)->state = KMETA_LIVE;
	slab_inuse_inc(slab);
	s->inuse++;
	if (!slab->private)
		partial_del(s, slab);
	uldd_mm_unlock(&s->lock);
	if (!kasan && uldd_valgrind())
		slab_vg_alloc(s, obj);
	/* kasan zeroes once the object is addressable. */
	if (!kasan && (gfp & __GFP_ZERO))
		memset(obj, 0, s->object_size);
	return obj;
}

static __always_inline void slab_free(struct kmem_cache *s, struct page *slab, void *obj,
				      bool kasan)
{
	unsigned long off = (unsigned long)((char *)obj - (char *)page_address(slab));
	struct page *release = NULL;
	void *head;

	/*
	 * obj must start an object: off a multiple of size inside the slab.
	 * For such an off (< 2^22, a slab is at most 4 MiB) the product with
	 * the rounded-up reciprocal is exactly its index; for any other off,
	 * index * size differs from off.
	 */
	if (unlikely(((off * s->reciprocal) >> 32) * s->size != off ||
		     off + s->size > (PAGE_SIZE << page_block_order(slab))))
		uldd_stop("kfree(%px): inside an object of %s, not its start", obj, s->name);
	uldd_mm_lock(&s->lock);
	head = (void *)slab->private;
	if (kasan) {
		struct kasan_meta *m = slab_meta(s, slab, obj);

		m->next = head;
		m->state = KMETA_FREE;
	} else {
		if (unlikely(obj == head)) {
			uldd_mm_unlock(&s->lock);
			uldd_stop("%s: object %px freed twice", s->name, obj);
		}
		set_free_ptr(s, obj, head);
	}
	slab->private = (unsigned long)obj;
	slab_inuse_dec(slab);
	s->inuse--;
	if (!head) {
		partial_add(s, slab);
	} else if (!slab_inuse(slab) && s->nr_partial > SLAB_KEEP_PARTIAL &&
		   !(s->flags & SLAB_TYPESAFE_BY_RCU)) {
		partial_del(s, slab);
		s->nr_slabs--;
		release = slab;
	}
	uldd_mm_unlock(&s->lock);
	if (release)
		slab_release(release);
}

/* The first page of the block holding objp, which must be arena memory. */
static __always_inline struct page *obj_head(const void *objp, const char *fn)
{
	struct uldd_chunk *c = uldd_arena_find(objp);

	if (unlikely(!c))
		uldd_stop("%s(%px): not memory from kmalloc", fn, objp);
	return compound_head(uldd_chunk_page(c, objp));
}

/*
 * --debug=kasan. A kmalloc/kmem_cache object is followed by a redzone
 * (its cache's stride grows by it), poisoned like the bytes past the size
 * kmalloc was asked for; a freed object is poisoned and sits in a FIFO
 * quarantine, bounded in bytes, before its slab gets it back.
 */
static struct uldd_mm_lock quarantine_lock;
static void *quarantine_head, *quarantine_tail;
static unsigned long quarantine_bytes;

/* The redzone after an object: 16 bytes, more for bigger objects. */
static unsigned int kasan_redzone(unsigned int size)
{
	if (size <= 64)
		return 16;
	if (size <= 256)
		return 32;
	if (size <= 1024)
		return 64;
	if (size <= 4096)
		return 128;
	return 256;
}

/* A kasan stride: the object, its redzone, aligned to align. */
static unsigned int kasan_stride(unsigned int size, unsigned int align)
{
	return ALIGN(size + kasan_redzone(size), align);
}

void uldd_slab_kasan_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		struct kmem_cache *s = &kmalloc_caches[i];
		unsigned int n = s->object_size;
		/* Power-of-two sizes stay naturally aligned, as Linux promises. */
		unsigned int a = is_power_of_2(n) ? n : s->align;

		s->size = kasan_stride(n, a);
		s->reciprocal = slab_reciprocal(s->size);
	}
}

/* The first page of the block holding p, arena memory the allocator handed out. */
static struct page *kasan_head(const void *p)
{
	return compound_head(uldd_chunk_page(uldd_arena_find(p), p));
}

static void kasan_record(int *pid, char *comm)
{
	struct task_struct *t = current;

	*pid = t ? task_pid_nr(t) : 0;
	strscpy(comm, t ? t->comm : "(no task)", TASK_COMM_LEN);
}

/* obj's bytes from size on out of bounds, up to its redzone's end. */
static void kasan_obj_resize(struct kmem_cache *s, struct page *slab, const void *obj, size_t size)
{
	unsigned long used = ALIGN(size, KASAN_GRANULE);

	slab_meta(s, slab, obj)->size = (unsigned int)size;
	uldd_kasan_poison((const char *)obj + used, s->size - used, KASAN_SLAB_REDZONE);
	uldd_kasan_unpoison(obj, size);
}

/* The caller's object of size bytes, addressable up to size only. */
static noinline void *kasan_obj_alloc(struct kmem_cache *s, size_t size, gfp_t gfp)
{
	struct kasan_meta *m;
	void *obj = slab_alloc(s, gfp, true);

	if (!obj)
		return NULL;
	m = slab_meta(s, kasan_head(obj), obj);
	/* 1: this function; the stack starts at kmalloc or kmem_cache_alloc. */
	m->alloc_stack = uldd_stack_save(1);
	kasan_record(&m->alloc_pid, m->alloc_comm);
	m->free_stack = NULL;
	uldd_kasan_unpoison(obj, s->object_size);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	kasan_obj_resize(s, kasan_head(obj), obj, size);
	return obj;
}

static void *kasan_large_alloc(size_t size, gfp_t gfp)
{
	unsigned long used = ALIGN(size, KASAN_GRANULE);
	void *p = uldd_alloc_large(size, gfp);

	if (p) {
		size_t have = uldd_large_size(kasan_head(p));

		uldd_kasan_poison((char *)p + used, have - used, KASAN_PAGE_REDZONE);
		uldd_kasan_unpoison(p, size);
	}
	return p;
}

/* The oldest objects past the bound, given back to their slabs. */
static void quarantine_evict(unsigned long keep)
{
	void *obj, *next, *list = NULL;

	uldd_mm_lock(&quarantine_lock);
	while (quarantine_head && quarantine_bytes > keep) {
		struct page *slab;
		struct kmem_cache *s;

		obj = quarantine_head;
		slab = kasan_head(obj);
		s = page_state(slab)->cache;
		quarantine_head = slab_meta(s, slab, obj)->next;
		quarantine_bytes -= s->size;
		/* Reversed, which does not matter: they are all old enough. */
		slab_meta(s, slab, obj)->next = list;
		list = obj;
	}
	if (!quarantine_head)
		quarantine_tail = NULL;
	uldd_mm_unlock(&quarantine_lock);
	for (obj = list; obj; obj = next) {
		struct page *slab = kasan_head(obj);
		struct kmem_cache *s = page_state(slab)->cache;

		/* slab_free() may release the slab, and its records with it. */
		next = slab_meta(s, slab, obj)->next;
		slab_free(s, slab, obj, true);
	}
}

static void quarantine_put(struct kmem_cache *s, struct page *slab, void *obj)
{
	unsigned long bytes;

	slab_meta(s, slab, obj)->next = NULL;
	uldd_mm_lock(&quarantine_lock);
	if (quarantine_tail) {
		struct page *ts = kasan_head(quarantine_tail);

		slab_meta(page_state(ts)->cache, ts, quarantine_tail)->next = obj;
	} else {
		quarantine_head = obj;
	}
	quarantine_tail = obj;
	quarantine_bytes += s->size;
	bytes = quarantine_bytes;
	uldd_mm_unlock(&quarantine_lock);
	if (bytes > KASAN_QUARANTINE_BYTES)
		quarantine_evict(KASAN_QUARANTINE_BYTES / 2);
}

static noinline void kasan_obj_free(struct kmem_cache *s, struct page *slab, void *obj,
				    unsigned long ip)
{
	unsigned long off = (unsigned long)((char *)obj - (char *)page_address(slab));
	const struct uldd_stack *stack;
	struct kasan_meta *m;
	unsigned int state;

	if (((off * s->reciprocal) >> 32) * s->size != off ||
	    off + s->size > (PAGE_SIZE << page_block_order(slab))) {
		uldd_kasan_report_free(obj, false, ip);
		return;
	}
	/*
	 * 1: this function; the stack starts at kfree or kmem_cache_free.
	 * Unwinding is slow: not under the lock.
	 */
	stack = uldd_stack_save(1);
	uldd_mm_lock(&s->lock);
	m = slab_meta(s, slab, obj);
	state = m->state;
	if (state == KMETA_LIVE) {
		m->state = KMETA_QUARANTINE;
		m->free_stack = stack;
		kasan_record(&m->free_pid, m->free_comm);
	}
	uldd_mm_unlock(&s->lock);
	if (state != KMETA_LIVE) {
		uldd_kasan_report_free(obj, state != KMETA_NEW, ip);
		return;
	}
	/*
	 * An RCU reader may still look at a SLAB_TYPESAFE_BY_RCU object after
	 * it is freed, and rightly: it is neither poisoned nor kept back.
	 */
	if (s->flags & SLAB_TYPESAFE_BY_RCU) {
		slab_free(s, slab, obj, true);
		return;
	}
	uldd_kasan_poison(obj, ALIGN(s->object_size, KASAN_GRANULE), KASAN_SLAB_FREE);
	quarantine_put(s, slab, obj);
}

static noinline void kasan_kfree(const void *objp, unsigned long ip)
{
	struct page *head = obj_head(objp, "kfree");
	unsigned long pf = READ_ONCE(head->flags);

	if (pf & PGF_SLAB) {
		kasan_obj_free(page_state(head)->cache, head, (void *)objp, ip);
		return;
	}
	if ((pf & PGF_HEAD) && (pf & (PGF_LARGE | PGF_HUGE)) && objp == page_address(head)) {
		uldd_free_large(head);
		return;
	}
	/* A block of pages freed already is no longer PGF_HEAD. */
	uldd_kasan_report_free(objp, !(pf & PGF_HEAD), ip);
}

static void kasan_krealloc_in_place(const void *p, size_t size)
{
	struct page *head = kasan_head(p);
	unsigned long used = ALIGN(size, KASAN_GRANULE);

	if (READ_ONCE(head->flags) & PGF_SLAB) {
		kasan_obj_resize(page_state(head)->cache, head, p, size);
		return;
	}
	uldd_kasan_poison((const char *)p + used, uldd_large_size(head) - used, KASAN_PAGE_REDZONE);
	uldd_kasan_unpoison(p, size);
}

bool uldd_slab_kasan_describe(const void *addr, struct uldd_kasan_object *o)
{
	struct uldd_chunk *c = uldd_arena_find(addr);
	struct kmem_cache *s;
	struct kasan_meta *m;
	struct page *slab;
	unsigned long idx;

	if (!c)
		return false;
	slab = compound_head(uldd_chunk_page(c, addr));
	if (!(READ_ONCE(slab->flags) & PGF_SLAB))
		return false;
	s = page_state(slab)->cache;
	idx = (unsigned long)((const char *)addr - (char *)page_address(slab)) / s->size;
	if ((idx + 1) * s->size > (PAGE_SIZE << page_block_order(slab)))
		return false;
	uldd_mm_lock(&s->lock);
	m = *slab_meta_slot(slab) + idx;
	o->start = (char *)page_address(slab) + idx * s->size;
	o->cache = s->name;
	o->cache_size = s->object_size;
	o->size = m->size;
	o->live = m->state == KMETA_LIVE;
	o->alloc_stack = m->state == KMETA_NEW ? NULL : m->alloc_stack;
	o->free_stack = o->live ? NULL : m->free_stack;
	o->alloc_pid = m->alloc_pid;
	o->free_pid = m->free_pid;
	memcpy(o->alloc_comm, m->alloc_comm, sizeof(o->alloc_comm));
	memcpy(o->free_comm, m->free_comm, sizeof(o->free_comm));
	uldd_mm_unlock(&s->lock);
	return true;
}

/*
 * memcheck sees a kmalloc object as the size asked for, so the first byte
 * past it is an error even where the size class has room (a large one is
 * that size already: page_alloc.c).
 */
static noinline void kmalloc_vg(void *p, size_t size)
{
	if (size <= KMALLOC_MAX_CACHE_SIZE &&
	    size < kmalloc_caches[kmalloc_index(size)].object_size)
		uldd_vg_resize(p, kmalloc_caches[kmalloc_index(size)].object_size, size);
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p;

	/* size - 1 wraps for 0, which takes the slow branch. */
	if (uldd_debug_on(ULDD_DEBUG_KASAN) && size - 1 < KMALLOC_MAX_SIZE)
		p = size <= KMALLOC_MAX_CACHE_SIZE
			    ? kasan_obj_alloc(&kmalloc_caches[kmalloc_index(size)], size, flags)
			    : kasan_large_alloc(size, flags);
	else if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE))
		p = slab_alloc(&kmalloc_caches[kmalloc_index(size)], flags, false);
	else if (!size)
		return ZERO_SIZE_PTR;
	else if (size <= KMALLOC_MAX_SIZE)
		p = uldd_alloc_large(size, flags);
	else
		p = NULL;
	if (unlikely(!p))
		uldd_mm_failed(flags, "kmalloc", size);
	else if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_alloc(p, size, "kmalloc");
	if (uldd_valgrind() && p && !uldd_debug_on(ULDD_DEBUG_KASAN))
		kmalloc_vg(p, size);
	return p;
}

void kfree(const void *objp)
{
	struct page *head;
	unsigned long pf;

	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_free(objp);
	if (uldd_debug_on(ULDD_DEBUG_KASAN)) {
		kasan_kfree(objp, KASAN_RET_IP);
		/* Not a sibling call: the free stack keeps kfree's frame. */
		barrier();
		return;
	}
	head = obj_head(objp, "kfree");
	pf = READ_ONCE(head->flags);
	if (likely(pf & PGF_SLAB)) {
		/* (A large block tells memcheck at its release: page_alloc.c.) */
		if (uldd_valgrind())
			uldd_vg_free(objp);
		slab_free(page_state(head)->cache, head, (void *)objp, false);
		return;
	}
	if ((pf & (PGF_LARGE | PGF_HUGE)) && objp == page_address(head)) {
		uldd_free_large(head);
		return;
	}
	uldd_stop("kfree(%px): not an object kmalloc returned (page flags %#lx)", objp, pf);
}

size_t ksize(const void *objp)
{
	struct page *head;
	unsigned long pf;

	if (ZERO_OR_NULL_PTR(objp))
		return 0;
	head = obj_head(objp, "ksize");
	pf = READ_ONCE(head->flags);
	if (pf & PGF_SLAB) {
		struct kmem_cache *s = page_state(head)->cache;

		/* The whole object may be used now, as KASAN's ksize() allows. */
		if (uldd_debug_on(ULDD_DEBUG_KASAN))
			kasan_obj_resize(s, head, objp, s->object_size);
		return s->object_size;
	}
	if (pf & (PGF_LARGE | PGF_HUGE)) {
		if (uldd_debug_on(ULDD_DEBUG_KASAN))
			uldd_kasan_unpoison(objp, uldd_large_size(head));
		return uldd_large_size(head);
	}
	uldd_stop("ksize(%px): not an object kmalloc returned (page flags %#lx)", objp, pf);
}

void kfree_sensitive(const void *objp)
{
	size_t n = ksize(objp);

	if (n) {
		memset((void *)objp, 0, n);
		/* The compiler must not drop the memset of memory about to be freed. */
		barrier();
	}
	kfree(objp);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t have;
	void *n;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	have = ksize(p);
	if (new_size <= have) {
		/*
		 * In place. With __GFP_ZERO (given on every call, as Linux asks)
		 * the bytes past the new size are zeroed, so growing back in
		 * place later shows zeros.
		 */
		if (flags & __GFP_ZERO)
			memset((char *)p + new_size, 0, have - new_size);
		/* What ksize() opened up closes again past the new size. */
		if (uldd_debug_on(ULDD_DEBUG_KASAN))
			kasan_krealloc_in_place(p, new_size);
		return (void *)p;
	}
	n = kmalloc(new_size, flags);
	if (!n)
		return NULL;
	if (have)
		memcpy(n, p, have);
	kfree(p);
	return n;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int a = align ? align : ARCH_SLAB_MINALIGN;
	struct kmem_cache *s = NULL;
	unsigned long stride;

	if (!name || !size || size > KMALLOC_MAX_SIZE || (a & (a - 1)) || a > KMALLOC_MAX_SIZE)
		goto err;
	if (a < ARCH_SLAB_MINALIGN)
		a = ARCH_SLAB_MINALIGN;
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int line = SLAB_CACHE_LINE;

		/* Small objects share a line but never straddle one. */
		while (size <= line / 2)
			line /= 2;
		if (line > a)
			a = line;
	}
	/*
	 * The cache's record and name are allocator metadata: in the private
	 * heap, which no device reaches (its size class keeps the alignment).
	 */
	s = uldd_private_alloc(sizeof(*s), GFP_KERNEL | __GFP_ZERO);
	if (!s)
		goto err;
	s->name = uldd_private_alloc(strlen(name) + 1, GFP_KERNEL);
	if (!s->name)
		goto err;
	memcpy((char *)s->name, name, strlen(name) + 1);
	s->object_size = size;
	s->align = a;
	s->flags = flags;
	s->ctor = ctor;
	if (ctor || (flags & SLAB_TYPESAFE_BY_RCU)) {
		/*
		 * A free object keeps its constructed state (or what an RCU
		 * reader may still look at): the free pointer goes after it.
		 */
		s->offset = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
		stride = s->offset + sizeof(void *);
	} else {
		stride = size < sizeof(void *) ? sizeof(void *) : size;
	}
	stride = (stride + a - 1) & ~((unsigned long)a - 1);
	/* kasan keeps the free pointer out of the object: a redzone follows it instead. */
	if (uldd_debug_on(ULDD_DEBUG_KASAN))
		stride = kasan_stride(size, a);
	if (stride > KMALLOC_MAX_SIZE)
		goto err;
	s->size = (unsigned int)stride;
	s->reciprocal = slab_reciprocal(stride);
	return s;

err:
	if (s)
		uldd_private_free(s->name);
	uldd_private_free(s);
	if (flags & SLAB_PANIC)
		uldd_stop("kmem_cache_create(%s) failed and SLAB_PANIC was given", name);
	pr_warn("kmem_cache_create(%s, size %u, align %u) failed\n", name, size, align);
	return NULL;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long inuse;

	if (!s)
		return;
	/* Objects in quarantine are still counted in use. */
	if (uldd_debug_on(ULDD_DEBUG_KASAN))
		quarantine_evict(0);
	uldd_mm_lock(&s->lock);
	inuse = s->inuse;
	if (inuse) {
		uldd_mm_unlock(&s->lock);
		pr_err("kmem_cache_destroy(%s): %lu objects still allocated: leaking the cache\n",
		       s->name, inuse);
		return;
	}
	/* No object in use: every slab is on the partial list. */
	slab = s->partial;
	s->partial = NULL;
	s->nr_partial = 0;
	uldd_mm_unlock(&s->lock);
	for (; slab; slab = next) {
		next = page_state(slab)->next;
		slab_release(slab);
	}
	uldd_private_free(s->name);
	uldd_private_free(s);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *p = uldd_debug_on(ULDD_DEBUG_KASAN) ? kasan_obj_alloc(s, s->object_size, flags)
						  : slab_alloc(s, flags, false);

	if (unlikely(!p))
		uldd_mm_failed(flags, s->name, s->object_size);
	else if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_alloc(p, s->object_size, s->name);
	return p;
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	struct page *head;

	if (unlikely(!objp))
		return;
	head = obj_head(objp, "kmem_cache_free");
	if (unlikely(!(READ_ONCE(head->flags) & PGF_SLAB) || page_state(head)->cache != s))
		uldd_stop("kmem_cache_free(%s, %px): not an object of that cache", s->name, objp);
	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_free(objp);
	if (uldd_valgrind() && !uldd_debug_on(ULDD_DEBUG_KASAN))
		uldd_vg_free(objp);
	if (uldd_debug_on(ULDD_DEBUG_KASAN)) {
		kasan_obj_free(s, head, objp, KASAN_RET_IP);
		barrier();
		return;
	}
	slab_free(s, head, objp, false);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}
