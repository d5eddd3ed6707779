// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/random.c - a xorshift64* generator seeded from the monotonic clock
 * on first use. Not for secrets (see linux/random.h): uldd's drivers draw
 * MAC addresses and back-off jitter from it.
 */
#include <linux/random.h>
#include <linux/string.h>

#include "../core/door.h"

static u64 random_state;

u64 get_random_u64(void)
{
	u64 x = __atomic_load_n(&random_state, __ATOMIC_RELAXED), next;

	do {
		next = x ? x : (uhost_clock_ns() | 1) * 0x9E3779B97F4A7C15ULL;
		next ^= next >> 12;
		next ^= next << 25;
		next ^= next >> 27;
	} while (!__atomic_compare_exchange_n(&random_state, &x, next, false, __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return next * 0x2545F4914F6CDD1DULL;
}

u32 get_random_u32(void)
{
	return (u32)(get_random_u64() >> 32);
}

void get_random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len) {
		u64 r = get_random_u64();
		size_t n = len < sizeof(r) ? len : sizeof(r);

		memcpy(p, &r, n);
		p += n;
		len -= n;
	}
}
