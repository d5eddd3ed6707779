/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uldd/debug.h - which of the kernel's checkers 'uldd run --debug=LIST'
 * switched on. The mask is written once, before the first vCPU starts,
 * and only read after: a checker's hook in an inline (a lock, a DMA
 * mapping) costs one load and a branch never taken while it is off, the
 * way a static key costs the kernel one patched jump.
 */
#ifndef _ULDD_DEBUG_H
#define _ULDD_DEBUG_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ULDD_DEBUG_KASAN 0x01U
#define ULDD_DEBUG_LOCKDEP 0x02U
#define ULDD_DEBUG_DMA 0x04U
#define ULDD_DEBUG_LEAKS 0x08U
#define ULDD_DEBUG_DMA_STRICT 0x10U

extern unsigned int uldd_debug_mask;

static __always_inline bool uldd_debug_on(unsigned int checkers)
{
	return unlikely(uldd_debug_mask & checkers);
}

#endif /* _ULDD_DEBUG_H */
