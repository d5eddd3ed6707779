/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/crc32.h - the CRC-32 of IEEE 802.3 (polynomial 0x04c11db7), bit
 * by bit from the least significant bit of each byte (crc32_le, as
 * Ethernet sends them) or from the most (crc32_be); shim/lib/crc32.c.
 * No final inversion: callers seed with ~0 and invert as their format asks.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/bitrev.h>
#include <linux/types.h>

u32 crc32_le(u32 crc, const unsigned char *p, size_t len);
u32 crc32_be(u32 crc, const unsigned char *p, size_t len);

#define crc32(seed, data, length) crc32_le(seed, (const unsigned char *)(data), length)

/* The CRC of a frame's bytes as multicast hash filters take it: MSB first, or as sent. */
#define ether_crc(length, data) bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)

#endif /* _LINUX_CRC32_H */
