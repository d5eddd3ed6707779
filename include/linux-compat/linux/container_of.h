/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/container_of.h - from a pointer to a member, the structure that
 * contains it. The pointer's type must be the member's (or void *); a
 * mismatch fails the build, as in Linux.
 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

/* The type that contains member at ptr; ptr is evaluated once. */
#define container_of(ptr, type, member)                                                    \
	({                                                                                 \
		void *__mptr = (void *)(ptr);                                              \
		static_assert(__same_type(*(ptr), ((type *)0)->member) ||                  \
				      __same_type(*(ptr), void),                           \
			      "container_of: ptr does not point to a " #type "." #member); \
		((type *)((char *)__mptr - offsetof(type, member)));                       \
	})

/* The same, keeping ptr's const (Linux 6.2 and later). */
#define container_of_const(ptr, type, member) \
	_Generic(ptr,                                                             \
		const typeof(*(ptr)) *: ((const type *)container_of(ptr, type, member)), \
		default: ((type *)container_of(ptr, type, member)))

#endif /* _LINUX_CONTAINER_OF_H */
