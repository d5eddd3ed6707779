/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mmzone.h - the page allocator's order limits: orders 0 to
 * MAX_PAGE_ORDER (a 4 MiB block of 1024 pages), as in Linux's defaults.
 *
 * Emulation notes: MAX_ORDER is left out on purpose: Linux 6.1 means
 * "one past the largest order" by it, 6.4-6.7 "the largest order"; a
 * driver that spells it needs a semantic patch to MAX_PAGE_ORDER.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES (1 << MAX_PAGE_ORDER)

#endif /* _LINUX_MMZONE_H */
