// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * util.c - the allocation helpers built on kmalloc (kstrdup, kmemdup ...)
 * and vmalloc/kvmalloc, which here are large kmallocs from the same DMA
 * arena (linux/vmalloc.h says why). No state of their own: the
 * concurrency is slab.c's and page_alloc.c's.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../debug/debug.h"
#include "arena.h"
#include "internal.h"

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	return s ? kmemdup_nul(s, strnlen(s, max), gfp) : NULL;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *p;

	if (!s)
		return NULL;
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/* Linux skips the copy for strings in .rodata; this always copies. */
const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}

/* Frees what kstrdup_const() copied; a string outside the arena is constant. */
void kfree_const(const void *x)
{
	if (uldd_arena_find(x))
		kfree(x);
}

void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	void *p;

	(void)node;
	/* Only a caller that may sleep gets the vmalloc fallback, as in Linux. */
	if (size <= KMALLOC_MAX_SIZE || !gfpflags_allow_blocking(flags))
		return kmalloc(size, flags);
	p = uldd_alloc_large(size, flags);
	if (!p)
		uldd_mm_failed(flags, "kvmalloc", size);
	else if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_alloc(p, size, "kvmalloc");
	return p;
}

void kvfree(const void *addr)
{
	kfree(addr);
}

static void *vmalloc_flags(unsigned long size, gfp_t gfp)
{
	void *p = size ? uldd_alloc_large(size, gfp) : NULL;

	if (!p)
		uldd_mm_failed(gfp, "vmalloc", size);
	else if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_alloc(p, size, "vmalloc");
	return p;
}

void *vmalloc(unsigned long size)
{
	return vmalloc_flags(size, GFP_KERNEL);
}

void *vzalloc(unsigned long size)
{
	return vmalloc_flags(size, GFP_KERNEL | __GFP_ZERO);
}

void vfree(const void *addr)
{
	kfree(addr);
}

struct page *vmalloc_to_page(const void *addr)
{
	return uldd_virt_to_page((unsigned long)addr);
}
