/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kconfig.h - IS_ENABLED() and family: Kconfig choices as C
 * expressions. A choice is a macro the build defines to 1 (=y, given as
 * -DCONFIG_X by 'uldd port') or CONFIG_X_MODULE (=m); an unset one is
 * undefined. Kbuild force-includes this header; here compiler_types.h,
 * which every K-world compile force-includes, includes it.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

/*
 * 1 when the macro named by its argument is defined as 1, else 0, usable
 * in #if and in C alike: a defined-as-1 macro pastes into a helper that
 * inserts an extra argument, shifting the 1 into the taken position.
 */
#define __ULDD_ARG_PLACEHOLDER_1 0,
#define __uldd_take_second(ignored, val, ...) val
#define ___uldd_is_defined(arg_or_junk) __uldd_take_second(arg_or_junk 1, 0, 0)
#define __uldd_is_defined(val) ___uldd_is_defined(__ULDD_ARG_PLACEHOLDER_##val)
#define __is_defined(x) __uldd_is_defined(x)

#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_ENABLED(option) (IS_BUILTIN(option) || IS_MODULE(option))
/* A driver is built with its users: what is enabled is reachable. */
#define IS_REACHABLE(option) IS_ENABLED(option)

#endif /* _LINUX_KCONFIG_H */
