/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mm.h - pages and addresses: page_address()/virt_to_page() between
 * a struct page and the memory it describes, reference counts
 * (get_page/put_page), and the page-size arithmetic helpers. Lock-free:
 * reference counts are atomic, the rest reads fields fixed at allocation.
 *
 * Emulation notes:
 * - the "linear map" is the DMA arena: virt_to_page(), virt_addr_valid()
 *   and the pfn helpers work on arena addresses (kmalloc, alloc_pages,
 *   vmalloc memory) only. virt_to_page() of any other address stops the
 *   driver loudly; virt_addr_valid() says false.
 * - a page frame number is the virtual address >> PAGE_SHIFT: there is no
 *   physical address in user space. DMA addresses come from the DMA API.
 * - put_page() on a slab (kmalloc) page that drops the last reference
 *   stops loudly: kfree() frees those.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/page.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/sizes.h>
#include <linux/types.h>

/* Rounds addr up to the next page boundary; works on pointers too. */
#define PAGE_ALIGN(addr) ((typeof(addr))(((unsigned long)(addr) + PAGE_SIZE - 1) & PAGE_MASK))
#define PAGE_ALIGNED(addr) (((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

/* The first page of the block page belongs to (page itself if it is one). */
static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline void *page_address(const struct page *page)
{
	return page->virtual;
}

static inline void *lowmem_page_address(const struct page *page)
{
	return page->virtual;
}

#define page_to_virt(page) page_address(page)

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long private)
{
	page->private = private;
}

/* This page's own count; page_count() is the block's (its head's). */
static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

static inline int page_count(const struct page *page)
{
	return page_ref_count(compound_head(page));
}

static inline void get_page(struct page *page)
{
	__atomic_fetch_add(&compound_head(page)->_refcount, 1, __ATOMIC_RELAXED);
}

/* Frees the block whose last reference was dropped (shim/mm/page_alloc.c). */
void uldd_page_put_last(struct page *head);

static inline void put_page(struct page *page)
{
	struct page *head = compound_head(page);

	/* Release: this holder's writes to the page precede the free. */
	if (__atomic_sub_fetch(&head->_refcount, 1, __ATOMIC_ACQ_REL) == 0)
		uldd_page_put_last(head);
}

/* Out of line: they look the address up in the arena's chunks. */
struct page *uldd_virt_to_page(unsigned long addr);
bool __virt_addr_valid(unsigned long addr);

#define virt_to_page(kaddr) uldd_virt_to_page((unsigned long)(kaddr))
#define virt_addr_valid(kaddr) __virt_addr_valid((unsigned long)(kaddr))
#define page_to_pfn(page) ((unsigned long)page_address(page) >> PAGE_SHIFT)
#define pfn_to_page(pfn) uldd_virt_to_page((unsigned long)(pfn) << PAGE_SHIFT)
/* A page's "physical" address is its IOVA when IOVA = VA (the common case). */
#define page_to_phys(page) ((phys_addr_t)(uintptr_t)page_address(page))
#define virt_to_pfn(kaddr) ((unsigned long)(kaddr) >> PAGE_SHIFT)

#endif /* _LINUX_MM_H */
