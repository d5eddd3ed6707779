/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* linux/bitrev.h - the bits of a byte, half-word or word in reverse order. */
#ifndef _LINUX_BITREV_H
#define _LINUX_BITREV_H

#include <linux/types.h>

static inline u8 bitrev8(u8 x)
{
	x = (u8)((x >> 4) | (x << 4));
	x = (u8)(((x >> 2) & 0x33) | ((x & 0x33) << 2));
	return (u8)(((x >> 1) & 0x55) | ((x & 0x55) << 1));
}

static inline u16 bitrev16(u16 x)
{
	return (u16)(bitrev8((u8)x) << 8 | bitrev8((u8)(x >> 8)));
}

static inline u32 bitrev32(u32 x)
{
	return (u32)bitrev16((u16)x) << 16 | bitrev16((u16)(x >> 16));
}

#endif /* _LINUX_BITREV_H */
