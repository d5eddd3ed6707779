/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* pagemap.h - drivers include it for the page mapping helpers alone. */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/highmem.h>
#include <linux/mm.h>

#endif /* _LINUX_PAGEMAP_H */
