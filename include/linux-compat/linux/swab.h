/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/swab.h - byte swaps of 16, 32 and 64-bit values: swab16/32/64 of
 * a value (a constant expression when the value is a constant, for case
 * labels and initialisers), the *p forms of a value in memory and the *s
 * forms that swap in place; swahw32 swaps the 16-bit halves, swahb32 the
 * bytes within each half.
 */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <linux/compiler.h>
#include <linux/types.h>

/* gcc folds these builtins on constants (and emits BSWAP/ROL otherwise). */
#define ___constant_swab16(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define ___constant_swab32(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define ___constant_swab64(x) ((__u64)__builtin_bswap64((__u64)(x)))
#define ___constant_swahw32(x) ((__u32)((((__u32)(x)) << 16) | (((__u32)(x)) >> 16)))
#define ___constant_swahb32(x) \
	((__u32)(((((__u32)(x)) & 0x00ff00ffU) << 8) | ((((__u32)(x)) & 0xff00ff00U) >> 8)))

#define __swab16(x) ___constant_swab16(x)
#define __swab32(x) ___constant_swab32(x)
#define __swab64(x) ___constant_swab64(x)
#define __swahw32(x) ___constant_swahw32(x)
#define __swahb32(x) ___constant_swahb32(x)
/* A long's bytes reversed (64-bit). */
#define __swab(x) ((unsigned long)__swab64((unsigned long)(x)))

static __always_inline __u16 __swab16p(const __u16 *p)
{
	return __swab16(*p);
}

static __always_inline __u32 __swab32p(const __u32 *p)
{
	return __swab32(*p);
}

static __always_inline __u64 __swab64p(const __u64 *p)
{
	return __swab64(*p);
}

static __always_inline __u32 __swahw32p(const __u32 *p)
{
	return __swahw32(*p);
}

static __always_inline __u32 __swahb32p(const __u32 *p)
{
	return __swahb32(*p);
}

static __always_inline void __swab16s(__u16 *p)
{
	*p = __swab16(*p);
}

static __always_inline void __swab32s(__u32 *p)
{
	*p = __swab32(*p);
}

static __always_inline void __swab64s(__u64 *p)
{
	*p = __swab64(*p);
}

static __always_inline void __swahw32s(__u32 *p)
{
	*p = __swahw32(*p);
}

static __always_inline void __swahb32s(__u32 *p)
{
	*p = __swahb32(*p);
}

#define swab16 __swab16
#define swab32 __swab32
#define swab64 __swab64
#define swab __swab
#define swahw32 __swahw32
#define swahb32 __swahb32
#define swab16p __swab16p
#define swab32p __swab32p
#define swab64p __swab64p
#define swahw32p __swahw32p
#define swahb32p __swahb32p
#define swab16s __swab16s
#define swab32s __swab32s
#define swab64s __swab64s
#define swahw32s __swahw32s
#define swahb32s __swahb32s

/* Swaps each of count 32-bit words of buf in place. */
static inline void swab32_array(u32 *buf, unsigned int count)
{
	while (count--) {
		__swab32s(buf);
		buf++;
	}
}

#endif /* _LINUX_SWAB_H */
