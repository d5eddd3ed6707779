/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bits.h - single bits and contiguous masks. BIT(n) is an unsigned
 * long, BIT_ULL(n) an unsigned long long; GENMASK(h, l) has bits l to h
 * (both included) set, and fails the build when both are constants and
 * l > h (the arguments swapped).
 */
#ifndef _LINUX_BITS_H
#define _LINUX_BITS_H

#include <linux/build_bug.h>
#include <linux/const.h>
#include <asm/bitsperlong.h>

#define BITS_PER_BYTE 8

#define BIT(nr) (UL(1) << (nr))
#define BIT_ULL(nr) (ULL(1) << (nr))
/* Bit nr of a bitmap of longs: its mask within its word, and the word. */
#define BIT_MASK(nr) (UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr) (ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr) ((nr) / BITS_PER_LONG_LONG)

/* 0, or a build error when both ends are constants and low > high. */
#define GENMASK_INPUT_CHECK(h, l) \
	BUILD_BUG_ON_ZERO(__builtin_choose_expr(__is_constexpr((l) > (h)), (l) > (h), 0))

/* All ones from bit l up, and with all ones up to bit h: their overlap. */
#define __GENMASK(h, l) ((~UL(0) << (l)) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define __GENMASK_ULL(h, l) ((~ULL(0) << (l)) & (~ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h))))

#define GENMASK(h, l) (GENMASK_INPUT_CHECK(h, l) + __GENMASK(h, l))
#define GENMASK_ULL(h, l) (GENMASK_INPUT_CHECK(h, l) + __GENMASK_ULL(h, l))

#endif /* _LINUX_BITS_H */
