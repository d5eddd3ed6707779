/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/const.h - integer constants that also read in assembly (UL(1),
 * _BITUL(n)) and __is_constexpr, which tells an integer constant expression
 * from any other expression without evaluating it.
 */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

/* K-world is never assembled from these headers: suffixes always apply. */
#define __AC(x, y) (x##y)
#define _AC(x, y) __AC(x, y)

#define _UL(x) (_AC(x, UL))
#define _ULL(x) (_AC(x, ULL))
#define UL(x) (_UL(x))
#define ULL(x) (_ULL(x))

#define _BITUL(x) (_UL(1) << (x))
#define _BITULL(x) (_ULL(1) << (x))

/*
 * 1 if x is an integer constant expression, else 0, itself a constant
 * expression; x is not evaluated. C makes a null pointer constant of
 * (void *)0 only when the 0 is a constant expression: then the ?: takes the
 * other arm's type (int *), else it yields void *, and the sizeof of what it
 * points to tells which (gcc gives sizeof(void) as 1).
 */
#define __is_constexpr(x) (sizeof(int) == sizeof(*(1 ? ((void *)((long)(x)*0l)) : (int *)1)))

#endif /* _LINUX_CONST_H */
