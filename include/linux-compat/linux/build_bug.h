/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/build_bug.h - assertions checked by the compiler. BUILD_BUG_ON
 * takes any condition gcc can decide while optimising; BUILD_BUG_ON_ZERO
 * and static_assert need an integer constant expression.
 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/* 0, or a build error when e is true: for use inside expressions. */
#define BUILD_BUG_ON_ZERO(e) __zero_or_build_error(e, "BUILD_BUG_ON_ZERO: " #e)

/* The build fails with msg unless gcc proves cond false. */
#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)
#define BUILD_BUG_ON(condition) BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

/* The build fails if this point is reachable after optimisation. */
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")

/* Fails unless the constant n is a power of 2; the __ form also lets 0 pass. */
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON((n) == 0 || ((n) & ((n)-1)) != 0)
#define __BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON(((n) & ((n)-1)) != 0)

/*
 * static_assert(expr) or static_assert(expr, "msg"): C11's _Static_assert
 * with the message optional (an empty one is pasted in front of it).
 */
#define static_assert(expr, ...) _Static_assert(expr, "" __VA_ARGS__)

#endif /* _LINUX_BUILD_BUG_H */
