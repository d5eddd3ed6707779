/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bitops.h - bit operations on words and bitmaps: the atomic and
 * non-atomic bit changes and one-word searches of asm/bitops.h, population
 * counts (hweight), rotations, sign extension, and the bitmap searches of
 * linux/find.h (find_next_bit, for_each_set_bit, ...).
 *
 * Emulation notes: hweight* count bits with shifts and masks, not the
 * POPCNT instruction (which needs -mpopcnt) nor gcc's __builtin_popcount
 * (which calls libgcc, outside the kernel namespace). On a constant they
 * fold to a constant expression, as in Linux.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/math.h>
#include <linux/types.h>
#include <asm/bitops.h>

#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
/* How many longs (u64s, u32s, bytes) hold nr bits. */
#define BITS_TO_LONGS(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(char))

/* The number of bits set in w, for a constant w: a constant expression. */
#define __const_hweight8(w)                                                                        \
	((unsigned int)(!!((w)&0x01) + !!((w)&0x02) + !!((w)&0x04) + !!((w)&0x08) + !!((w)&0x10) + \
			!!((w)&0x20) + !!((w)&0x40) + !!((w)&0x80)))
#define __const_hweight16(w) (__const_hweight8(w) + __const_hweight8((w) >> 8))
#define __const_hweight32(w) (__const_hweight16(w) + __const_hweight16((w) >> 16))
#define __const_hweight64(w) (__const_hweight32((u64)(w)) + __const_hweight32((u64)(w) >> 32))

/*
 * The same at run time: add neighbouring bits in pairs, then in nibbles,
 * then all bytes at once with a multiplication that sums them into the top
 * byte.
 */
static __always_inline unsigned long __arch_hweight64(__u64 w)
{
	w = w - ((w >> 1) & 0x5555555555555555ull);
	w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned long)((w * 0x0101010101010101ull) >> 56);
}

static __always_inline unsigned int __arch_hweight32(unsigned int w)
{
	return (unsigned int)__arch_hweight64(w);
}

static __always_inline unsigned int __arch_hweight16(unsigned int w)
{
	return (unsigned int)__arch_hweight64(w & 0xffff);
}

static __always_inline unsigned int __arch_hweight8(unsigned int w)
{
	return (unsigned int)__arch_hweight64(w & 0xff);
}

#define hweight8(w) (__builtin_constant_p(w) ? __const_hweight8(w) : __arch_hweight8(w))
#define hweight16(w) (__builtin_constant_p(w) ? __const_hweight16(w) : __arch_hweight16(w))
#define hweight32(w) (__builtin_constant_p(w) ? __const_hweight32(w) : __arch_hweight32(w))
#define hweight64(w) (__builtin_constant_p(w) ? __const_hweight64(w) : __arch_hweight64(w))

static __always_inline unsigned long hweight_long(unsigned long w)
{
	return __arch_hweight64(w);
}

/* fls of a long: the highest set bit from 1, 0 for 0. */
static __always_inline unsigned int fls_long(unsigned long l)
{
	return (unsigned int)fls64(l);
}

/* The index (from 0) of the lowest set bit of a u64; word must not be 0. */
static __always_inline unsigned long __ffs64(u64 word)
{
	return __ffs((unsigned long)word);
}

/* The order of the smallest power of 2 >= count; -1 for 0. */
static __always_inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return fls(--count);
}

static __always_inline int get_count_order_long(unsigned long l)
{
	if (l == 0)
		return -1;
	return (int)fls_long(--l);
}

/* Rotations: shift counts are taken modulo the width, 0 included. */
static __always_inline __u64 rol64(__u64 word, unsigned int shift)
{
	return (word << (shift & 63)) | (word >> ((-shift) & 63));
}

static __always_inline __u64 ror64(__u64 word, unsigned int shift)
{
	return (word >> (shift & 63)) | (word << ((-shift) & 63));
}

static __always_inline __u32 rol32(__u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static __always_inline __u32 ror32(__u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

static __always_inline __u16 rol16(__u16 word, unsigned int shift)
{
	return (__u16)((word << (shift & 15)) | (word >> ((-shift) & 15)));
}

static __always_inline __u16 ror16(__u16 word, unsigned int shift)
{
	return (__u16)((word >> (shift & 15)) | (word << ((-shift) & 15)));
}

static __always_inline __u8 rol8(__u8 word, unsigned int shift)
{
	return (__u8)((word << (shift & 7)) | (word >> ((-shift) & 7)));
}

static __always_inline __u8 ror8(__u8 word, unsigned int shift)
{
	return (__u8)((word >> (shift & 7)) | (word << ((-shift) & 7)));
}

/* value with bit index as its sign bit, extended to the whole width. */
static __always_inline __s32 sign_extend32(__u32 value, int index)
{
	int shift = 31 - index;

	return (__s32)(value << shift) >> shift;
}

static __always_inline __s64 sign_extend64(__u64 value, int index)
{
	int shift = 63 - index;

	return (__s64)(value << shift) >> shift;
}

/* Sets bit nr if value, else clears it; atomic (unordered), and not. */
static __always_inline void assign_bit(long nr, volatile unsigned long *addr, bool value)
{
	if (value)
		set_bit(nr, addr);
	else
		clear_bit(nr, addr);
}

static __always_inline void __assign_bit(unsigned long nr, volatile unsigned long *addr, bool value)
{
	if (value)
		__set_bit(nr, addr);
	else
		__clear_bit(nr, addr);
}

/* Last: linux/find.h includes this header and uses what it defines. */
#include <linux/find.h>

#endif /* _LINUX_BITOPS_H */
