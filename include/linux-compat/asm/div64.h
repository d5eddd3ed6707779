/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/div64.h - do_div(n, base): divides the u64 lvalue n in place by a
 * 32-bit base and is the remainder. A macro because it writes n.
 */
#ifndef _ASM_DIV64_H
#define _ASM_DIV64_H

#include <linux/types.h>

#define do_div(n, base)                                \
	({                                             \
		u32 __dd_base = (base);                \
		u32 __dd_rem = (u32)((n) % __dd_base); \
		(n) = (n) / __dd_base;                 \
		__dd_rem;                              \
	})

#endif /* _ASM_DIV64_H */
