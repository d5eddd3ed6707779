/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/hex.h - hex digits and bytes (shim/lib/hexdump.c). Linux 6.1
 * declares these in linux/kernel.h, which includes this header.
 */
#ifndef _LINUX_HEX_H
#define _LINUX_HEX_H

#include <linux/compiler_types.h>
#include <linux/types.h>

/* The value of one hex digit (either case), or -1. */
int hex_to_bin(unsigned char ch);
/* count bytes from 2 * count hex digits; -EINVAL at the first that is not one. */
int __must_check hex2bin(u8 *dst, const char *src, size_t count);

#endif /* _LINUX_HEX_H */
