/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/math64.h - 64-bit division with 32- or 64-bit divisors, and the
 * wide multiplications. On a 64-bit machine each is one division (the
 * names exist for 32-bit kernels, where a plain u64 division is a library
 * call); quotients truncate toward zero, a remainder has the dividend's
 * sign, as in C.
 */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <asm/div64.h>
#include <linux/math.h>
#include <linux/types.h>

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = (u32)(dividend % divisor);
	return dividend / divisor;
}

static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = (s32)(dividend % divisor);
	return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

/* unsigned long and long are 64 bits here. */
#define div64_ul(x, y) div64_u64((x), (y))
#define div64_long(x, y) div64_s64((x), (y))

/* ll / d rounded up, and to the nearest (halves up); d is read once. */
#define DIV64_U64_ROUND_UP(ll, d)                       \
	({                                              \
		u64 __d64_d = (d);                      \
		div64_u64((ll) + __d64_d - 1, __d64_d); \
	})
#define DIV64_U64_ROUND_CLOSEST(dividend, divisor)            \
	({                                                    \
		u64 __d64_d = (divisor);                      \
		div64_u64((dividend) + __d64_d / 2, __d64_d); \
	})
#define DIV_U64_ROUND_CLOSEST(dividend, divisor)                 \
	({                                                       \
		u32 __d64_d = (divisor);                         \
		div_u64((u64)(dividend) + __d64_d / 2, __d64_d); \
	})
#define DIV_S64_ROUND_CLOSEST(dividend, divisor)                                            \
	({                                                                                  \
		s64 __d64_x = (dividend);                                                   \
		s32 __d64_d = (divisor);                                                    \
		((__d64_x > 0) == (__d64_d > 0)) ? div_s64(__d64_x + __d64_d / 2, __d64_d)  \
						 : div_s64(__d64_x - __d64_d / 2, __d64_d); \
	})

static inline u64 mul_u32_u32(u32 a, u32 b)
{
	return (u64)a * b;
}

/* (a * mul) >> shift without losing the product's top bits. */
static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

static inline u64 mul_u64_u64_shr(u64 a, u64 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

/*
 * a * b / c with a 128-bit intermediate product. x86-64's divq does the
 * 128-by-64 division (a 128-bit C division would call libgcc, which
 * K-world does not link); as in Linux, a quotient past 64 bits traps.
 */
static inline u64 mul_u64_u64_div_u64(u64 a, u64 b, u64 c)
{
	u64 q, rem;

	__asm__("mulq %[b]; divq %[c]" : "=a"(q), "=&d"(rem) : "a"(a), [b] "rm"(b), [c] "rm"(c));
	return q;
}

#endif /* _LINUX_MATH64_H */
