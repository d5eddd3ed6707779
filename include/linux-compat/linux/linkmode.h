/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/linkmode.h - bitmaps of ethtool link modes (ETHTOOL_LINK_MODE_*),
 * __ETHTOOL_LINK_MODE_MASK_NBITS wide: the bitmap operations named for
 * them. Non-atomic, like the __set_bit family they use.
 */
#ifndef _LINUX_LINKMODE_H
#define _LINUX_LINKMODE_H

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/ethtool.h>

static inline void linkmode_zero(unsigned long *dst)
{
	bitmap_zero(dst, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline void linkmode_copy(unsigned long *dst, const unsigned long *src)
{
	bitmap_copy(dst, src, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline void linkmode_and(unsigned long *dst, const unsigned long *a, const unsigned long *b)
{
	bitmap_and(dst, a, b, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline void linkmode_or(unsigned long *dst, const unsigned long *a, const unsigned long *b)
{
	bitmap_or(dst, a, b, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

/* dst = src1 & ~src2; true when a bit is left. */
static inline bool linkmode_andnot(unsigned long *dst, const unsigned long *src1,
				   const unsigned long *src2)
{
	return bitmap_andnot(dst, src1, src2, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline bool linkmode_empty(const unsigned long *src)
{
	return bitmap_empty(src, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline bool linkmode_equal(const unsigned long *a, const unsigned long *b)
{
	return bitmap_equal(a, b, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline bool linkmode_subset(const unsigned long *a, const unsigned long *b)
{
	return bitmap_subset(a, b, __ETHTOOL_LINK_MODE_MASK_NBITS);
}

static inline void linkmode_set_bit(int nr, unsigned long *addr)
{
	__set_bit(nr, addr);
}

static inline void linkmode_clear_bit(int nr, unsigned long *addr)
{
	__clear_bit(nr, addr);
}

static inline void linkmode_mod_bit(int nr, unsigned long *addr, int set)
{
	if (set)
		linkmode_set_bit(nr, addr);
	else
		linkmode_clear_bit(nr, addr);
}

static inline int linkmode_test_bit(int nr, const unsigned long *addr)
{
	return test_bit(nr, addr);
}

#endif /* _LINUX_LINKMODE_H */
