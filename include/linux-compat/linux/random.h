/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * random.h - random numbers for drivers (MAC addresses, jitter). The
 * shim's generator is seeded from the clock and is not cryptographic:
 * no driver that uldd runs draws keys from it.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
u64 get_random_u64(void);
#define prandom_u32() get_random_u32()

#endif /* _LINUX_RANDOM_H */
