/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/minmax.h - min, max, clamp and swap. Each argument is evaluated
 * once. Inside a function, min/max of two integer constant expressions is
 * one too (array sizes); at file scope, where gcc refuses the statement
 * expression of the general case even unselected, use MIN/MAX.
 *
 * min/max/clamp refuse, at build time, to compare a signed value with an
 * unsigned one when the signed one might be negative: C would turn it into
 * a large unsigned number. Use min_t/max_t/clamp_t to say which type to
 * compare in.
 *
 * Emulation notes: the signedness rule is that of Linux 6.12, which accepts
 * everything 6.1 accepts (6.1 demanded identical types): both operands of
 * the same signedness after integer promotion, or the signed one known
 * non-negative at compile time (a constant, or an unsigned type narrower
 * than int, which promotes to int).
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>
#include <linux/const.h>

/* x, after integer promotion, has a signed type. */
#define __minmax_signed(x) is_signed_type(typeof((x) + 0))
/* x is known never to be negative: its own type is unsigned, or gcc proves it. */
#define __minmax_nonneg(x) (is_unsigned_type(typeof(x)) || statically_true((x) > 0 || (x) == 0))
/* Comparing x and y in C's usual arithmetic conversions keeps their values. */
#define __minmax_types_ok(x, y)                      \
	(__minmax_signed(x) == __minmax_signed(y) || \
	 (__minmax_signed(x) ? __minmax_nonneg(x) : __minmax_nonneg(y)))

/* x if it is an integer constant expression, else 0: always a constant. */
#define __minmax_const(x) __builtin_choose_expr(__is_constexpr(x), (x), 0)

/* Selected only when two constants have unsafe types: fails the build. */
extern int __minmax_signedness_error(void)
	__compiletime_error("min/max/clamp of signed and unsigned values: use min_t/max_t/clamp_t");

/*
 * x or y, whichever op prefers, both converted to the type C compares them
 * in (the casts keep -Wsign-compare quiet where the check above passed).
 */
#define __minmax_type(x, y) typeof(1 ? (x) : (y))
#define __minmax_pick(x, y, op)                                                        \
	((__minmax_type(x, y))(x)op(__minmax_type(x, y))(y) ? (__minmax_type(x, y))(x) \
							    : (__minmax_type(x, y))(y))

#define __minmax_once(x, y, op, ux, uy)                                                       \
	({                                                                                    \
		typeof(x) ux = (x);                                                           \
		typeof(y) uy = (y);                                                           \
		compiletime_assert(__minmax_types_ok(ux, uy),                                 \
				   "min/max of signed and unsigned values: use min_t/max_t"); \
		__minmax_pick(ux, uy, op);                                                    \
	})

#define __careful_cmp(x, y, op)                                                                \
	__builtin_choose_expr(                                                                 \
		__is_constexpr(x) && __is_constexpr(y),                                        \
		__builtin_choose_expr(__minmax_types_ok(__minmax_const(x), __minmax_const(y)), \
				      __minmax_pick(x, y, op), __minmax_signedness_error()),   \
		__minmax_once(x, y, op, __UNIQUE_ID(x_), __UNIQUE_ID(y_)))

/* The smaller, or the larger, of x and y. */
#define min(x, y) __careful_cmp(x, y, <)
#define max(x, y) __careful_cmp(x, y, >)

/* For constants only (file scope): no check, arguments evaluated twice. */
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* The same, on unsigned values (any unsigned type, or non-negative). */
#define umin(x, y) min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y) max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)

/* Of three values. */
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)

/* The smaller of x and y that is not 0 (0 if both are). */
#define min_not_zero(x, y)                                                                 \
	({                                                                                 \
		typeof(x) __mnz_x = (x);                                                   \
		typeof(y) __mnz_y = (y);                                                   \
		__mnz_x == 0 ? __mnz_y : (__mnz_y == 0 ? __mnz_x : min(__mnz_x, __mnz_y)); \
	})

/* min/max after converting both to type: no signedness check. */
#define min_t(type, x, y) __careful_cmp((type)(x), (type)(y), <)
#define max_t(type, x, y) __careful_cmp((type)(x), (type)(y), >)

/* val limited to [lo, hi] (a meaningless result if lo > hi, as in Linux). */
#define clamp(val, lo, hi) min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
/* clamp_t in val's own type: lo and hi are converted to it. */
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)

/* Exchanges the values of a and b (lvalues of the same type). */
#define swap(a, b)                          \
	do {                                \
		typeof(a) __swap_tmp = (a); \
		(a) = (b);                  \
		(b) = __swap_tmp;           \
	} while (0)

#endif /* _LINUX_MINMAX_H */
