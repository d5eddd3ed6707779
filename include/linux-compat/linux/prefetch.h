/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* prefetch.h - cache hints, as the compiler's builtin gives them. */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#define prefetch(x) __builtin_prefetch(x)
#define prefetchw(x) __builtin_prefetch(x, 1)

#endif /* _LINUX_PREFETCH_H */
