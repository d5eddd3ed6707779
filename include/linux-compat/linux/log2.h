/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/log2.h - integer base-2 logarithms and powers of 2. On a constant
 * argument each folds to a constant expression (usable in enums, case
 * labels and array sizes), as in Linux.
 *
 * Emulation notes: ilog2(0) is -1 and order_base_2(0) is 0, as Linux's
 * code gives; roundup_pow_of_two(0) and rounddown_pow_of_two(0) are
 * undefined in Linux and here return 1 and 0 (do not rely on either).
 */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/bitops.h>
#include <linux/types.h>

/* The index of the highest set bit; -1 for 0. */
static __always_inline int __ilog2_u32(u32 n)
{
	return fls(n) - 1;
}

static __always_inline int __ilog2_u64(u64 n)
{
	return fls64(n) - 1;
}

/* n is a power of 2 (0 is not). */
static __always_inline __attribute__((const)) bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* The smallest power of 2 >= n, and the largest <= n. */
static __always_inline __attribute__((const)) unsigned long __roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1UL : 1UL << fls_long(n - 1);
}

static __always_inline __attribute__((const)) unsigned long __rounddown_pow_of_two(unsigned long n)
{
	return n ? 1UL << (fls_long(n) - 1) : 0;
}

/*
 * Constant forms: gcc folds __builtin_clzll of a constant, and the result
 * of the ?: on __builtin_constant_p is then a constant expression.
 */
#define __const_ilog2(n) ((n) ? 63 - __builtin_clzll((u64)(n)) : -1)

/* The index of the highest set bit of n (floor of log2); -1 for 0. */
#define ilog2(n) (__builtin_constant_p(n) ? __const_ilog2(n) : __ilog2_u64((u64)(n)))

#define roundup_pow_of_two(n)                                                           \
	(__builtin_constant_p(n) ? ((n) <= 1 ? 1UL : 1UL << (__const_ilog2((n)-1) + 1)) \
				 : __roundup_pow_of_two(n))

#define rounddown_pow_of_two(n)                                          \
	(__builtin_constant_p(n) ? ((n) ? 1UL << __const_ilog2(n) : 0UL) \
				 : __rounddown_pow_of_two(n))

static __always_inline __attribute__((const)) int __order_base_2(unsigned long n)
{
	return n > 1 ? (int)fls_long(n - 1) : 0;
}

/* The order of the smallest power of 2 >= n: order_base_2(5) is 3; 0 for 0 and 1. */
#define order_base_2(n) \
	(__builtin_constant_p(n) ? ((n) > 1 ? __const_ilog2((n)-1) + 1 : 0) : __order_base_2(n))

/* The number of bits needed to hold n (1 for 0 and 1). */
#define bits_per(n) \
	(__builtin_constant_p(n) ? ((n) > 1 ? __const_ilog2(n) + 1 : 1) : (int)fls_long((n) | 1))

#endif /* _LINUX_LOG2_H */
