/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/memremap.h - device memory given struct pages (ZONE_DEVICE). The
 * shim has none: no page is a peer device's memory (is_pci_p2pdma_page()
 * is false), and remapping aligns to a page.
 */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <asm/page.h>
#include <linux/types.h>

struct page;

static inline bool is_pci_p2pdma_page(const struct page *page)
{
	(void)page;
	return false;
}

static inline unsigned long memremap_compat_align(void)
{
	return PAGE_SIZE;
}

#endif /* _LINUX_MEMREMAP_H */
