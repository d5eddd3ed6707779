/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/compiler_types.h - the attributes and annotations kernel code uses
 * without including anything. Every K-world compile force-includes this
 * header (-include, see shim/shim.mk), as Kbuild does.
 *
 * Emulation notes: sparse's annotations (__iomem, __user, __force,
 * __bitwise in linux/types.h) mean something only when sparse runs
 * (__CHECKER__); gcc sees them as empty.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#include <linux/kconfig.h>

#ifdef __CHECKER__
#define __user __attribute__((noderef, address_space(__user)))
#define __iomem __attribute__((noderef, address_space(__iomem)))
#define __force __attribute__((force))
#else
#define __user
#define __iomem
#define __force
#endif

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __must_check __attribute__((__warn_unused_result__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __printf(fmt_arg, first_arg) __attribute__((__format__(printf, fmt_arg, first_arg)))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __weak __attribute__((__weak__))
#define __cold __attribute__((__cold__))
#define __noreturn __attribute__((__noreturn__))
#define __section(name) __attribute__((__section__(name)))
#define fallthrough __attribute__((__fallthrough__))
/*
 * A flexible array's length lives in member: compilers that know the
 * attribute check bounds with it; older ones (gcc 12) get nothing.
 */
#if defined(__has_attribute) && __has_attribute(__counted_by__)
#define __counted_by(member) __attribute__((__counted_by__(member)))
#else
#define __counted_by(member)
#endif

/* True when a and b have the same type, as a constant expression. */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

/* Pastes two tokens after expanding them; a fresh identifier per use. */
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* A call to a function with this attribute that survives optimisation fails the build. */
#define __compiletime_error(msg) __attribute__((__error__(msg)))

/*
 * compiletime_assert(cond, msg): the build fails with msg unless cond is
 * known true at compile time, after optimisation (so cond may involve
 * __builtin_constant_p or values gcc propagates, not only integer constant
 * expressions). Needs -O1 or more, as in Linux. The failing branch calls a
 * function that is declared, never defined, and that the optimiser removes
 * when cond holds.
 */
#define __compiletime_assert(cond, msg, name)                               \
	do {                                                                \
		extern void name(void) __noreturn __compiletime_error(msg); \
		if (!(cond))                                                \
			name();                                             \
	} while (0)
#define compiletime_assert(cond, msg) \
	__compiletime_assert(cond, msg, __UNIQUE_ID(__compiletime_assert_))

#endif /* _LINUX_COMPILER_TYPES_H */
