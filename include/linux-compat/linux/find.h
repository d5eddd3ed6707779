/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/find.h - searches of a bitmap of size bits. Each returns the index
 * of the bit found, or size when there is none (also when offset >= size).
 * Bits past size in the last word are ignored.
 *
 * Emulation notes: inline word-at-a-time loops (Linux has them out of line
 * in lib/find_bit.c); not atomic with respect to concurrent changes, as in
 * Linux.
 */
#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

#include <linux/bitops.h>
#include <linux/types.h>

/* The bits at and above bit start of its word; the bits below bit nbits of the last. */
#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

/*
 * The first bit at or after start that is set in addr[] ^ invert (invert
 * is 0 to find a set bit, ~0UL to find a clear one); size if none.
 */
static __always_inline unsigned long __find_next_bit_inv(const unsigned long *addr,
							 unsigned long size, unsigned long start,
							 unsigned long invert)
{
	unsigned long word, found;

	if (start >= size)
		return size;
	word = (addr[BIT_WORD(start)] ^ invert) & BITMAP_FIRST_WORD_MASK(start);
	start &= ~(unsigned long)(BITS_PER_LONG - 1);
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = addr[BIT_WORD(start)] ^ invert;
	}
	found = start + __ffs(word);
	return found < size ? found : size;
}

static __always_inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
						   unsigned long offset)
{
	return __find_next_bit_inv(addr, size, offset, 0);
}

static __always_inline unsigned long find_next_zero_bit(const unsigned long *addr,
							unsigned long size, unsigned long offset)
{
	return __find_next_bit_inv(addr, size, offset, ~0UL);
}

static __always_inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return __find_next_bit_inv(addr, size, 0, 0);
}

static __always_inline unsigned long find_first_zero_bit(const unsigned long *addr,
							 unsigned long size)
{
	return __find_next_bit_inv(addr, size, 0, ~0UL);
}

/* The last set bit below size; size if none. */
static __always_inline unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx, word;

	if (size == 0)
		return size;
	idx = BIT_WORD(size - 1);
	word = addr[idx] & BITMAP_LAST_WORD_MASK(size);
	for (;;) {
		if (word)
			return idx * BITS_PER_LONG + __fls(word);
		if (idx == 0)
			return size;
		word = addr[--idx];
	}
}

/* The first bit set in both a1 and a2 at or after offset; size if none. */
static __always_inline unsigned long find_next_and_bit(const unsigned long *a1,
						       const unsigned long *a2, unsigned long size,
						       unsigned long offset)
{
	unsigned long word, found;

	if (offset >= size)
		return size;
	word = a1[BIT_WORD(offset)] & a2[BIT_WORD(offset)] & BITMAP_FIRST_WORD_MASK(offset);
	offset &= ~(unsigned long)(BITS_PER_LONG - 1);
	while (!word) {
		offset += BITS_PER_LONG;
		if (offset >= size)
			return size;
		word = a1[BIT_WORD(offset)] & a2[BIT_WORD(offset)];
	}
	found = offset + __ffs(word);
	return found < size ? found : size;
}

/* bit takes each set (clear) bit's index below size, in increasing order. */
#define for_each_set_bit(bit, addr, size)                            \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#define for_each_clear_bit(bit, addr, size)                               \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

/* The same, starting at bit's current value. */
#define for_each_set_bit_from(bit, addr, size)                             \
	for ((bit) = find_next_bit((addr), (size), (bit)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#define for_each_clear_bit_from(bit, addr, size)                                \
	for ((bit) = find_next_zero_bit((addr), (size), (bit)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _LINUX_FIND_H */
