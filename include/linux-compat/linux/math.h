/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/math.h - integer division that rounds up or to nearest, rounding
 * to multiples, and abs. Arguments may be evaluated more than once where
 * Linux's are too (DIV_ROUND_UP, roundup, round_up): pass plain values.
 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/compiler.h>
#include <linux/types.h>

/* n / d, rounded up (n + d - 1 must not overflow). */
#define __KERNEL_DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define DIV_ROUND_UP(n, d) __KERNEL_DIV_ROUND_UP(n, d)
/* The same, in unsigned long long. */
#define DIV_ROUND_DOWN_ULL(ll, d) ((unsigned long long)(ll) / (d))
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d)-1, (d))

/*
 * x / divisor rounded to the nearest integer, halves away from zero. For
 * signed types, x and divisor may have any signs; the result for a negative
 * value of an unsigned type is meaningless, as in Linux.
 */
#define DIV_ROUND_CLOSEST(x, divisor)                                                \
	({                                                                           \
		typeof(x) __drc_x = (x);                                             \
		typeof(divisor) __drc_d = (divisor);                                 \
		(is_unsigned_type(typeof(x)) || is_unsigned_type(typeof(divisor)) || \
		 ((__drc_x > 0) == (__drc_d > 0)))                                   \
			? ((__drc_x + (__drc_d / 2)) / __drc_d)                      \
			: ((__drc_x - (__drc_d / 2)) / __drc_d);                     \
	})
#define DIV_ROUND_CLOSEST_ULL(x, divisor)             \
	({                                            \
		unsigned long long __drcu_x = (x);    \
		typeof(divisor) __drcu_d = (divisor); \
		(__drcu_x + __drcu_d / 2) / __drcu_d; \
	})

/* x rounded up, or down, to a multiple of y (any y > 0). */
#define roundup(x, y)                                     \
	({                                                \
		typeof(y) __ru_y = (y);                   \
		(((x) + (__ru_y - 1)) / __ru_y) * __ru_y; \
	})
#define rounddown(x, y)                  \
	({                               \
		typeof(x) __rd_x = (x);  \
		__rd_x - (__rd_x % (y)); \
	})

/* x rounded up, or down, to a multiple of y, a power of 2; in x's type. */
#define __round_mask(x, y) ((__typeof__(x))((y)-1))
#define round_up(x, y) ((((x)-1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))

/*
 * |x|, in x's type after promotion (so abs(INT_MIN) is INT_MIN, as in
 * Linux); an unsigned x is returned as it is.
 */
#define abs(x)                                    \
	_Generic((x) + 0, int                     \
		 : __abs_int((x) + 0), long       \
		 : __abs_long((x) + 0), long long \
		 : __abs_llong((x) + 0), default  \
		 : (x) + 0)

static __always_inline int __abs_int(int x)
{
	return x < 0 ? (int)(0u - (unsigned int)x) : x;
}

static __always_inline long __abs_long(long x)
{
	return x < 0 ? (long)(0ul - (unsigned long)x) : x;
}

static __always_inline long long __abs_llong(long long x)
{
	return x < 0 ? (long long)(0ull - (unsigned long long)x) : x;
}

/* (x * numer) / denom without overflowing in the product (x >= 0). */
#define mult_frac(x, numer, denom)                                   \
	({                                                           \
		typeof(x) __mf_q = (x) / (denom);                    \
		typeof(x) __mf_r = (x) % (denom);                    \
		(__mf_q * (numer)) + ((__mf_r * (numer)) / (denom)); \
	})

#endif /* _LINUX_MATH_H */
