/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/align.h - rounding to a power-of-2 alignment a. The result has the
 * type of x (of the pointer, for PTR_ALIGN); a that is not a power of 2
 * gives a meaningless result, as in Linux.
 */
#ifndef _LINUX_ALIGN_H
#define _LINUX_ALIGN_H

#include <linux/const.h>

/* The mask of the bits below a, in x's type. */
#define __ALIGN_KERNEL_MASK(x, mask) (((x) + (mask)) & ~(mask))
#define __ALIGN_KERNEL(x, a) __ALIGN_KERNEL_MASK(x, (typeof(x))(a)-1)

/* x rounded up, or down, to a multiple of a. */
#define ALIGN(x, a) __ALIGN_KERNEL((x), (a))
#define ALIGN_DOWN(x, a) ((x) & ~((typeof(x))(a)-1))
#define __ALIGN_MASK(x, mask) __ALIGN_KERNEL_MASK((x), (mask))

/* A pointer rounded up, or down, to a multiple of a. */
#define PTR_ALIGN(p, a) ((typeof(p))ALIGN((unsigned long)(p), (a)))
#define PTR_ALIGN_DOWN(p, a) ((typeof(p))ALIGN_DOWN((unsigned long)(p), (a)))

/* The integer x is a multiple of a (cast a pointer to unsigned long first). */
#define IS_ALIGNED(x, a) (((x) & ((typeof(x))(a)-1)) == 0)

#endif /* _LINUX_ALIGN_H */
