/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm-generic/bitsperlong.h - the width of long in bits, for bitmaps and
 * bit operations: 64 on the 64-bit machines uldd runs on.
 */
#ifndef __ASM_GENERIC_BITS_PER_LONG
#define __ASM_GENERIC_BITS_PER_LONG

#define BITS_PER_LONG (__SIZEOF_LONG__ * 8)
#define __BITS_PER_LONG BITS_PER_LONG
#define BITS_PER_LONG_LONG 64

_Static_assert(BITS_PER_LONG == 64, "uldd's headers assume a 64-bit long");

#endif /* __ASM_GENERIC_BITS_PER_LONG */
