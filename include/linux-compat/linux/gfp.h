/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/gfp.h - the page allocator: blocks of 2^order contiguous 4 KiB
 * pages, each described by a struct page (linux/mm_types.h), freed with
 * the order they were allocated with. A block is naturally aligned: its
 * address is a multiple of its size.
 *
 * Emulation notes: the pages come from the DMA arena (shim/mm/), so every
 * page is mapped in the IOMMU and has an address (no high memory). Every
 * block of order > 0 is compound (as if __GFP_COMP were always given):
 * get_page()/put_page() on any of its pages count on the first page. The
 * node arguments are ignored (one node). linux/gfp_types.h tells which
 * flags are honoured.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/compiler_types.h>
#include <linux/gfp_types.h>
#include <linux/mmzone.h>
#include <linux/numa.h>
#include <linux/types.h>

struct page;

/* May the allocation sleep? Only then may it wait for more memory. */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/* The first page of 2^order pages, its reference count 1; NULL on failure. */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
/* Drops a reference; the last one frees the block (order as allocated). */
void __free_pages(struct page *page, unsigned int order);
/* The same by address; 0 on failure. free_pages(0, order) does nothing. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

static inline struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	(void)nid;
	return alloc_pages(gfp, order);
}

#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

#endif /* _LINUX_GFP_H */
