/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/typecheck.h - typecheck(type, x) is 1, and a compiler diagnostic
 * (an error under -Werror) when x does not have exactly that type; x is
 * not evaluated. typecheck_fn(type, function) fails the same way when the
 * function does not convert to the function pointer type.
 */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

/* Comparing pointers to two different types is a diagnostic. */
#define typecheck(type, x)                       \
	({                                       \
		type __tc_want;                  \
		typeof(x) __tc_got;              \
		(void)(&__tc_want == &__tc_got); \
		1;                               \
	})

#define typecheck_fn(type, function)             \
	({                                       \
		typeof(type) __tc_fn = function; \
		(void)__tc_fn;                   \
	})

#endif /* _LINUX_TYPECHECK_H */
