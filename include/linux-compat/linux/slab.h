/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/slab.h - kmalloc and kmem_cache: small objects carved from pages
 * of the DMA arena. kmalloc(n) rounds n up to a size class (8 bytes to
 * 8 KiB) and serves larger sizes, up to KMALLOC_MAX_SIZE, from the page
 * allocator. Every object is aligned to ARCH_KMALLOC_MINALIGN, and an
 * object whose size is a power of two to that size (DMA buffers rely on
 * it). Any context may allocate with GFP_ATOMIC and free; see
 * linux/gfp_types.h for the flags.
 *
 * Emulation notes:
 * - all memory is in the DMA arena (one IOMMU mapping per arena chunk), so
 *   every kmalloc buffer can be given to dma_map_single(); no object
 *   crosses a chunk, so each is contiguous in IOVA space too.
 * - kvmalloc() is kmalloc() up to KMALLOC_MAX_SIZE, then vmalloc() (which
 *   is also arena memory, see linux/vmalloc.h); kvfree() and kfree() take
 *   either.
 * - kmem_cache_create() copies the name; of the SLAB_ flags it honours
 *   SLAB_HWCACHE_ALIGN, SLAB_PANIC and SLAB_TYPESAFE_BY_RCU (a slab's
 *   pages then never leave the cache); the debugging and accounting flags
 *   are accepted and ignored. Caches with the same geometry are not merged.
 * - kfree() of a pointer kmalloc did not return (or of a pointer into an
 *   object), and a second kfree() of an object before its slab is used
 *   again, stop the driver loudly, as Linux's debugging options report them.
 * - no per-CPU object caches yet: each size class has its own lock.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <asm/page.h>
#include <linux/compiler_types.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/overflow.h>
#include <linux/types.h>

/* Alignment: of every kmalloc object, and of kmem_cache objects by default. */
#define ARCH_KMALLOC_MINALIGN __alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN __alignof__(unsigned long long)
/* The device sees memory coherently (x86, or the IOMMU snoops): no padding. */
#define ARCH_DMA_MINALIGN ARCH_KMALLOC_MINALIGN

/* The size classes: 8 bytes (1 << KMALLOC_SHIFT_LOW) to 8 KiB. */
#define KMALLOC_SHIFT_LOW 3
#define KMALLOC_MIN_SIZE (1 << KMALLOC_SHIFT_LOW)
#define KMALLOC_SHIFT_HIGH (PAGE_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
/* The largest kmalloc: the page allocator's largest block, 4 MiB. */
#define KMALLOC_SHIFT_MAX (MAX_PAGE_ORDER + PAGE_SHIFT)
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_ORDER (KMALLOC_SHIFT_MAX - PAGE_SHIFT)

/*
 * What kmalloc(0) returns: not NULL (so it is not taken for a failure),
 * but faulting when used. kfree() and ksize() accept it.
 */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

typedef unsigned int __bitwise slab_flags_t;

#define __SLAB_BIT(n) ((__force slab_flags_t)(1u << (n)))
/* Cache-line aligned; an object of at most half a line, to a power-of-two part of one. */
#define SLAB_HWCACHE_ALIGN __SLAB_BIT(0)
/* kmem_cache_create() failure stops the driver instead of returning NULL. */
#define SLAB_PANIC __SLAB_BIT(1)
/* Freed objects may be read under RCU: their memory stays this cache's. */
#define SLAB_TYPESAFE_BY_RCU __SLAB_BIT(2)
/* Accepted and ignored. */
#define SLAB_CACHE_DMA __SLAB_BIT(3)
#define SLAB_CACHE_DMA32 __SLAB_BIT(4)
#define SLAB_RECLAIM_ACCOUNT __SLAB_BIT(5)
#define SLAB_ACCOUNT __SLAB_BIT(6)
#define SLAB_MEM_SPREAD __SLAB_BIT(7)
#define SLAB_NOLEAKTRACE __SLAB_BIT(8)
#define SLAB_CONSISTENCY_CHECKS __SLAB_BIT(9)
#define SLAB_RED_ZONE __SLAB_BIT(10)
#define SLAB_POISON __SLAB_BIT(11)
#define SLAB_STORE_USER __SLAB_BIT(12)
#define SLAB_NO_MERGE __SLAB_BIT(13)

/* Opaque: the shim's (shim/mm/slab.c). */
struct kmem_cache;

void *kmalloc(size_t size, gfp_t flags) __attribute__((__malloc__, __alloc_size__(1)));
void kfree(const void *objp);
/* kfree() after zeroing the whole object (keys, secrets). */
void kfree_sensitive(const void *objp);
/* The usable size of a kmalloc object, >= what was asked; 0 for ZERO_SIZE_PTR. */
size_t ksize(const void *objp);
/*
 * Resizes p keeping its contents up to the smaller size; in place when the
 * object is large enough. NULL p: kmalloc(). new_size 0: kfree() and
 * ZERO_SIZE_PTR. On failure returns NULL and p is untouched.
 */
void *__must_check krealloc(const void *p, size_t new_size, gfp_t flags)
	__attribute__((__alloc_size__(2)));

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *__must_check krealloc_array(void *p, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return krealloc(p, bytes, flags);
}

/* One NUMA node: the node is ignored. */
static inline void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	(void)node;
	return kmalloc(size, flags);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline void *kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node)
{
	(void)node;
	return kmalloc_array(n, size, flags);
}

static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array_node(n, size, flags | __GFP_ZERO, node);
}

/* kmalloc, or past KMALLOC_MAX_SIZE vmalloc (with blocking flags only). */
void *kvmalloc_node(size_t size, gfp_t flags, int node) __attribute__((__malloc__));
void kvfree(const void *addr);

static inline void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, NUMA_NO_NODE);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline void *kvzalloc_node(size_t size, gfp_t flags, int node)
{
	return kvmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

/*
 * A cache of equal objects. align (0: ARCH_SLAB_MINALIGN) must be a power
 * of two. ctor, if given, runs once per object when its slab is made, not
 * at each allocation: a freed object must be back in its constructed state.
 * NULL on failure (a bad size or alignment, no memory).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/* Objects still allocated are reported and leaked with the cache. NULL: no-op. */
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) __attribute__((__malloc__));
void kmem_cache_free(struct kmem_cache *s, void *objp);
/* The object size the cache was created with. */
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

static inline void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	(void)node;
	return kmem_cache_alloc(s, flags);
}

/* A cache named after struct s, of its size and alignment. */
#define KMEM_CACHE(s, flags) \
	kmem_cache_create(#s, sizeof(struct s), __alignof__(struct s), (flags), NULL)

#endif /* _LINUX_SLAB_H */
