/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * kasan.h - --debug=kasan inside the shim: the shadow of the DMA arena
 * (one byte per 8 bytes of memory) that the allocators poison and
 * unpoison, the range check the shim's own string functions make, and
 * what the slab allocator tells a report about the object an address
 * belongs to. Everything here is called only while
 * uldd_debug_on(ULDD_DEBUG_KASAN).
 *
 * A shadow byte says which of its 8 bytes may be touched: 0 all of them,
 * 1 to 7 that many leading ones, a code with the top bit set none, and
 * why (the codes below).
 */
#ifndef ULDD_SHIM_DEBUG_KASAN_H
#define ULDD_SHIM_DEBUG_KASAN_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <uldd/kasan.h>

struct uldd_chunk;
struct uldd_stack;

/* The caller's code address: what a report names and counts once. */
#define KASAN_RET_IP ((unsigned long)__builtin_return_address(0))

#define KASAN_GRANULE_SHIFT 3
#define KASAN_GRANULE (1UL << KASAN_GRANULE_SHIFT)

#define KASAN_PAGE_FREE 0xff /* a page on the buddy lists */
#define KASAN_PAGE_REDZONE 0xfe /* past a large kmalloc, up to its block's end */
#define KASAN_SLAB_REDZONE 0xfc /* past an object, or an object never handed out */
#define KASAN_SLAB_FREE 0xfb /* an object freed (in quarantine, or back on its slab) */

/*
 * The shadow of chunk c, every page free; stored in c->shadow. From the
 * private heap, which no device reaches and no driver owns, and which may
 * grow for it: the caller may block. 0 or -ENOMEM.
 */
int uldd_kasan_chunk_init(struct uldd_chunk *c);

/*
 * [p, p + size) of arena memory: poisoned with code (p and size multiples
 * of 8), or made addressable (p a multiple of 8; a partial last granule
 * records how many of its bytes are). Memory outside the arena is ignored.
 */
void uldd_kasan_poison(const void *p, size_t size, u8 code);
void uldd_kasan_unpoison(const void *p, size_t size);

/*
 * An access to [p, p + size) by the code at ip: true when it is fine (or
 * not arena memory), else a report (once per ip) and false.
 */
bool uldd_kasan_check(const void *p, size_t size, bool write, unsigned long ip);

/* A report of a bad free (kfree of what is not a live object) at ip. */
void uldd_kasan_report_free(const void *p, bool twice, unsigned long ip);

/* What slab.c knows of the object holding an address, for a report. */
struct uldd_kasan_object {
	const void *start;
	const char *cache;
	unsigned int cache_size; /* the cache's object size */
	unsigned int size; /* requested (kmalloc's size), when allocated */
	bool live; /* allocated; else freed (or never handed out) */
	const struct uldd_stack *alloc_stack, *free_stack;
	int alloc_pid, free_pid;
	char alloc_comm[16], free_comm[16];
};

/* slab.c: fills o for a slab address; false when addr is in no slab. */
bool uldd_slab_kasan_describe(const void *addr, struct uldd_kasan_object *o);
/* slab.c: the kmalloc caches grow redzones; from uldd_mm_init(), before any allocation. */
void uldd_slab_kasan_init(void);

#endif /* ULDD_SHIM_DEBUG_KASAN_H */
