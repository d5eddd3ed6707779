/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/page.h - the page size (4 KiB, as on x86-64 and most arm64 kernels)
 * and get_order(), the page-allocator order a byte count needs.
 *
 * Emulation notes: virt_to_page() and page_address() are in linux/mm.h:
 * they work on the DMA arena only (see shim/mm/), not on any address.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* The smallest order with PAGE_SIZE << order >= size (size > 0). */
static inline __attribute__((__const__)) int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return (int)(sizeof(unsigned long) * 8) - __builtin_clzl((size - 1) >> PAGE_SHIFT);
}

#endif /* _ASM_X86_PAGE_H */
