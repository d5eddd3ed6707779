/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/overflow.h - arithmetic that reports overflow, and size
 * computations that saturate. check_*_overflow(a, b, d) stores the result
 * (wrapped) in *d and returns true if the exact result does not fit in *d's
 * type; a, b and *d may have different integer types. size_add/size_mul/
 * size_sub and the array/struct sizes built on them give SIZE_MAX on
 * overflow, which every allocator refuses.
 *
 * Emulation notes: as in Linux 6.12 (gcc's __builtin_*_overflow); 6.1
 * also required a, b and *d to have one type, so this accepts a superset.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/types.h>

/* A result the caller must look at. */
static __always_inline bool __must_check __must_check_overflow(bool overflow)
{
	return unlikely(overflow);
}

#define check_add_overflow(a, b, d) __must_check_overflow(__builtin_add_overflow(a, b, d))
#define check_sub_overflow(a, b, d) __must_check_overflow(__builtin_sub_overflow(a, b, d))
#define check_mul_overflow(a, b, d) __must_check_overflow(__builtin_mul_overflow(a, b, d))

/* x >= 0 and x < 0 without gcc's "always true" warning on unsigned types. */
#define __overflow_nonneg(x) ((x) > 0 || (x) == 0)
#define __overflow_neg(x) (!__overflow_nonneg(x))

/*
 * *d = a << s; true when that is not a << s exactly: bits shifted out of
 * *d's type, a negative a or s, s at least *d's width, or a result that
 * sets the sign bit of a signed *d. *d is not meaningful when true.
 */
#define check_shl_overflow(a, s, d)                                                             \
	__must_check_overflow(({                                                                \
		typeof(a) __shl_a = (a);                                                        \
		typeof(s) __shl_s = (s);                                                        \
		typeof(d) __shl_d = (d);                                                        \
		unsigned int __shl_n =                                                          \
			(__overflow_nonneg(__shl_s) && (u64)__shl_s < 8 * sizeof(*__shl_d))     \
				? (unsigned int)__shl_s                                         \
				: 0;                                                            \
		*__shl_d = (typeof(*__shl_d))((u64)__shl_a << __shl_n);                         \
		(u64) __shl_n != (u64)__shl_s || __overflow_neg(__shl_a) ||                     \
			__overflow_neg(*__shl_d) || (u64)(*__shl_d >> __shl_n) != (u64)__shl_a; \
	}))

/* a * b, a + b, a - b; SIZE_MAX when the result overflows (or an input is SIZE_MAX). */
static __always_inline size_t __must_check size_mul(size_t factor1, size_t factor2)
{
	size_t bytes;

	if (check_mul_overflow(factor1, factor2, &bytes))
		return SIZE_MAX;
	return bytes;
}

static __always_inline size_t __must_check size_add(size_t addend1, size_t addend2)
{
	size_t bytes;

	if (check_add_overflow(addend1, addend2, &bytes))
		return SIZE_MAX;
	return bytes;
}

static __always_inline size_t __must_check size_sub(size_t minuend, size_t subtrahend)
{
	size_t bytes;

	if (minuend == SIZE_MAX || subtrahend == SIZE_MAX ||
	    check_sub_overflow(minuend, subtrahend, &bytes))
		return SIZE_MAX;
	return bytes;
}

/* The size of an array of a (then b, c) elements of b (c) bytes each. */
#define array_size(a, b) size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)

/* The size of count elements of p's flexible array member. */
#define flex_array_size(p, member, count) \
	size_mul(count, sizeof(*(p)->member) + __must_be_array((p)->member))

/* The size of *p with count elements in its flexible array member. */
#define struct_size(p, member, count) size_add(sizeof(*(p)), flex_array_size(p, member, count))

/* The same from the structure's type. */
#define struct_size_t(type, member, count) struct_size((type *)NULL, member, count)

#endif /* _LINUX_OVERFLOW_H */
