/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* highmem.h - temporary page mappings: every arena page is mapped already. */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
	(void)page;
}

static inline void *kmap_atomic(struct page *page)
{
	return page_address(page);
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

#define kunmap_atomic(addr) ((void)(addr))
#define kunmap_local(addr) ((void)(addr))

#endif /* _LINUX_HIGHMEM_H */
