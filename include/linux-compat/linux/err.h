/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/err.h - error pointers: a function that returns a pointer returns
 * -errno cast to a pointer on failure. The last MAX_ERRNO addresses of the
 * address space are never valid objects, so the two cannot be confused.
 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ERRNO 4095

/* x (a pointer or an unsigned long) holds -1 ... -MAX_ERRNO. */
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *__must_check ERR_PTR(long error)
{
	return (void *)error;
}

static inline long __must_check PTR_ERR(__force const void *ptr)
{
	return (long)ptr;
}

static inline bool __must_check IS_ERR(__force const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	return unlikely(!ptr) || IS_ERR(ptr);
}

/* The same error pointer, with the const dropped and any type. */
static inline void *__must_check ERR_CAST(__force const void *ptr)
{
	return (void *)ptr;
}

/* The error held by ptr, or 0 if ptr is a valid pointer (or NULL). */
static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	if (IS_ERR(ptr))
		return (int)PTR_ERR(ptr);
	return 0;
}

#endif /* _LINUX_ERR_H */
