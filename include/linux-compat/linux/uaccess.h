/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uaccess.h - copies between "user" and kernel memory. In uldd both are
 * the process's memory, so they are plain copies; they still return the
 * bytes not copied (0) as drivers expect.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/string.h>
#include <linux/types.h>

static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	memcpy(to, (__force const void *)from, n);
	return 0;
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy((__force void *)to, from, n);
	return 0;
}

/* One value of the pointer's type: 0. */
#define put_user(x, ptr)                                \
	({                                              \
		*(__force typeof(*(ptr)) *)(ptr) = (x); \
		0;                                      \
	})
#define get_user(x, ptr)                                      \
	({                                                    \
		(x) = *(__force const typeof(*(ptr)) *)(ptr); \
		0;                                            \
	})
#define __put_user(x, ptr) put_user(x, ptr)
#define __get_user(x, ptr) get_user(x, ptr)

#endif /* _LINUX_UACCESS_H */
