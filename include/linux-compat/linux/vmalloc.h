/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/vmalloc.h - large allocations that need not be physically
 * contiguous. May sleep: not for atomic context, as in Linux.
 *
 * Emulation notes: vmalloc here is a large kmalloc. The memory comes from
 * the DMA arena like all kernel memory: page-aligned, virtually and (as
 * far as the device sees, through the IOMMU) contiguous. Up to
 * KMALLOC_MAX_SIZE (4 MiB) it is a page-allocator block, so the size is
 * rounded up to a power of two pages; beyond, it is an arena chunk of its
 * own, whose pages go to the page allocator when it is freed (the arena
 * never shrinks). vfree() and kfree() are interchangeable, and
 * vmalloc_to_page() is virt_to_page().
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>

struct page;

void *vmalloc(unsigned long size) __attribute__((__malloc__));
void *vzalloc(unsigned long size) __attribute__((__malloc__));
void vfree(const void *addr);
struct page *vmalloc_to_page(const void *addr);

static inline void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return vmalloc(bytes);
}

static inline void *vcalloc(size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return vzalloc(bytes);
}

#endif /* _LINUX_VMALLOC_H */
