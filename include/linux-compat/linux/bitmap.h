/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bitmap.h - whole-bitmap operations on arrays of unsigned long
 * (DECLARE_BITMAP in linux/types.h). nbits is the bitmap's size in bits;
 * the functions that read (empty, full, equal, weight, ...) ignore the bits
 * past nbits in the last word, those that write may change them, as in
 * Linux. None is atomic.
 *
 * Emulation notes: a subset, all inline (Linux has the larger ones out of
 * line in lib/bitmap.c).
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/types.h>

/* Every word of the bitmap, the last one whole. */
static __always_inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = 0;
}

static __always_inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~0UL;
}

static __always_inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
					unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src[i];
}

/* The number of whole words, and the mask of the bits used in the last partial one. */
#define __bitmap_whole(nbits) ((nbits) / BITS_PER_LONG)
#define __bitmap_tail(nbits) ((nbits) % BITS_PER_LONG)

static __always_inline bool bitmap_equal(const unsigned long *src1, const unsigned long *src2,
					 unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < __bitmap_whole(nbits); i++)
		if (src1[i] != src2[i])
			return false;
	if (__bitmap_tail(nbits))
		return ((src1[i] ^ src2[i]) & BITMAP_LAST_WORD_MASK(nbits)) == 0;
	return true;
}

static __always_inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) >= nbits;
}

static __always_inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) >= nbits;
}

/* The number of bits set below nbits. */
static __always_inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < __bitmap_whole(nbits); i++)
		w += (unsigned int)hweight_long(src[i]);
	if (__bitmap_tail(nbits))
		w += (unsigned int)hweight_long(src[i] & BITMAP_LAST_WORD_MASK(nbits));
	return w;
}

/* Sets (clears) the nbits bits from bit start. */
static __always_inline void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{
	unsigned int end = start + nbits;

	while (start < end && (start % BITS_PER_LONG)) {
		__set_bit(start, map);
		start++;
	}
	while (end - start >= BITS_PER_LONG) {
		map[BIT_WORD(start)] = ~0UL;
		start += BITS_PER_LONG;
	}
	while (start < end) {
		__set_bit(start, map);
		start++;
	}
}

static __always_inline void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits)
{
	unsigned int end = start + nbits;

	while (start < end && (start % BITS_PER_LONG)) {
		__clear_bit(start, map);
		start++;
	}
	while (end - start >= BITS_PER_LONG) {
		map[BIT_WORD(start)] = 0;
		start += BITS_PER_LONG;
	}
	while (start < end) {
		__clear_bit(start, map);
		start++;
	}
}

/* dst = src1 op src2, word by word; and/andnot return whether dst has a bit set. */
static __always_inline bool bitmap_and(unsigned long *dst, const unsigned long *src1,
				       const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] & src2[i];
	return !bitmap_empty(dst, nbits);
}

static __always_inline bool bitmap_andnot(unsigned long *dst, const unsigned long *src1,
					  const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] & ~src2[i];
	return !bitmap_empty(dst, nbits);
}

static __always_inline void bitmap_or(unsigned long *dst, const unsigned long *src1,
				      const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] | src2[i];
}

static __always_inline void bitmap_xor(unsigned long *dst, const unsigned long *src1,
				       const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] ^ src2[i];
}

static __always_inline void bitmap_complement(unsigned long *dst, const unsigned long *src,
					      unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~src[i];
}

/* src1 and src2 have a set bit in common (below nbits). */
static __always_inline bool bitmap_intersects(const unsigned long *src1, const unsigned long *src2,
					      unsigned int nbits)
{
	return find_next_and_bit(src1, src2, nbits, 0) < nbits;
}

/* Every bit set in src1 is set in src2 (below nbits). */
static __always_inline bool bitmap_subset(const unsigned long *src1, const unsigned long *src2,
					  unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < __bitmap_whole(nbits); i++)
		if (src1[i] & ~src2[i])
			return false;
	if (__bitmap_tail(nbits))
		return (src1[i] & ~src2[i] & BITMAP_LAST_WORD_MASK(nbits)) == 0;
	return true;
}

#endif /* _LINUX_BITMAP_H */
