/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/gfp_types.h - the allocation flags (gfp_t, "get free pages"): what
 * an allocation may do to succeed (sleep, start I/O), where its memory
 * may come from, and what to do with it (zero it, stay quiet on failure).
 * Documentation/core-api/memory-allocation.rst explains which to use.
 *
 * Emulation notes (shim/mm/ honours these, the rest are accepted and
 * ignored):
 * - __GFP_DIRECT_RECLAIM (in GFP_KERNEL, not in GFP_ATOMIC/GFP_NOWAIT):
 *   only such an allocation may grow the DMA arena, which may block; the
 *   others take what the arena already has and fail rather than wait.
 * - __GFP_ZERO zeroes, __GFP_NOWARN silences the one-line failure report,
 *   __GFP_NOFAIL stops the driver loudly instead of returning NULL.
 * - __GFP_NORETRY and __GFP_RETRY_MAYFAIL: one attempt to grow the arena.
 * - __GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM: ignored. All memory is arena
 *   memory, which the IOMMU maps below any device's DMA mask, and there is
 *   no high memory: page_address() always works.
 * - __GFP_COMP: every allocation of order > 0 is compound here anyway.
 * - the bit values are uldd's own; only the names are the API.
 */
#ifndef _LINUX_GFP_TYPES_H
#define _LINUX_GFP_TYPES_H

#include <linux/types.h>

#define __GFP_BIT(n) ((__force gfp_t)(1u << (n)))

/* Where the memory may come from (zone modifiers). */
#define __GFP_DMA __GFP_BIT(0)
#define __GFP_DMA32 __GFP_BIT(1)
#define __GFP_HIGHMEM __GFP_BIT(2)
#define __GFP_MOVABLE __GFP_BIT(3)
#define __GFP_RECLAIMABLE __GFP_BIT(4)
#define __GFP_HARDWALL __GFP_BIT(5)
#define __GFP_THISNODE __GFP_BIT(6)
#define __GFP_ACCOUNT __GFP_BIT(7)

/* How hard to try. */
#define __GFP_HIGH __GFP_BIT(8) /* may use the emergency reserve */
#define __GFP_IO __GFP_BIT(9) /* may start physical I/O */
#define __GFP_FS __GFP_BIT(10) /* may call into file systems */
#define __GFP_DIRECT_RECLAIM __GFP_BIT(11) /* may sleep */
#define __GFP_KSWAPD_RECLAIM __GFP_BIT(12) /* may wake the background reclaimer */
#define __GFP_RECLAIM (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define __GFP_NORETRY __GFP_BIT(13)
#define __GFP_RETRY_MAYFAIL __GFP_BIT(14)
#define __GFP_NOFAIL __GFP_BIT(15)
#define __GFP_MEMALLOC __GFP_BIT(16)
#define __GFP_NOMEMALLOC __GFP_BIT(17)
#define __GFP_WRITE __GFP_BIT(18)

/* What to do with the memory. */
#define __GFP_ZERO __GFP_BIT(19)
#define __GFP_NOWARN __GFP_BIT(20)
#define __GFP_COMP __GFP_BIT(21)
#define __GFP_NOLOCKDEP __GFP_BIT(22)

/* The combinations drivers use. */
#define GFP_ATOMIC (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOIO (__GFP_RECLAIM)
#define GFP_NOFS (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

#endif /* _LINUX_GFP_TYPES_H */
